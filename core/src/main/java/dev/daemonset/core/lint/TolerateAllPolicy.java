package dev.daemonset.core.lint;

import dev.daemonset.api.Severity;
import dev.daemonset.api.lint.Finding;
import dev.daemonset.api.lint.PolicyInput;
import dev.daemonset.api.lint.RuleInfo;
import dev.daemonset.api.model.Toleration;
import java.util.ArrayList;
import java.util.List;

/** A toleration with no key and Exists tolerates every taint, NoExecute included. */
final class TolerateAllPolicy extends BuiltinPolicy {

  TolerateAllPolicy() {
    super(
        new RuleInfo(
            "tolerates-all-taints",
            "Pod tolerates every taint",
            "A toleration with no `key` and `operator: Exists` (and no effect, or `NoExecute`)"
                + " tolerates every taint: the pod runs on nodes tainted to keep everything off"
                + " (control plane, dedicated, GPU, nodes being taken out of service) and no"
                + " NoExecute taint ever evicts it. Info, not warning: agents that must run on"
                + " every node (CNI, kube-proxy, log shippers, node exporters) do this on purpose;"
                + " an agent that need not run everywhere should list the taints it tolerates. A"
                + " key-less `Exists` for `NoSchedule` only is not reported.",
            "List the taints the agent must tolerate (`node-role.kubernetes.io/control-plane`,"
                + " ...), or keep the catch-all and record why in `daemonset.dev/ignore-reason`.",
            Severity.INFO),
        "");
  }

  @Override
  public List<Finding> check(PolicyInput input) {
    List<Toleration> tolerations = input.daemonSet().spec().template().spec().tolerations();
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < tolerations.size(); i++) {
      Toleration t = tolerations.get(i);
      if (t.key().isEmpty()
          && t.operator().equals("Exists")
          && (t.effect().isEmpty() || t.effect().equals("NoExecute"))) {
        findings.add(
            Finding.at(
                Containers.SPEC + ".tolerations[" + i + "].operator",
                t.effect().isEmpty()
                    ? "tolerates every taint: the pod runs on every node, tainted or not, and no"
                        + " NoExecute taint evicts it"
                    : "tolerates every NoExecute taint: no taint ever evicts the pod, even from"
                        + " nodes taken out of service"));
      }
    }
    return findings;
  }
}
