package dev.daemonset.api.model;

import static org.apiguardian.api.API.Status.STABLE;

import java.time.Instant;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code spec.taints[]} of a Node.
 *
 * @param key the taint key
 * @param value the taint value
 * @param effect {@code NoSchedule}, {@code PreferNoSchedule} or {@code NoExecute}
 * @param timeAdded when a NoExecute taint was added, if recorded
 * @since 0.2
 */
@API(status = STABLE, since = "0.2")
public record Taint(String key, String value, String effect, @Nullable Instant timeAdded) {
  /** The {@code NoSchedule} effect: no new pod that does not tolerate the taint is scheduled. */
  public static final String NO_SCHEDULE = "NoSchedule";

  /** The {@code PreferNoSchedule} effect: the scheduler avoids the node (a preference). */
  public static final String PREFER_NO_SCHEDULE = "PreferNoSchedule";

  /**
   * The {@code NoExecute} effect: pods that do not tolerate the taint are evicted, and not
   * scheduled.
   */
  public static final String NO_EXECUTE = "NoExecute";

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
