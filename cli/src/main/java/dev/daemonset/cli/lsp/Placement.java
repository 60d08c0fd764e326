package dev.daemonset.cli.lsp;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.Document;
import dev.daemonset.api.ReadResult;
import dev.daemonset.api.Severity;
import dev.daemonset.api.SourceMap;
import dev.daemonset.api.Span;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.plan.FailedPredicate;
import dev.daemonset.api.plan.NodeVerdict;
import dev.daemonset.api.plan.Plan;
import dev.daemonset.cli.PlacementSummary;
import dev.daemonset.core.DaemonSetEngine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where each DaemonSet of a document would run in the configured cluster snapshot: the planner's
 * verdicts, summed up in one sentence for a code lens, and a warning when it would run on none of
 * the snapshot's nodes.
 *
 * @param document the document index of the DaemonSet
 * @param plan its plan against the snapshot
 * @param lens the code lens text
 * @param at where the lens goes (the DaemonSet's {@code kind}, else its document)
 */
record Placement(int document, Plan plan, String lens, Span at) {

  /** The code of the warning for a DaemonSet that would run on no node of the snapshot. */
  static final String CODE = "runs-on-no-node";

  /** One placement per DaemonSet of {@code read}, in source order. */
  static List<Placement> of(
      ReadResult read, Configuration.Cluster cluster, DaemonSetEngine engine, Instant now) {
    List<Document> docs =
        read.documents().stream().filter(d -> d.object() instanceof DaemonSet).toList();
    List<Plan> plans = engine.plan(read, cluster.snapshot(), now);
    List<Placement> out = new ArrayList<>();
    for (int i = 0; i < docs.size() && i < plans.size(); i++) {
      Document doc = docs.get(i);
      Plan plan = plans.get(i);
      SourceMap sm = doc.sourceMap();
      Span at = sm.key("kind").orElseGet(sm::document);
      out.add(new Placement(doc.index(), plan, lens(plan, cluster), at));
    }
    return List.copyOf(out);
  }

  private static String lens(Plan plan, Configuration.Cluster cluster) {
    if (plan.outcome().isStopped()) {
      return cluster.name() + ": not planned. " + plan.outcome().message();
    }
    String s = PlacementSummary.of(plan.verdicts());
    return cluster.name() + ": " + Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** True if the snapshot has nodes and the pod would run on none of them. */
  boolean runsOnNoNode() {
    return !plan.outcome().isStopped()
        && !plan.verdicts().isEmpty()
        && plan.verdicts().stream().noneMatch(v -> v.verdict() == NodeVerdict.Verdict.SHOULD_RUN);
  }

  /**
   * The warning for a DaemonSet that runs on no node, at the field that excludes most nodes (its
   * nodeSelector, node affinity, tolerations or nodeName), else at {@code kind}.
   */
  Diagnostic warning(Document doc, String clusterName) {
    Map<FailedPredicate.Kind, Integer> counts = new EnumMap<>(FailedPredicate.Kind.class);
    for (NodeVerdict v : plan.verdicts()) {
      v.failures().stream()
          .map(FailedPredicate::kind)
          .distinct()
          .forEach(k -> counts.merge(k, 1, Integer::sum));
    }
    FailedPredicate.Kind top =
        counts.entrySet().stream()
            .max(Map.Entry.comparingByValue())
            .map(Map.Entry::getKey)
            .orElse(null);
    String path =
        top == null
            ? "kind"
            : switch (top) {
              case NODE_NAME -> "spec.template.spec.nodeName";
              case NODE_SELECTOR -> "spec.template.spec.nodeSelector";
              case NODE_AFFINITY -> "spec.template.spec.affinity.nodeAffinity";
              case TAINT -> "spec.template.spec.tolerations";
            };
    SourceMap sm = doc.sourceMap();
    Span span = sm.key(path).orElseGet(() -> sm.key("kind").orElse(at));
    int n = plan.verdicts().size();
    return new Diagnostic(
        Severity.WARNING,
        CODE,
        path.equals("kind") ? "" : path,
        "this DaemonSet would run on none of the "
            + n
            + (n == 1 ? " node" : " nodes")
            + " of the cluster snapshot "
            + clusterName
            + ": "
            + PlacementSummary.of(plan.verdicts()),
        span);
  }
}
