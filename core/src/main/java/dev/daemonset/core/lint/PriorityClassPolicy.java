package dev.daemonset.core.lint;

import dev.daemonset.api.Severity;
import dev.daemonset.api.lint.Finding;
import dev.daemonset.api.lint.PolicyInput;
import dev.daemonset.api.lint.RuleInfo;
import java.util.List;

/** Daemon pods without a priority class cannot preempt their way onto a full node. */
final class PriorityClassPolicy extends BuiltinPolicy {

  PriorityClassPolicy() {
    super(
        new RuleInfo(
            "priority-class-missing",
            "Pod template has no priorityClassName",
            "Daemon pods are bound to one node each: if that node is full, a pod without priority cannot"
                + " preempt anything and stays Pending, so the node runs without its agent. Node agents"
                + " (CNI, storage, logging, monitoring) usually run with a high priority class.",
            "Set `spec.template.spec.priorityClassName`, for example `system-node-critical` for agents the"
                + " node cannot work without, or a PriorityClass of your own.",
            Severity.WARNING));
  }

  @Override
  public List<Finding> check(PolicyInput input) {
    if (!input.daemonSet().spec().template().spec().priorityClassName().isEmpty()) {
      return List.of();
    }
    return List.of(
        Finding.at(
            "spec.template.spec",
            "no priorityClassName: on a full node this daemon"
                + " pod cannot preempt other pods and stays Pending, leaving the node without it"));
  }
}
