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
                + " preempt anything and stays Pending, so the node runs without its agent; and under"
                + " memory or disk pressure the kubelet evicts pods of the lowest priority first."
                + " Node agents (CNI, storage, logging, monitoring) usually run with"
                + " `system-node-critical` or a high priority class of their own.",
            "Set `spec.template.spec.priorityClassName`, for example `system-node-critical` for agents the"
                + " node cannot work without, or a PriorityClass of your own.",
            Severity.WARNING),
        "Polaris `priorityClassNotSet`");
  }

  @Override
  public List<Finding> check(PolicyInput input) {
    if (!input.daemonSet().spec().template().spec().priorityClassName().isEmpty()) {
      return List.of();
    }
    boolean requests =
        input.daemonSet().spec().template().spec().containers().stream()
            .anyMatch(
                c -> !c.resources().requests().isEmpty() || !c.resources().limits().isEmpty());
    return List.of(
        Finding.at(
            "spec.template.spec",
            requests
                ? "no priorityClassName: on a full node this daemon pod cannot preempt other pods"
                    + " and stays Pending, leaving the node without it, and under node pressure it"
                    + " is among the first evicted"
                : "no priorityClassName: under memory or disk pressure the kubelet evicts this"
                    + " daemon pod among the first, leaving the node without it"));
  }
}
