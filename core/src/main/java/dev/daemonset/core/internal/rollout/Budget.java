package dev.daemonset.core.internal.rollout;

import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.model.DaemonSetUpdateStrategy;
import dev.daemonset.api.model.IntOrString;
import dev.daemonset.api.model.RollingUpdateDaemonSet;
import dev.daemonset.core.internal.intstr.IntStr;
import org.jspecify.annotations.Nullable;

/**
 * The update strategy with apps/v1 defaults applied (D2: type {@code RollingUpdate}, maxUnavailable
 * 1, maxSurge 0) and upstream's scaling of its budgets (D4, D5: {@code UnavailableCount}, {@code
 * SurgeCount}, {@code GetScaledValueFromIntOrPercent} rounding up).
 *
 * <p>Public inside the module only (this package is not exported): the planner's rolling update and
 * the simulator's budget check share this one implementation.
 */
public final class Budget {
  private Budget() {}

  /**
   * True for {@code OnDelete}; anything else (including "") is a rolling update after defaulting.
   */
  public static boolean isOnDelete(DaemonSet ds) {
    return DaemonSetUpdateStrategy.ON_DELETE.equals(ds.spec().updateStrategy().type());
  }

  private static RollingUpdateDaemonSet rollingUpdate(DaemonSet ds) {
    RollingUpdateDaemonSet r = ds.spec().updateStrategy().rollingUpdate();
    return r == null ? new RollingUpdateDaemonSet(null, null) : r;
  }

  /**
   * Scaled maxUnavailable (nil defaults to 1); 0 for OnDelete. Throws {@link
   * IllegalArgumentException} when unparsable.
   */
  public static int maxUnavailable(DaemonSet ds, int desired) {
    if (isOnDelete(ds)) {
      return 0;
    }
    IntOrString v = rollingUpdate(ds).maxUnavailable();
    return scale(v == null ? IntOrString.of(1) : v, desired);
  }

  /**
   * Scaled maxSurge (nil defaults to 0); 0 for OnDelete. Throws {@link IllegalArgumentException}
   * when unparsable.
   */
  public static int maxSurge(DaemonSet ds, int desired) {
    if (isOnDelete(ds)) {
      return 0;
    }
    IntOrString v = rollingUpdate(ds).maxSurge();
    return v == null ? 0 : scale(v, desired);
  }

  /** Upstream's {@code AllowsSurge}: maxSurge scaled against 1 is non-zero and parsable. */
  public static boolean allowsSurge(DaemonSet ds) {
    try {
      return maxSurge(ds, 1) != 0;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * An integer as is; {@code "N%"} as ceil(N × total / 100); any other string is an error
   * (upstream's {@code GetScaledValueFromIntOrPercent} rounding up, in {@link IntStr}).
   */
  public static int scale(@Nullable IntOrString v, int total) {
    if (v == null) {
      throw new IllegalArgumentException("nil value for IntOrString");
    }
    return IntStr.scaledValue(v, total, true);
  }
}
