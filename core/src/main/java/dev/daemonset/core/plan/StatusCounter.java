package dev.daemonset.core.plan;

import dev.daemonset.api.model.DaemonSetStatus;
import dev.daemonset.api.model.Pod;
import dev.daemonset.api.plan.NodeVerdict.Verdict;
import java.util.List;

/**
 * Upstream's {@code updateDaemonSetStatus} counters (G2–G7, G12): per node of the snapshot, never
 * per pod; a node's representative is its first pod in {@link Pods#ORDER}; pods on vanished
 * nodes are not counted. {@code observedGeneration} is {@code metadata.generation} (a full sync);
 * collisionCount and conditions are carried over unchanged.
 */
final class StatusCounter {
  private StatusCounter() {}

  static DaemonSetStatus count(Sync sync, NodePods pods) {
    int desired = 0;
    int current = 0;
    int misscheduled = 0;
    int ready = 0;
    int available = 0;
    int updated = 0;
    for (String node : sync.nodeNames()) {
      Verdict v = sync.verdict(node);
      List<Pod> onNode = pods.on(node);
      if (v == null || !v.shouldRun()) {
        if (!onNode.isEmpty()) {
          misscheduled++;
        }
        continue;
      }
      desired++;
      if (onNode.isEmpty()) {
        continue;
      }
      current++;
      Pod representative = onNode.get(0);
      if (Pods.isReady(representative)) {
        ready++;
        if (Pods.isAvailable(representative, sync.minReadySeconds(), sync.now())) {
          available++;
        }
      }
      if (Pods.isUpdated(representative, sync.hash(), sync.generation())) {
        updated++;
      }
    }
    DaemonSetStatus old = sync.ds().status();
    return new DaemonSetStatus(current, misscheduled, desired, ready, sync.ds().metadata().generation(), updated,
        available, desired - available, old.collisionCount(), old.conditions(), old.other());
  }
}
