package dev.daemonset.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.model.JsonValue;
import dev.daemonset.api.simulate.Impact;
import dev.daemonset.core.diff.Differ;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code daemonset diff}: what replacing a DaemonSet with another changes. */
@CommandLine.Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.Provider.class,
    description = {
      "Compares two DaemonSets: the fields that differ once both are defaulted as the API server"
          + " stores them, and whether the change starts a rollout (the pod template's hash"
          + " changes). Given a cluster (Nodes, Pods, ControllerRevisions), also the nodes that"
          + " gain or lose the daemon pod and why (including nodes the rollout itself empties),"
          + " the pods replaced, and how long the rollout takes with the default assumptions of"
          + " `simulate`."
    },
    footer = {
      "",
      "Examples:",
      "  daemonset diff old.yaml new.yaml",
      "  daemonset diff --fail-on nodes-lost old.yaml new.yaml cluster.yaml   # a CI gate",
      "",
      "Exit codes: 0 compared (and no --fail-on impact), 1 the input has errors or the --fail-on"
          + " impact is present, 2 usage or I/O error."
    })
final class DiffCommand extends Command {

  enum Format {
    text,
    json
  }

  @Option(
      names = {"-o", "--output"},
      defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  Format output;

  @Option(
      names = "--fail-on",
      paramLabel = "rollout|nodes-lost",
      description =
          "Exit 1 when the change starts a rollout, or when a node loses the daemon pod"
              + " (repeatable).")
  List<String> failOn = new ArrayList<>();

  @Option(
      names = "--now",
      paramLabel = "RFC3339",
      description = "The time of the change (default: the current time).")
  String now;

  @Parameters(
      index = "0",
      paramLabel = "OLD-FILE",
      description = "The DaemonSet as it is (one DaemonSet document).")
  String oldFile;

  @Parameters(
      index = "1",
      paramLabel = "NEW-FILE",
      description = "The DaemonSet as it will be (one DaemonSet document).")
  String newFile;

  @Parameters(
      index = "2..*",
      paramLabel = "CLUSTER-FILE|DIR|-",
      description = "Nodes, Pods and ControllerRevisions: the cluster now (optional).")
  List<String> clusterOperands = new ArrayList<>();

  @Override
  public Integer call() {
    for (String f : failOn) {
      if (!f.equals("rollout") && !f.equals("nodes-lost")) {
        return usageError("--fail-on must be rollout or nodes-lost, not '" + f + "'");
      }
    }
    if (failOn.contains("nodes-lost") && clusterOperands.isEmpty()) {
      return usageError(
          "--fail-on nodes-lost needs the cluster: name its Nodes and Pods after NEW-FILE"
              + " (kubectl get nodes,pods -A -o yaml > cluster.yaml)");
    }
    Instant start;
    try {
      start = now(now);
    } catch (IllegalArgumentException e) {
      return usageError(String.valueOf(e.getMessage()));
    }
    Cluster before;
    Cluster after;
    Cluster cluster;
    try {
      Inputs inputs = new Inputs(context.in);
      dev.daemonset.core.DaemonSetEngine engine = dev.daemonset.core.DaemonSetEngine.defaults();
      before = Cluster.read(engine, inputs.collect(List.of(oldFile)));
      after = Cluster.read(engine, inputs.collect(List.of(newFile)));
      cluster =
          clusterOperands.isEmpty()
              ? new Cluster()
              : Cluster.read(engine, inputs.collect(clusterOperands));
    } catch (Inputs.InputException e) {
      return usageError(String.valueOf(e.getMessage()));
    }
    List<dev.daemonset.core.report.FileReport> errors = new ArrayList<>(before.errors);
    errors.addAll(after.errors);
    errors.addAll(cluster.errors);
    if (!errors.isEmpty()) {
      context.err.print(
          dev.daemonset.core.report.ReportWriter.of(dev.daemonset.core.report.ReportFormat.TEXT)
              .withQuiet(true)
              .format(errors));
      context.err.println("daemonset: the input has errors (above); nothing was compared");
      context.err.flush();
      return Main.FINDINGS;
    }
    if (before.daemonSets().size() != 1 || after.daemonSets().size() != 1) {
      return usageError(
          "OLD-FILE and NEW-FILE must each hold one DaemonSet (found "
              + before.daemonSets().size()
              + " and "
              + after.daemonSets().size()
              + ")");
    }
    DaemonSet old = before.daemonSets().get(0);
    DaemonSet changed = after.daemonSets().get(0);
    if (!old.qualifiedName().equals(changed.qualifiedName())) {
      // the API server never turns one into the other: a name and a namespace are immutable
      context.err.println(
          "daemonset: warning: the two files hold different DaemonSets ("
              + old.qualifiedName()
              + " and "
              + changed.qualifiedName()
              + "): applying NEW-FILE creates a second DaemonSet beside the first, it does not"
              + " change it");
      context.err.flush();
    }
    boolean withCluster = !clusterOperands.isEmpty();
    Impact impact =
        withCluster
            ? Differ.diff(old, changed, cluster.snapshot(), start)
            : Differ.diff(old, changed);
    switch (output) {
      case text -> writeText(impact, context.out);
      case json -> Json.print(json(List.of(impact)), context.out);
    }
    context.out.flush();
    boolean fail =
        (failOn.contains("rollout") && impact.rollout())
            || (failOn.contains("nodes-lost") && !impact.nodesLost().isEmpty());
    return fail ? Main.FINDINGS : Main.OK;
  }

  static void writeText(Impact impact, PrintWriter out) {
    out.println("DaemonSet " + impact.daemonSet());
    out.println(
        impact.rollout()
            ? "  starts a rollout: the pod template changes (revision "
                + impact.hashBefore()
                + " -> "
                + impact.hashAfter()
                + ")"
            : "  no rollout: the pod template is unchanged (revision " + impact.hashAfter() + ")");
    if (impact.changes().isEmpty()) {
      out.println("  no field changes once both are defaulted");
    } else {
      out.println("  changes (after defaulting):");
      for (Impact.FieldChange c : impact.changes()) {
        out.println("    " + c.path() + ": " + text(c.before()) + " -> " + text(c.after()));
      }
    }
    if (impact.withSnapshot()) {
      nodes(out, "nodes gaining the daemon pod", impact.nodesGained());
      nodes(out, "nodes losing the daemon pod", impact.nodesLost());
      if (impact.rollout()) {
        out.println("  pods replaced: " + impact.podsReplaced());
        out.println(
            "  estimated rollout: "
                + (impact.estimatedRollout() == null
                    ? "does not finish ("
                        + String.valueOf(impact.rolloutOutcome()).toLowerCase(Locale.ROOT)
                        + "; see daemonset simulate)"
                    : Durations.human(impact.estimatedRollout())
                        + " (default assumptions of daemonset simulate)"));
      }
    }
    out.println();
  }

  private static void nodes(PrintWriter out, String title, List<Impact.NodeChange> nodes) {
    if (nodes.isEmpty()) {
      out.println("  " + title + ": none");
      return;
    }
    out.println("  " + title + ": " + nodes.size());
    for (Impact.NodeChange n : nodes) {
      out.println("    " + n.node() + " (" + n.reason() + "): " + n.message());
    }
  }

  private static String text(@Nullable JsonValue v) {
    return v == null ? "(none)" : node(v).toString();
  }

  static ObjectNode json(List<Impact> impacts) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("version", 1);
    ArrayNode array = root.putArray("diffs");
    for (Impact impact : impacts) {
      ObjectNode d = array.addObject();
      d.put("daemonSet", impact.daemonSet());
      d.put("rollout", impact.rollout());
      d.put("hashBefore", impact.hashBefore());
      d.put("hashAfter", impact.hashAfter());
      ArrayNode changes = d.putArray("changes");
      for (Impact.FieldChange c : impact.changes()) {
        ObjectNode n = changes.addObject();
        n.put("path", c.path());
        n.set("before", c.before() == null ? null : node(c.before()));
        n.set("after", c.after() == null ? null : node(c.after()));
      }
      d.put("withCluster", impact.withSnapshot());
      nodeChanges(d.putArray("nodesGained"), impact.nodesGained());
      nodeChanges(d.putArray("nodesLost"), impact.nodesLost());
      d.put("podsReplaced", impact.podsReplaced());
      if (impact.estimatedRollout() == null) {
        d.putNull("estimatedRolloutSeconds");
        d.putNull("estimatedRollout");
      } else {
        SimulateCommand.seconds(d, "estimatedRolloutSeconds", impact.estimatedRollout());
        d.put("estimatedRollout", impact.estimatedRollout().toString());
      }
    }
    return root;
  }

  private static void nodeChanges(ArrayNode array, List<Impact.NodeChange> nodes) {
    for (Impact.NodeChange n : nodes) {
      array
          .addObject()
          .put("node", n.node())
          .put("reason", n.reason().name())
          .put("message", n.message());
    }
  }

  /** A model JSON value as a Jackson tree. */
  static JsonNode node(JsonValue v) {
    return switch (v.kind()) {
      case NULL -> Json.MAPPER.nullNode();
      case BOOLEAN -> Json.MAPPER.getNodeFactory().booleanNode(v.equals(JsonValue.of(true)));
      case NUMBER ->
          Json.MAPPER
              .getNodeFactory()
              .numberNode(new java.math.BigDecimal(((JsonValue.Num) v).literal()));
      case STRING -> Json.MAPPER.getNodeFactory().textNode(v.asString().orElse(""));
      case ARRAY -> {
        ArrayNode a = Json.MAPPER.createArrayNode();
        v.elements().forEach(e -> a.add(node(e)));
        yield a;
      }
      case OBJECT -> {
        ObjectNode o = Json.MAPPER.createObjectNode();
        v.members().forEach((k, e) -> o.set(k, node(e)));
        yield o;
      }
    };
  }
}
