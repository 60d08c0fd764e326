package dev.daemonset.core.lint;

import dev.daemonset.api.Severity;
import dev.daemonset.api.lint.Finding;
import dev.daemonset.api.lint.PolicyInput;
import dev.daemonset.api.lint.RuleInfo;
import dev.daemonset.api.model.NodeSelectorRequirement;
import dev.daemonset.api.model.NodeSelectorTerm;
import dev.daemonset.api.model.PodSpec;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Without an OS constraint, a DaemonSet tries every node of every operating system. */
final class OsSelectorPolicy extends BuiltinPolicy {

  OsSelectorPolicy() {
    super(
        new RuleInfo(
            "os-selector-missing",
            "No operating-system node selector",
            "The pod template selects no nodes: no `nodeSelector`, and no required node affinity"
                + " that picks nodes by a label (only exclusions, if any). A DaemonSet places a pod"
                + " on every node that fits, so in a cluster with Windows (or other) nodes its"
                + " Linux image is started there too, and fails. A template that selects a class of"
                + " nodes (`kubernetes.io/os`, a GPU label, a role) is not reported: its author"
                + " chose where it runs. Info, not warning: most clusters have Linux nodes only,"
                + " until the day they do not.",
            "Add `nodeSelector: {kubernetes.io/os: linux}` to the pod template (or the matching"
                + " node-affinity requirement).",
            Severity.INFO),
        "");
  }

  @Override
  public List<Finding> check(PolicyInput input) {
    PodSpec pod = input.daemonSet().spec().template().spec();
    if (!pod.nodeSelector().isEmpty()
        || !pod.nodeName().isEmpty()
        || everyTermSelects(pod.requiredNodeAffinityTerms())) {
      return List.of();
    }
    return List.of(
        Finding.at(
            Containers.SPEC + ".nodeSelector",
            "no kubernetes.io/os node selector or affinity: on a cluster with Windows nodes the"
                + " DaemonSet starts its pod there too"));
  }

  /**
   * True if every required term picks nodes by a label they have (In, Exists, Gt, Lt), so the
   * DaemonSet targets a class of nodes its author chose rather than every node; terms of NotIn and
   * DoesNotExist only (exclusions) still reach every other node.
   */
  private static boolean everyTermSelects(@Nullable List<NodeSelectorTerm> terms) {
    if (terms == null || terms.isEmpty()) {
      return false;
    }
    for (NodeSelectorTerm t : terms) {
      boolean selects = false;
      for (NodeSelectorRequirement r : t.matchExpressions()) {
        selects |= SELECTING.contains(r.operator());
      }
      if (!selects && t.matchFields().isEmpty()) {
        return false;
      }
    }
    return true;
  }

  private static final List<String> SELECTING = List.of("In", "Exists", "Gt", "Lt");
}
