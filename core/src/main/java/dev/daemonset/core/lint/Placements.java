package dev.daemonset.core.lint;

import dev.daemonset.api.lint.ClusterContext;
import dev.daemonset.api.plan.FailedPredicate;
import dev.daemonset.api.plan.NodeVerdict;
import java.util.ArrayList;
import java.util.List;

/** How placement findings list the nodes they are about: a few by name, with why, then a count. */
final class Placements {
  static final int LISTED = 5;

  private Placements() {}

  /** {@code a (why), b (why) and 3 more}. */
  static String describe(List<NodeVerdict> verdicts) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < Math.min(LISTED, verdicts.size()); i++) {
      NodeVerdict v = verdicts.get(i);
      parts.add(v.node() + why(v));
    }
    String listed = String.join("; ", parts);
    int more = verdicts.size() - parts.size();
    return more > 0 ? listed + "; and " + more + " more" : listed;
  }

  private static String why(NodeVerdict v) {
    if (v.failures().isEmpty()) {
      return "";
    }
    List<String> messages = new ArrayList<>();
    for (FailedPredicate f : v.failures()) {
      messages.add(f.message());
    }
    return " (" + String.join(" ", messages) + ")";
  }

  /** The verdicts of the named nodes, in node-name order. */
  static List<NodeVerdict> of(ClusterContext cluster, java.util.Collection<String> nodes) {
    List<NodeVerdict> out = new ArrayList<>();
    for (NodeVerdict v : cluster.verdicts()) {
      if (nodes.contains(v.node())) {
        out.add(v);
      }
    }
    return out;
  }

  static String nodes(int n) {
    return n == 1 ? "1 node" : n + " nodes";
  }
}
