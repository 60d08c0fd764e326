package dev.daemonset.cli;

import dev.daemonset.api.plan.FailedPredicate;
import dev.daemonset.api.plan.NodeVerdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One sentence on where a DaemonSet's pod runs: on how many of the nodes, and why not on the
 * others, counted by kind of failed predicate. {@code explain} prints it under each DaemonSet; the
 * language server shows it as a code lens.
 */
public final class PlacementSummary {
  private PlacementSummary() {}

  /**
   * The sentence for a plan's verdicts, e.g. "the pod runs on 6 of 10 nodes; not on the others
   * because of: node affinity (1 node), nodeSelector (2 nodes), untolerated taints (1 node)."
   */
  public static String of(List<NodeVerdict> verdicts) {
    long run = verdicts.stream().filter(v -> v.verdict() == NodeVerdict.Verdict.SHOULD_RUN).count();
    Map<String, Integer> why = new TreeMap<>();
    for (NodeVerdict v : verdicts) {
      if (v.verdict() == NodeVerdict.Verdict.SHOULD_RUN) {
        continue;
      }
      for (FailedPredicate.Kind k :
          v.failures().stream().map(FailedPredicate::kind).distinct().toList()) {
        why.merge(reasonName(k), 1, Integer::sum);
      }
    }
    StringBuilder sb =
        new StringBuilder(
            "the pod runs on "
                + run
                + " of "
                + verdicts.size()
                + (verdicts.size() == 1 ? " node" : " nodes"));
    if (!why.isEmpty()) {
      List<String> parts = new ArrayList<>();
      why.forEach((k, n) -> parts.add(k + " (" + n + (n == 1 ? " node)" : " nodes)")));
      sb.append("; not on the others because of: ").append(String.join(", ", parts));
    }
    return sb.append('.').toString();
  }

  /** The words for one kind of failed predicate, as the summary counts it. */
  public static String reasonName(FailedPredicate.Kind k) {
    return switch (k) {
      case NODE_NAME -> "the template's nodeName";
      case NODE_SELECTOR -> "nodeSelector";
      case NODE_AFFINITY -> "node affinity";
      case TAINT -> "untolerated taints";
    };
  }
}
