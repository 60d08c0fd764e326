package dev.daemonset.core.plan;

import dev.daemonset.api.plan.Action;
import dev.daemonset.api.plan.Action.CreateReason;
import dev.daemonset.api.plan.Action.DeleteReason;
import dev.daemonset.api.plan.NodeVerdict.Verdict;
import dev.daemonset.api.plan.Plan.Notice;
import dev.daemonset.api.plan.Plan.NoticeCode;
import dev.daemonset.core.internal.rollout.Budget;
import java.util.ArrayList;
import java.util.List;

/**
 * Upstream's {@code manage} with {@code podsShouldBeOnNode} (rules C1–C12, A5).
 *
 * <p>One pass over the nodes in name order (upstream walks the informer's list order); each node's
 * pods come from the {@link NodePods} index by position, so the pass is linear in nodes + pods. Per
 * node: no pod and shouldRun → create; shouldContinueRunning → delete failed (one per node and
 * plan, none on nodes in backoff) and succeeded pods, then prune live duplicates (without surge:
 * keep the first in pod order; with surge: keep the oldest new and the oldest old pod, and drop the
 * old one once it is not Ready or the new one is available); must not run → delete every pod not
 * already being deleted. Afterwards, pods that were never scheduled and whose node is gone are
 * deleted (C8).
 */
final class Reconciler {
  private Reconciler() {}

  static Sync.Call manage(Sync sync, NodePods pods) {
    Sync.Call call = new Sync.Call();
    boolean surge = Budget.allowsSurge(sync.ds());
    NodeIndex nodes = sync.nodes();
    for (int position = 0; position < nodes.size(); position++) {
      Verdict verdict = nodes.verdict(position);
      if (verdict == null) {
        continue; // a vanished node: below
      }
      String node = nodes.name(position);
      List<DaemonPod> onNode = pods.on(position);
      if (verdict.shouldRun() && onNode.isEmpty()) {
        call.creates.add(
            new Sync.PendingCreate(
                node,
                CreateReason.MISSING,
                "Node " + node + " should run a daemon pod and has none."));
      } else if (verdict.shouldContinueRunning()) {
        keepOne(sync, node, verdict, onNode, surge, call);
      } else if (!onNode.isEmpty()) {
        for (DaemonPod p : onNode) {
          if (!p.isDeleting()) {
            call.deletes.add(
                delete(
                    p,
                    node,
                    DeleteReason.MISSCHEDULED,
                    "Node "
                        + node
                        + " must not run the DaemonSet's pods, so pod "
                        + name(p)
                        + " is deleted. "
                        + nodes.firstFailure(position)));
          }
        }
      }
    }
    for (int position = 0; position < nodes.size(); position++) {
      if (nodes.verdict(position) != null) {
        continue;
      }
      String node = nodes.name(position);
      for (DaemonPod p : pods.on(position)) {
        if (p.isUnscheduled()) {
          call.deletes.add(
              delete(
                  p,
                  node,
                  DeleteReason.UNSCHEDULED_ON_MISSING_NODE,
                  "Pod "
                      + name(p)
                      + " was never scheduled and its node "
                      + node
                      + " no longer exists."));
        }
      }
    }
    return call;
  }

  /** The {@code shouldContinueRunning} branch of {@code podsShouldBeOnNode} (C2–C5, C9). */
  private static void keepOne(
      Sync sync,
      String node,
      Verdict verdict,
      List<DaemonPod> onNode,
      boolean surge,
      Sync.Call call) {
    if (onNode.size() == 1 && onNode.get(0).isLive()) {
      return; // the usual node, one running pod: nothing to prune, and no list made for it
    }
    List<DaemonPod> live = new ArrayList<>(onNode.size());
    boolean failedDeleted = false;
    for (DaemonPod p : onNode) {
      if (p.isDeleting()) {
        continue;
      }
      if (p.isFailed()) {
        if (sync.options().nodesInBackoff().contains(node)) {
          call.notices.add(
              new Notice(
                  NoticeCode.FAILED_POD_IN_BACKOFF,
                  "Failed pod "
                      + name(p)
                      + " on node "
                      + node
                      + " is left alone: the node is in the failed-pod backoff."));
        } else if (failedDeleted) {
          call.notices.add(
              new Notice(
                  NoticeCode.FAILED_POD_IN_BACKOFF,
                  "Failed pod "
                      + name(p)
                      + " on node "
                      + node
                      + " waits: one failed pod per node is deleted per backoff window."));
        } else {
          failedDeleted = true;
          call.deletes.add(
              delete(
                  p,
                  node,
                  DeleteReason.FAILED,
                  "Pod "
                      + name(p)
                      + " on node "
                      + node
                      + " failed; it is deleted so that a new one can start."));
        }
      } else if (p.isSucceeded()) {
        call.deletes.add(
            delete(
                p,
                node,
                DeleteReason.SUCCEEDED,
                "Pod "
                    + name(p)
                    + " on node "
                    + node
                    + " has completed; a daemon pod must keep running, so it is replaced."));
      } else {
        live.add(p);
      }
    }
    if (!surge) {
      for (int i = 1; i < live.size(); i++) {
        call.deletes.add(
            delete(
                live.get(i),
                node,
                DeleteReason.EXCESS,
                "Node "
                    + node
                    + " runs "
                    + live.size()
                    + " live daemon pods; only the oldest, "
                    + name(live.get(0))
                    + ", is kept."));
      }
      return;
    }
    if (live.size() <= 1) {
      if (live.isEmpty() && verdict.shouldRun()) {
        call.creates.add(
            new Sync.PendingCreate(
                node,
                CreateReason.MISSING,
                "Node "
                    + node
                    + " has no live daemon pod (only terminating or finished ones), and with maxSurge a new one starts now."));
      }
      return;
    }
    DaemonPod oldestNew = null;
    DaemonPod oldestOld = null;
    for (DaemonPod p : live) {
      if (p.hasHash()) {
        if (oldestNew == null) {
          oldestNew = p;
          continue;
        }
      } else if (oldestOld == null) {
        oldestOld = p;
        continue;
      }
      call.deletes.add(
          delete(
              p,
              node,
              DeleteReason.EXCESS,
              "Node "
                  + node
                  + " already runs an older "
                  + (p.hasHash() ? "new" : "old")
                  + " daemon pod, so pod "
                  + name(p)
                  + " is an extra one."));
    }
    if (oldestNew != null && oldestOld != null) {
      if (!oldestOld.isReady()) {
        call.deletes.add(
            delete(
                oldestOld,
                node,
                DeleteReason.SURGE_OLD_REPLACED,
                "The old pod "
                    + name(oldestOld)
                    + " on node "
                    + node
                    + " is not Ready, and the new pod "
                    + name(oldestNew)
                    + " replaces it."));
      } else if (oldestNew.isAvailable()) {
        call.deletes.add(
            delete(
                oldestOld,
                node,
                DeleteReason.SURGE_OLD_REPLACED,
                "The new pod "
                    + name(oldestNew)
                    + " on node "
                    + node
                    + " is available, so the old pod "
                    + name(oldestOld)
                    + " goes."));
      }
    }
  }

  static Action.Delete delete(DaemonPod p, String node, DeleteReason reason, String message) {
    return new Action.Delete(node, p.name(), reason, message);
  }

  static String name(DaemonPod p) {
    String n = p.name();
    return n.isEmpty() ? "(new " + p.pod().metadata().generateName() + "*)" : n;
  }
}
