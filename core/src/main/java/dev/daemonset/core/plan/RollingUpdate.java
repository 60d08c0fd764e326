package dev.daemonset.core.plan;

import dev.daemonset.api.plan.Action;
import dev.daemonset.api.plan.Action.CreateReason;
import dev.daemonset.api.plan.Action.DeleteReason;
import dev.daemonset.api.plan.NodeVerdict.Verdict;
import dev.daemonset.api.plan.Plan.Notice;
import dev.daemonset.api.plan.Plan.NoticeCode;
import dev.daemonset.core.internal.rollout.Budget;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Upstream's {@code rollingUpdate} (update.go, rules D3–D15), for {@code RollingUpdate} only.
 *
 * <p>The working set is every node with a pod plus every node that should run one (D3). Each node
 * is classified once ({@code findUpdatedPodsOnNode}: deleting pods ignored; one new and/or one old
 * pod, or "excess"). Upstream visits the nodes in Go map order, which makes its choice of victims
 * and surge nodes random (Q1); we visit them <b>by node name</b>, so the first candidates in name
 * order are taken. Budgets are scaled against desiredNumberScheduled rounding up, with the
 * both-zero fallback to maxUnavailable 1.
 *
 * <ul>
 *   <li>Without surge: nodes without a pod, with both pods or excess, or with an unavailable new
 *       pod use up the budget; unavailable old pods are deleted regardless; available old pods are
 *       candidates, and the first (maxUnavailable − unavailable) are deleted. Nothing is created:
 *       {@code manage} creates the replacement once the old pod is gone.
 *   <li>With surge: an old pod alone that is unavailable gets a new pod beside it at once (or is
 *       deleted where the DaemonSet may not start pods); available ones are candidates for
 *       (maxSurge − surging nodes) new pods; a node whose new pod is available loses its old pod;
 *       old pods on nodes where no new pod may start go once more pods are available than desired.
 * </ul>
 */
final class RollingUpdate {
  private RollingUpdate() {}

  /** Classification of one node's non-deleting pods; {@code excess} if more than one new or old. */
  private record OnNode(@Nullable DaemonPod newPod, @Nullable DaemonPod oldPod, boolean excess) {}

  private static OnNode classify(List<DaemonPod> pods) {
    DaemonPod newPod = null;
    DaemonPod oldPod = null;
    for (DaemonPod p : pods) {
      if (p.isDeleting()) {
        continue;
      }
      if (p.isUpdated()) {
        if (newPod != null) {
          return new OnNode(null, null, true);
        }
        newPod = p;
      } else {
        if (oldPod != null) {
          return new OnNode(null, null, true);
        }
        oldPod = p;
      }
    }
    return new OnNode(newPod, oldPod, false);
  }

  static Sync.Call plan(Sync sync, NodePods pods) {
    Sync.Call call = new Sync.Call();
    NodeIndex nodes = sync.nodes();
    int desired = 0;
    int[] workingSet = new int[nodes.size()];
    int size = 0;
    for (int position = 0; position < nodes.size(); position++) {
      Verdict v = nodes.verdict(position);
      boolean shouldRun = v != null && v.shouldRun();
      if (shouldRun) {
        desired++;
      }
      if (shouldRun || !pods.on(position).isEmpty()) {
        workingSet[size++] = position;
      }
    }
    workingSet = Arrays.copyOf(workingSet, size);
    int maxUnavailable;
    int maxSurge;
    try {
      maxUnavailable = Budget.maxUnavailable(sync.ds(), desired);
      maxSurge = Budget.maxSurge(sync.ds(), desired);
    } catch (IllegalArgumentException e) {
      call.notices.add(
          new Notice(
              NoticeCode.INVALID_BUDGET, "The rolling update cannot run: " + e.getMessage() + "."));
      return call;
    }
    if (desired > 0 && maxUnavailable == 0 && maxSurge == 0) {
      maxUnavailable = 1; // D5: neither surge nor unavailability configured
    }
    if (maxSurge == 0) {
      withoutSurge(sync, pods, workingSet, maxUnavailable, call);
    } else {
      withSurge(sync, pods, workingSet, maxSurge, desired, call);
    }
    return call;
  }

  private static void withoutSurge(
      Sync sync, NodePods pods, int[] workingSet, int maxUnavailable, Sync.Call call) {
    int numUnavailable = 0;
    List<Action.Delete> replacements = new ArrayList<>();
    // Candidates as positions: of possibly thousands only the first few are deleted, and only
    // those get an action and its sentence.
    int[] candidates = new int[workingSet.length];
    int candidateCount = 0;
    for (int position : workingSet) {
      String node = sync.nodes().name(position);
      OnNode n = classify(pods.on(position));
      if (n.excess() || (n.newPod() == null) == (n.oldPod() == null)) {
        numUnavailable++;
      } else if (n.newPod() != null) {
        if (!n.newPod().isAvailable()) {
          numUnavailable++;
        }
      } else {
        DaemonPod old = n.oldPod();
        if (!old.isAvailable()) {
          replacements.add(
              Reconciler.delete(
                  old,
                  node,
                  DeleteReason.OUTDATED_UNAVAILABLE,
                  "Pod "
                      + Reconciler.name(old)
                      + " on node "
                      + node
                      + " runs an old template and is not available, so it is replaced whatever the budget."));
          numUnavailable++;
        } else if (numUnavailable < maxUnavailable) {
          candidates[candidateCount++] = position;
        }
      }
    }
    int take = Math.max(0, Math.min(maxUnavailable - numUnavailable, candidateCount));
    call.deletes.addAll(replacements);
    for (int i = 0; i < take; i++) {
      int position = candidates[i];
      String node = sync.nodes().name(position);
      DaemonPod old = oldPodOf(pods, position);
      call.deletes.add(
          Reconciler.delete(
              old,
              node,
              DeleteReason.OUTDATED,
              "Pod "
                  + Reconciler.name(old)
                  + " on node "
                  + node
                  + " runs an old template and is replaced within the maxUnavailable budget of "
                  + maxUnavailable
                  + "."));
    }
  }

  private static void withSurge(
      Sync sync, NodePods pods, int[] workingSet, int maxSurge, int desired, Sync.Call call) {
    int numSurge = 0;
    int numAvailable = 0;
    List<Sync.PendingCreate> allowed = new ArrayList<>();
    int[] candidates = new int[workingSet.length];
    int candidateCount = 0;
    List<Action.Delete> deletes = new ArrayList<>();
    List<Action.Delete> shouldNotRun = new ArrayList<>();
    for (int position : workingSet) {
      String node = sync.nodes().name(position);
      OnNode n = classify(pods.on(position));
      if (n.excess()) {
        numSurge++;
        continue;
      }
      DaemonPod old = n.oldPod();
      DaemonPod updated = n.newPod();
      if (old != null ? old.isAvailable() : updated != null && updated.isAvailable()) {
        numAvailable++;
      }
      if (old == null) {
        continue; // manage handles this node
      }
      if (updated == null) {
        boolean available = old.isAvailable();
        // Upstream looks the node up and asks shouldRun before it checks the surge budget: a
        // vanished node blocks, and a pod where no new one may start is a surplus pod, whatever
        // the budget.
        Verdict v = sync.nodes().verdict(position);
        if (v == null) {
          call.notices.add(
              new Notice(
                  NoticeCode.ROLLING_UPDATE_BLOCKED,
                  "Old pod "
                      + Reconciler.name(old)
                      + " is bound to node "
                      + node
                      + ", which no longer exists; the rolling update waits until pod GC removes it."));
          return; // D13: upstream's node lookup fails and the whole rolling update errors out
        }
        if (!available) {
          if (!v.shouldRun()) {
            deletes.add(
                Reconciler.delete(
                    old,
                    node,
                    DeleteReason.OUTDATED_UNAVAILABLE,
                    "Pod "
                        + Reconciler.name(old)
                        + " on node "
                        + node
                        + " runs an old template, is not available, and no new pod may start there."));
          } else {
            allowed.add(
                new Sync.PendingCreate(
                    node,
                    CreateReason.ROLLING_REPLACEMENT,
                    "The old pod "
                        + Reconciler.name(old)
                        + " on node "
                        + node
                        + " is not available, so a new pod starts beside it at once."));
          }
        } else if (!v.shouldRun()) {
          shouldNotRun.add(
              Reconciler.delete(
                  old,
                  node,
                  DeleteReason.SURPLUS_NOT_SCHEDULABLE,
                  "Pod "
                      + Reconciler.name(old)
                      + " on node "
                      + node
                      + " runs an old template where no new pod may start, and more pods are available than desired."));
        } else if (numSurge < maxSurge) {
          candidates[candidateCount++] = position;
        }
      } else if (!updated.isAvailable()) {
        numSurge++;
      } else {
        deletes.add(
            Reconciler.delete(
                old,
                node,
                DeleteReason.SURGE_OLD_REPLACED,
                "The new pod "
                    + Reconciler.name(updated)
                    + " on node "
                    + node
                    + " is available, so the old pod "
                    + Reconciler.name(old)
                    + " goes."));
      }
    }
    int take = Math.max(0, Math.min(maxSurge - numSurge, candidateCount));
    call.creates.addAll(allowed);
    for (int i = 0; i < take; i++) {
      int position = candidates[i];
      String node = sync.nodes().name(position);
      DaemonPod old = oldPodOf(pods, position);
      call.creates.add(
          new Sync.PendingCreate(
              node,
              CreateReason.SURGE,
              "Node "
                  + node
                  + " runs only the old pod "
                  + Reconciler.name(old)
                  + "; a new pod starts beside it within the maxSurge budget of "
                  + maxSurge
                  + "."));
    }
    int extra = numAvailable - desired;
    if (extra > 0) {
      deletes.addAll(shouldNotRun.subList(0, Math.min(extra, shouldNotRun.size())));
    }
    call.deletes.addAll(deletes);
  }

  /** The old pod of a candidate position: a candidate is taken only where an old pod runs. */
  private static DaemonPod oldPodOf(NodePods pods, int position) {
    DaemonPod old = classify(pods.on(position)).oldPod();
    if (old == null) {
      throw new IllegalStateException("rolling-update candidate without an old pod at " + position);
    }
    return old;
  }
}
