package dev.daemonset.core.simulate;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The controller's failed-pod backoff (C5), per node: client-go's {@code flowcontrol.Backoff} as
 * kube-controller-manager configures it for the DaemonSet controller ({@code NewBackOff(1s, 15m)},
 * no jitter). {@link #next} is upstream's {@code Next}: a new or expired entry (untouched for more
 * than twice the maximum) starts at 1 s, an existing one doubles up to 15 min. A node is in backoff
 * while less than its delay has passed since its last update ({@code IsInBackOffSinceUpdate}). The
 * key's DaemonSet generation is constant within a simulation, so the node's name is the key.
 */
final class Backoff {
  static final long INITIAL = 1_000;
  static final long MAX = 15 * 60_000;

  private final Map<String, long[]> entries = new HashMap<>();

  /** Advances the node's backoff at time {@code t} (millis), as the controller does on a delete. */
  void next(String node, long t) {
    long[] e = entries.get(node);
    if (e == null || t - e[1] > 2 * MAX) {
      entries.put(node, new long[] {INITIAL, t});
    } else {
      e[0] = Math.min(2 * e[0], MAX);
      e[1] = t;
    }
  }

  /** Whether the node is in backoff at {@code t}. */
  boolean inBackoff(String node, long t) {
    long[] e = entries.get(node);
    return e != null && t - e[1] < e[0];
  }

  /** When the node's backoff ends; only meaningful while it is {@linkplain #inBackoff in it}. */
  long expiry(String node) {
    long[] e = entries.get(node);
    return e == null ? 0 : e[1] + e[0];
  }

  /** The nodes in backoff at {@code t}, sorted. */
  Set<String> nodesInBackoff(long t) {
    Set<String> out = new TreeSet<>();
    entries.forEach(
        (node, e) -> {
          if (t - e[1] < e[0]) {
            out.add(node);
          }
        });
    return out;
  }
}
