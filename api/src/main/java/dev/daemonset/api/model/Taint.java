package dev.daemonset.api.model;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * {@code spec.taints[]} of a Node.
 *
 * @param key the taint key
 * @param value the taint value
 * @param effect {@code NoSchedule}, {@code PreferNoSchedule} or {@code NoExecute}
 * @param timeAdded when a NoExecute taint was added, if recorded
 */
public record Taint(String key, String value, String effect, @Nullable Instant timeAdded) {
  public Taint {
    key = Copies.str(key, "key");
    value = Copies.str(value, "value");
    effect = Copies.str(effect, "effect");
  }

  /** {@code key=value:effect}, as kubectl prints a taint. */
  @Override
  public String toString() {
    return key + (value.isEmpty() ? "" : "=" + value) + ":" + effect;
  }
}
