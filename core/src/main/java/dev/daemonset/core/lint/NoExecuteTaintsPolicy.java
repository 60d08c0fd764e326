package dev.daemonset.core.lint;

import dev.daemonset.api.Severity;
import dev.daemonset.api.lint.Finding;
import dev.daemonset.api.lint.PolicyInput;
import dev.daemonset.api.lint.RuleInfo;
import dev.daemonset.api.plan.FailedPredicate;
import dev.daemonset.api.plan.NodeVerdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Nodes that only a NoExecute taint keeps the agent off (and evicts it from). */
final class NoExecuteTaintsPolicy extends BuiltinPolicy {

  NoExecuteTaintsPolicy() {
    super(
        new RuleInfo(
            "placement-no-execute-taints",
            "A NoExecute taint of the cluster is not tolerated",
            "Checked against the configured cluster: a node the pod would run on but for a"
                + " NoExecute taint it does not tolerate gets no pod, and a running one is evicted"
                + " when the taint appears. Node agents are usually meant to run there too (a"
                + " monitoring agent on GPU nodes, a CNI on dedicated nodes). The finding lists the"
                + " nodes and the tolerations that would fix it. Quiet without a configured"
                + " cluster.",
            "Add the tolerations the message names, or exclude those nodes with node affinity if"
                + " the agent must not run there.",
            Severity.WARNING),
        "");
  }

  @Override
  public List<Finding> check(PolicyInput input) {
    if (input.cluster().isEmpty()) {
      return List.of();
    }
    List<NodeVerdict> blocked = new ArrayList<>();
    Set<String> fixes = new TreeSet<>();
    for (NodeVerdict v : input.cluster().get().verdicts()) {
      if (v.verdict() == NodeVerdict.Verdict.SHOULD_RUN || v.failures().isEmpty()) {
        continue;
      }
      boolean onlyTaints = true;
      List<String> noExecute = new ArrayList<>();
      for (FailedPredicate f : v.failures()) {
        if (f instanceof FailedPredicate.UntoleratedTaint t) {
          if (t.taint().effect().equals("NoExecute")) {
            noExecute.add(toleration(t));
          }
        } else {
          onlyTaints = false;
        }
      }
      if (onlyTaints && !noExecute.isEmpty()) {
        blocked.add(v);
        fixes.addAll(noExecute);
      }
    }
    if (blocked.isEmpty()) {
      return List.of();
    }
    return List.of(
        Finding.at(
            Containers.SPEC + ".tolerations",
            Placements.nodes(blocked.size())
                + " would run the pod but for a NoExecute taint: "
                + Placements.describe(blocked)
                + "; tolerate "
                + String.join(", ", fixes)));
  }

  private static String toleration(FailedPredicate.UntoleratedTaint t) {
    return "{key: "
        + t.fix().key()
        + ", operator: "
        + t.fix().operator()
        + (t.fix().value().isEmpty() ? "" : ", value: " + t.fix().value())
        + ", effect: "
        + t.fix().effect()
        + "}";
  }
}
