package dev.daemonset.core.lint;

import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.model.DaemonSetUpdateStrategy;
import dev.daemonset.api.model.IntOrString;
import dev.daemonset.api.model.RollingUpdateDaemonSet;
import org.jspecify.annotations.Nullable;

/** What the rolling-update policies read of a defaulted DaemonSet's update strategy. */
final class Rollouts {
  private Rollouts() {}

  /** The rollingUpdate block of a RollingUpdate DaemonSet (after defaulting), or null. */
  static @Nullable RollingUpdateDaemonSet rolling(DaemonSet defaulted) {
    DaemonSetUpdateStrategy s = defaulted.spec().updateStrategy();
    return DaemonSetUpdateStrategy.ROLLING_UPDATE.equals(s.type()) ? s.rollingUpdate() : null;
  }

  /** True if a maxSurge value lets the controller start new pods beside old ones. */
  static boolean surges(@Nullable IntOrString maxSurge) {
    if (maxSurge == null) {
      return false;
    }
    return maxSurge.isInt() ? maxSurge.intValue() > 0 : maxSurge.percent().orElse(0) > 0;
  }

  /** True if maxUnavailable is a share of 100% or more: the rollout does not wait for anything. */
  static boolean unpaced(DaemonSet defaulted) {
    RollingUpdateDaemonSet r = rolling(defaulted);
    IntOrString v = r == null ? null : r.maxUnavailable();
    return v != null && v.percent().orElse(0) >= 100;
  }
}
