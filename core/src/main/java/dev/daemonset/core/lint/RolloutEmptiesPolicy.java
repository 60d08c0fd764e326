package dev.daemonset.core.lint;

import dev.daemonset.api.Severity;
import dev.daemonset.api.lint.Finding;
import dev.daemonset.api.lint.PolicyInput;
import dev.daemonset.api.lint.RuleInfo;
import dev.daemonset.api.model.RollingUpdateDaemonSet;
import dev.daemonset.api.plan.NodeVerdict;
import java.util.List;

/**
 * Nodes whose running pod survives only because NoSchedule does not evict: a rolling update without
 * surge deletes it and cannot create the new one, leaving the node without the agent.
 */
final class RolloutEmptiesPolicy extends BuiltinPolicy {

  RolloutEmptiesPolicy() {
    super(
        new RuleInfo(
            "rollout-empties-nodes",
            "A rollout would leave nodes without the agent",
            "Checked against the configured cluster: on a node with a NoSchedule taint the pod"
                + " does not tolerate, a running pod may stay (the planner's MAY_KEEP_RUNNING),"
                + " but no new pod is created. A rolling update without `maxSurge` deletes the old"
                + " pod there and never replaces it: the node silently loses its agent. The"
                + " finding lists those nodes and the toleration that would keep them. Quiet"
                + " without a configured cluster with the DaemonSet's pods.",
            "Tolerate the taints the message names, or exclude those nodes with node affinity so"
                + " the old pods are removed on purpose.",
            Severity.WARNING),
        "");
  }

  @Override
  public List<Finding> check(PolicyInput input) {
    RollingUpdateDaemonSet rolling = Rollouts.rolling(input.defaulted());
    if (input.cluster().isEmpty() || rolling == null || Rollouts.surges(rolling.maxSurge())) {
      return List.of();
    }
    List<NodeVerdict> emptied =
        input.cluster().get().verdicts().stream()
            .filter(v -> v.verdict() == NodeVerdict.Verdict.MAY_KEEP_RUNNING)
            .filter(v -> !v.daemonPods().isEmpty())
            .toList();
    if (emptied.isEmpty()) {
      return List.of();
    }
    return List.of(
        Finding.at(
            Containers.SPEC + ".tolerations",
            "the next rolling update deletes the pod on "
                + Placements.nodes(emptied.size())
                + " and cannot create a new one there: "
                + Placements.describe(emptied)));
  }
}
