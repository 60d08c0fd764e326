package dev.daemonset.core.lint;

import dev.daemonset.api.model.Affinity;
import dev.daemonset.api.model.Container;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.model.DaemonSetSpec;
import dev.daemonset.api.model.LabelSelector;
import dev.daemonset.api.model.NodeAffinity;
import dev.daemonset.api.model.NodeSelectorRequirement;
import dev.daemonset.api.model.NodeSelectorTerm;
import dev.daemonset.api.model.ObjectMeta;
import dev.daemonset.api.model.PodSpec;
import dev.daemonset.api.model.PodTemplateSpec;
import dev.daemonset.api.model.Toleration;
import dev.daemonset.api.plan.ClusterSnapshot;
import dev.daemonset.api.plan.NodeVerdict;
import dev.daemonset.core.plan.Planner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * "The nodes matching S" for placement rules, where S is written as {@code kubectl get nodes -l}
 * takes it: {@code key}, {@code !key}, {@code key=value}, {@code key!=value}, {@code key in (a,b)},
 * {@code key notin (a,b)}, {@code key>n}, {@code key<n}, joined by commas (all must hold).
 *
 * <p>Matching is the planner's: the selector becomes one required node-affinity term of a probe
 * DaemonSet that tolerates every taint, and the nodes the planner says it should run on are the
 * nodes that match. So a placement rule and the planner can never disagree about a label.
 */
final class NodeSelection {
  private NodeSelection() {}

  /** A selector that does not parse. */
  static final class SyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    SyntaxException(String message) {
      super(message);
    }
  }

  /** The node names of {@code cluster} that {@code selector} selects, in name order. */
  static Set<String> matching(String selector, ClusterSnapshot cluster) throws SyntaxException {
    List<NodeSelectorRequirement> requirements = parse(selector);
    PodSpec pod =
        PodSpec.of(List.of(Container.of("probe", "probe:1")))
            .withAffinity(
                new Affinity(
                    new NodeAffinity(
                        List.of(new NodeSelectorTerm(requirements, List.of())),
                        List.of(),
                        Map.of()),
                    Map.of()))
            .withTolerations(List.of(new Toleration("", "Exists", "", "", null)));
    Map<String, String> labels = Map.of("daemonset.dev/probe", "placement");
    DaemonSet probe =
        DaemonSet.of(
            ObjectMeta.of("default", "placement-probe"),
            DaemonSetSpec.EMPTY
                .withSelector(LabelSelector.of(labels))
                .withTemplate(new PodTemplateSpec(ObjectMeta.EMPTY.withLabels(labels), pod)));
    Set<String> out = new TreeSet<>();
    ClusterSnapshot nodesOnly = ClusterSnapshot.of(cluster.nodes(), List.of());
    for (NodeVerdict v : Planner.plan(probe, nodesOnly, Instant.EPOCH).verdicts()) {
      if (v.verdict() == NodeVerdict.Verdict.SHOULD_RUN) {
        out.add(v.node());
      }
    }
    return out;
  }

  /** The requirements of a selector, in order. */
  static List<NodeSelectorRequirement> parse(String selector) throws SyntaxException {
    List<NodeSelectorRequirement> out = new ArrayList<>();
    for (String part : split(selector)) {
      out.add(requirement(part.trim(), selector));
    }
    if (out.isEmpty()) {
      throw new SyntaxException("the selector is empty");
    }
    return out;
  }

  /** The parts between commas that are not inside parentheses. */
  private static List<String> split(String selector) throws SyntaxException {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < selector.length(); i++) {
      char c = selector.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        if (--depth < 0) {
          throw new SyntaxException("a ) without its ( at character " + (i + 1));
        }
      } else if (c == ',' && depth == 0) {
        parts.add(selector.substring(start, i));
        start = i + 1;
      }
    }
    if (depth != 0) {
      throw new SyntaxException("a ( is not closed");
    }
    parts.add(selector.substring(start));
    return selector.isBlank() ? List.of() : parts;
  }

  private static NodeSelectorRequirement requirement(String part, String selector)
      throws SyntaxException {
    if (part.isEmpty()) {
      throw new SyntaxException("an empty requirement between commas in \"" + selector + "\"");
    }
    if (part.startsWith("!")) {
      return new NodeSelectorRequirement(
          key(part.substring(1).trim(), part), "DoesNotExist", List.of());
    }
    for (String op : List.of("!=", "==", "=", ">", "<")) {
      int at = part.indexOf(op);
      if (at >= 0) {
        String key = key(part.substring(0, at).trim(), part);
        String value = part.substring(at + op.length()).trim();
        return switch (op) {
          case "!=" -> new NodeSelectorRequirement(key, "NotIn", List.of(value));
          case ">" -> new NodeSelectorRequirement(key, "Gt", List.of(number(value, part)));
          case "<" -> new NodeSelectorRequirement(key, "Lt", List.of(number(value, part)));
          default -> new NodeSelectorRequirement(key, "In", List.of(value));
        };
      }
    }
    String[] words = part.split("\\s+", 3);
    if (words.length == 3 && (words[1].equals("in") || words[1].equals("notin"))) {
      String set = words[2].trim();
      if (!set.startsWith("(") || !set.endsWith(")")) {
        throw new SyntaxException("expected (values) after " + words[1] + " in \"" + part + "\"");
      }
      List<String> values = new ArrayList<>();
      for (String v : set.substring(1, set.length() - 1).split(",", -1)) {
        values.add(v.trim());
      }
      return new NodeSelectorRequirement(
          key(words[0], part), words[1].equals("in") ? "In" : "NotIn", values);
    }
    return new NodeSelectorRequirement(key(part, part), "Exists", List.of());
  }

  private static String key(String key, String part) throws SyntaxException {
    if (key.isEmpty()
        || key.chars().anyMatch(c -> Character.isWhitespace(c) || "()=!<>,".indexOf(c) >= 0)) {
      throw new SyntaxException("expected a label key in \"" + part + "\"");
    }
    return key;
  }

  private static String number(String value, String part) throws SyntaxException {
    try {
      return Long.toString(Long.parseLong(value));
    } catch (NumberFormatException e) {
      throw new SyntaxException("expected a whole number after > or < in \"" + part + "\"");
    }
  }
}
