package dev.daemonset.core.lint;

import dev.daemonset.api.Severity;
import dev.daemonset.api.lint.Finding;
import dev.daemonset.api.lint.PolicyInput;
import dev.daemonset.api.lint.RuleInfo;
import dev.daemonset.api.lint.RuleParameter;
import dev.daemonset.api.plan.NodeVerdict;
import java.util.List;

/** The DaemonSet would run on fewer nodes than a team expects. */
final class MinNodesPolicy extends BuiltinPolicy {

  MinNodesPolicy() {
    super(
        new RuleInfo(
                "placement-min-nodes",
                "Runs on too few nodes",
                "Checked against the configured cluster: the DaemonSet must run on at least"
                    + " `minNodes` nodes. Fewer usually means a nodeSelector or affinity that"
                    + " matches a label no node has, or missing tolerations; the finding counts the"
                    + " nodes by the planner's reason. Quiet until `minNodes` is set and a cluster"
                    + " is configured.",
                "Fix the nodeSelector, affinity or tolerations the message names.",
                Severity.WARNING)
            .withParameters(
                List.of(
                    RuleParameter.integer(
                        "minNodes", "", "The fewest nodes that must run the pod."))),
        "");
  }

  @Override
  public List<Finding> check(PolicyInput input) {
    var min = input.parameters().integer("minNodes");
    if (min.isEmpty() || input.cluster().isEmpty()) {
      return List.of();
    }
    List<NodeVerdict> verdicts = input.cluster().get().verdicts();
    List<NodeVerdict> off =
        verdicts.stream().filter(v -> v.verdict() != NodeVerdict.Verdict.SHOULD_RUN).toList();
    int running = verdicts.size() - off.size();
    if (running >= min.getAsLong()) {
      return List.of();
    }
    return List.of(
        Finding.at(
            Containers.SPEC + ".affinity",
            "the pod would run on "
                + Placements.nodes(running)
                + " of "
                + verdicts.size()
                + ", fewer than "
                + min.getAsLong()
                + (off.isEmpty() ? "" : "; not on " + Placements.describe(off))));
  }
}
