package dev.daemonset.core.plan;

import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.plan.Action;
import dev.daemonset.api.plan.Action.CreateReason;
import dev.daemonset.api.plan.Plan.Notice;
import dev.daemonset.api.plan.PlanOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * What every step of one sync shares: the DaemonSet, the options, the pod factory, and the indexed
 * nodes with their verdicts (the steps walk {@link NodeIndex} positions, in name order). What the
 * steps ask of pods was read once into each {@link DaemonPod}.
 */
record Sync(DaemonSet ds, PlanOptions options, NodeIndex nodes, PodFactory podFactory) {

  /** A create not yet issued: its batch number is known only when {@link #issue} issues it. */
  record PendingCreate(String node, CreateReason reason, String message) {}

  /** What one upstream {@code syncNodes} call is given: nodes to create on, pods to delete. */
  static final class Call {
    final List<PendingCreate> creates = new ArrayList<>();
    final List<Action.Delete> deletes = new ArrayList<>();
    final List<Notice> notices = new ArrayList<>();

    boolean isEmpty() {
      return creates.isEmpty() && deletes.isEmpty();
    }
  }

  /**
   * Upstream's {@code syncNodes} (F1–F3): creates first, then deletes; at most burstReplicas of
   * each go out, the rest is deferred; creates go out in slow-start batches 1, 2, 4, ... and carry
   * their 1-based batch number (deferred creates carry 0).
   */
  void issue(Call call, List<Action> actions, List<Action> deferred) {
    int burst = options.burstReplicas();
    List<Action> laterDeletes = new ArrayList<>();
    for (int i = 0; i < call.creates.size(); i++) {
      PendingCreate c = call.creates.get(i);
      boolean now = i < burst;
      int batch = now ? 32 - Integer.numberOfLeadingZeros(i + 1) : 0;
      Action.Create create =
          new Action.Create(c.node(), podFactory.create(c.node()), batch, c.reason(), c.message());
      (now ? actions : deferred).add(create);
    }
    for (int i = 0; i < call.deletes.size(); i++) {
      (i < burst ? actions : laterDeletes).add(call.deletes.get(i));
    }
    deferred.addAll(laterDeletes);
  }
}
