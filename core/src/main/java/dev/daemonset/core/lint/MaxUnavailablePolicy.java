package dev.daemonset.core.lint;

import dev.daemonset.api.Severity;
import dev.daemonset.api.lint.ClusterContext;
import dev.daemonset.api.lint.Finding;
import dev.daemonset.api.lint.PolicyInput;
import dev.daemonset.api.lint.RuleInfo;
import dev.daemonset.api.lint.RuleParameter;
import dev.daemonset.api.model.IntOrString;
import dev.daemonset.api.model.RollingUpdateDaemonSet;
import dev.daemonset.api.plan.NodeVerdict;
import java.util.List;
import java.util.OptionalLong;

/** A rolling update that may take the agent off too many nodes at once. */
final class MaxUnavailablePolicy extends BuiltinPolicy {

  MaxUnavailablePolicy() {
    super(
        new RuleInfo(
                "max-unavailable-high",
                "Rollout takes the agent off too many nodes",
                "`maxUnavailable` lets the rolling update delete the old pod on more than"
                    + " `maxPercent` of the nodes before their new pods are available: a broken"
                    + " version of a node agent (CNI, DNS, storage) then breaks that share of the"
                    + " cluster at once. A percentage is compared directly; a number only when the"
                    + " node count is known, from `nodes` or from the configured cluster (the nodes"
                    + " that should run the pod). `100%` is sometimes meant (an agent whose"
                    + " versions cannot run side by side); say so in"
                    + " `daemonset.dev/ignore-reason`.",
                "Lower `maxUnavailable` (the default is 1; `10%` is common for large fleets), or"
                    + " raise `maxPercent` if your fleet tolerates it.",
                Severity.WARNING)
            .withParameters(
                List.of(
                    RuleParameter.integer(
                        "maxPercent",
                        "50",
                        "The largest share of nodes, in percent, that may lose the agent at once."),
                    RuleParameter.integer(
                        "nodes",
                        "",
                        "How many nodes run the DaemonSet, to judge a number; without it (and"
                            + " without a configured cluster) only percentages are judged."))),
        "");
  }

  @Override
  public List<Finding> check(PolicyInput input) {
    RollingUpdateDaemonSet rolling = Rollouts.rolling(input.defaulted());
    IntOrString v = rolling == null ? null : rolling.maxUnavailable();
    if (v == null) {
      return List.of();
    }
    long max = input.parameters().integer("maxPercent").orElse(50);
    String path = "spec.updateStrategy.rollingUpdate.maxUnavailable";
    if (v.isPercent()) {
      int percent = v.percent().orElse(0);
      // above 100% the API server rejects the value (must not be greater than 100%): validation
      // reports that error on this field, a warning beside it would say the same again
      return percent <= max || percent > 100
          ? List.of()
          : List.of(
              Finding.at(
                  path,
                  "maxUnavailable "
                      + v.stringValue()
                      + " lets a rollout take the agent off "
                      + (percent == 100 ? "every node" : "more than " + max + "% of the nodes")
                      + " at once"));
    }
    OptionalLong nodes = nodes(input);
    if (!v.isInt() || nodes.isEmpty() || nodes.getAsLong() <= 0) {
      return List.of();
    }
    long n = nodes.getAsLong();
    if (v.intValue() * 100L <= max * n) {
      return List.of();
    }
    return List.of(
        Finding.at(
            path,
            "maxUnavailable "
                + v.intValue()
                + " of "
                + n
                + " nodes lets a rollout take the agent off more than "
                + max
                + "% of them at once"));
  }

  /** The node count: the parameter, else the configured cluster's nodes that should run it. */
  static OptionalLong nodes(PolicyInput input) {
    OptionalLong configured = input.parameters().integer("nodes");
    if (configured.isPresent()) {
      return configured;
    }
    if (input.cluster().isEmpty()) {
      return OptionalLong.empty();
    }
    ClusterContext cluster = input.cluster().get();
    return OptionalLong.of(
        cluster.verdicts().stream()
            .filter(x -> x.verdict() == NodeVerdict.Verdict.SHOULD_RUN)
            .count());
  }
}
