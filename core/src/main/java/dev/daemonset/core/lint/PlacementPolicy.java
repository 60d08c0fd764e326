package dev.daemonset.core.lint;

import dev.daemonset.api.Severity;
import dev.daemonset.api.lint.ClusterContext;
import dev.daemonset.api.lint.Finding;
import dev.daemonset.api.lint.PolicyInput;
import dev.daemonset.api.lint.RuleInfo;
import dev.daemonset.api.lint.RuleParameter;
import dev.daemonset.api.plan.NodeVerdict;
import java.util.List;
import java.util.Set;

/**
 * Where the DaemonSet runs on the configured cluster, against a team's rule: "on every node
 * matching S" or "never on nodes matching S". The planner decides; the finding lists the nodes and
 * the planner's reasons.
 */
final class PlacementPolicy extends BuiltinPolicy {
  private final boolean everywhere;

  private PlacementPolicy(RuleInfo info, boolean everywhere) {
    super(info, "");
    this.everywhere = everywhere;
  }

  static PlacementPolicy runsOn() {
    return new PlacementPolicy(
        new RuleInfo(
                "placement-runs-on",
                "Does not run on every node it must",
                "Checked against the configured cluster (`cluster:` in the configuration): every"
                    + " node matching `selector` must run the DaemonSet's pod; the finding lists"
                    + " the nodes that would not, each with the planner's reason (a nodeSelector,"
                    + " node affinity, or a taint without a toleration). Quiet until `selector` is"
                    + " set and a cluster is configured.",
                "Add the toleration, or widen the nodeSelector or affinity, that the message names.",
                Severity.WARNING)
            .withParameters(
                List.of(
                    RuleParameter.string(
                        "selector",
                        "",
                        "The nodes that must run the pod, as `kubectl get nodes -l` takes it"
                            + " (`kubernetes.io/os=linux,!node-role.kubernetes.io/edge`)."))),
        true);
  }

  static PlacementPolicy notOn() {
    return new PlacementPolicy(
        new RuleInfo(
                "placement-not-on",
                "Runs on nodes it must not",
                "Checked against the configured cluster: no node matching `selector` may run the"
                    + " DaemonSet's pod (for example `node-role.kubernetes.io/control-plane`); the"
                    + " finding lists the nodes that would, including nodes where an untolerated"
                    + " NoSchedule taint only keeps a running pod. Quiet until `selector` is set and"
                    + " a cluster is configured.",
                "Exclude the nodes with a nodeSelector or node affinity, or drop the toleration"
                    + " that lets the pod onto them.",
                Severity.WARNING)
            .withParameters(
                List.of(
                    RuleParameter.string(
                        "selector",
                        "",
                        "The nodes that must not run the pod, as `kubectl get nodes -l` takes"
                            + " it."))),
        false);
  }

  @Override
  public List<Finding> check(PolicyInput input) {
    String selector = input.parameters().string("selector");
    if (selector.isBlank() || input.cluster().isEmpty()) {
      return List.of();
    }
    ClusterContext cluster = input.cluster().get();
    Set<String> selected;
    try {
      selected = NodeSelection.matching(selector, cluster.snapshot());
    } catch (NodeSelection.SyntaxException e) {
      return List.of(
          new Finding(
              "metadata.name",
              "the selector of " + info().id() + " does not parse: " + e.getMessage(),
              Severity.ERROR));
    }
    List<NodeVerdict> wrong =
        Placements.of(cluster, selected).stream()
            .filter(
                v ->
                    everywhere
                        ? v.verdict() != NodeVerdict.Verdict.SHOULD_RUN
                        : v.verdict() == NodeVerdict.Verdict.SHOULD_RUN
                            || (v.verdict() == NodeVerdict.Verdict.MAY_KEEP_RUNNING
                                && !v.daemonPods().isEmpty()))
            .toList();
    if (wrong.isEmpty()) {
      return List.of();
    }
    String message =
        everywhere
            ? Placements.nodes(wrong.size())
                + " matching "
                + selector
                + " would not run the pod: "
                + Placements.describe(wrong)
            : Placements.nodes(wrong.size())
                + " matching "
                + selector
                + " would run the pod: "
                + Placements.describe(wrong);
    return List.of(Finding.at(Containers.SPEC + ".affinity", message));
  }
}
