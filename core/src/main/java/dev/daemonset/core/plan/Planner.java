package dev.daemonset.core.plan;

import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.plan.ClusterSnapshot;
import dev.daemonset.api.plan.Plan;
import dev.daemonset.api.plan.PlanOptions;
import java.time.Instant;

/** STUB until the planner branch lands. */
public final class Planner {
  private Planner() {}

  public static Plan plan(DaemonSet ds, ClusterSnapshot snapshot, Instant now, PlanOptions options) {
    throw new UnsupportedOperationException(ds + " " + snapshot + now + options);
  }
}
