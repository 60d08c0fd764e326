package dev.daemonset.core.plan;

import dev.daemonset.api.model.Node;
import dev.daemonset.api.model.Pod;
import java.util.List;

/**
 * Reading a snapshot's nodes and pods in batches, each object first touched in a small loop and
 * then worked on in a second one (pods in two steps: what every claim reads, then what the claimed
 * ones are read for; see {@link Ownership#claimPods}).
 *
 * <p>Why: a snapshot lists its objects in no particular order relative to where they lie in memory,
 * so from a few thousand nodes on nearly every object the plan reaches for is a cache miss, and
 * each is a chain of them (pod, metadata, labels map, its arrays). In the one loop that fits a node
 * or claims a pod, the processor cannot look far enough ahead to start the next object's loads
 * while it works on this one: the misses are paid one after the other. A loop that only follows the
 * pointers is short enough for the processor to have the loads of many objects in flight at once;
 * the working loop then finds the batch in the cache. Measured in one JVM against the single loop,
 * on the benchmark's clusters: a plan took 0.5–0.75 of the time from 5,000 nodes on, and 0.82–0.96
 * at 1,000 nodes (benchmarks/HISTORY.md).
 *
 * <p>Only what the working loop reads first is touched. Following the pointers further measured
 * mixed (the first owner reference, condition and taint: 6% faster at 65,000 nodes, 1–3% slower at
 * 1,000–5,000) or slower (a label lookup, 8–28%); so did touching one level of pointers at a time
 * over the whole batch (benchmarks/HISTORY.md).
 *
 * <p>The numbers the {@code touch} methods return mean nothing; the caller keeps their sum, so that
 * the compiler cannot drop the reads that produce them.
 */
final class ReadAhead {
  /**
   * Objects per batch: enough misses in flight to hide most of their latency, and a batch's objects
   * (about ten cache lines each) still in the first-level cache when the working loop reaches them.
   */
  static final int BATCH = 32;

  private ReadAhead() {}

  /** The end (exclusive) of the batch that starts at {@code start} in a list of {@code size}. */
  static int end(int start, int size) {
    return Math.min(size, start + BATCH);
  }

  /** Touches what fitting a node reads first: its name, its labels map and its taint list. */
  static int touch(Node node) {
    return node.name().hashCode() + node.metadata().labels().size() + node.taints().size();
  }

  /**
   * Touches what deciding whether a pod is the DaemonSet's reads of every pod: its namespace and
   * owner references. Most pods of a cluster belong to other controllers and are let go after that;
   * touching their labels, node name and status too, and matching their labels, made a plan with 20
   * other pods per node take 1.4 to 3.3 times as long (benchmarks/HISTORY.md).
   */
  static int touch(Pod pod) {
    return pod.metadata().namespace().length() + pod.metadata().ownerReferences().size();
  }

  /** The sum of {@link #touch(Node)} over {@code nodes[start, end)}. */
  static int touchNodes(List<Node> nodes, int start, int end) {
    int sum = 0;
    for (int i = start; i < end; i++) {
      sum += touch(nodes.get(i));
    }
    return sum;
  }

  /**
   * Touches what reading a claimed pod takes next: its node name and status conditions (its labels
   * were read when it was claimed).
   */
  static int touchClaimed(Pod pod) {
    return pod.spec().nodeName().hashCode() + pod.status().conditions().size();
  }

  /**
   * The sum of {@link #touchClaimed} over the pods of {@code pods[start, end)} claimed in {@code
   * claims}.
   */
  static int touchClaimedPods(List<Pod> pods, Ownership.Claim[] claims, int start, int end) {
    int sum = 0;
    for (int i = start; i < end; i++) {
      Ownership.Claim c = claims[i - start];
      if (c == Ownership.Claim.OWNED || c == Ownership.Claim.ADOPTED) {
        sum += touchClaimed(pods.get(i));
      }
    }
    return sum;
  }

  /** The sum of {@link #touch(Pod)} over {@code pods[start, end)}. */
  static int touchPods(List<Pod> pods, int start, int end) {
    int sum = 0;
    for (int i = start; i < end; i++) {
      sum += touch(pods.get(i));
    }
    return sum;
  }
}
