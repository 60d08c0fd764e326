package dev.daemonset.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.daemonset.api.model.Node;
import dev.daemonset.api.plan.Action;
import dev.daemonset.api.plan.FailedPredicate;
import dev.daemonset.api.plan.NodeVerdict;
import dev.daemonset.api.plan.Plan;
import dev.daemonset.api.plan.PlanOptions;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code daemonset explain}: why each node runs the DaemonSet's pod, or does not. */
@CommandLine.Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.Provider.class,
    description = {
      "Explains, node by node, whether the DaemonSet runs there and why: which nodeSelector label is"
          + " missing or different, which node-affinity term failed and why, which taint is not"
          + " tolerated and the toleration that would fix it, and whether each existing pod stays,"
          + " is replaced or goes. Ends with a summary."
    },
    footer = {
      "",
      "Examples:",
      "  daemonset explain ds.yaml nodes.yaml",
      "  kubectl get nodes,pods -A -o yaml | daemonset explain ds.yaml - --node gpu-worker-3",
      "",
      "Exit codes: 0 explained, 1 the input has errors, 2 usage or I/O error."
    })
final class ExplainCommand extends PlanningCommand {

  enum Format {
    text,
    json
  }

  @Option(
      names = {"-o", "--output"},
      defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  Format output;

  @Option(names = "--node", paramLabel = "NAME", description = "Explain only this node.")
  String node;

  @Parameters(
      index = "0",
      paramLabel = "DAEMONSET-FILE",
      description = "The file with the DaemonSet(s) to explain.")
  String daemonSetFile;

  @Parameters(
      index = "1..*",
      paramLabel = "CLUSTER-FILE|DIR|-",
      description =
          "Nodes and Pods (manifests or kubectl get -o yaml|json output), directories, or -.")
  List<String> clusterFiles = new ArrayList<>();

  @Override
  int run(PlanOptions options, Instant at) {
    var engine = engine(options);
    Cluster cluster;
    Cluster dsOnly;
    try {
      Inputs inputs = new Inputs(context.in);
      dsOnly = Cluster.read(engine, inputs.collect(List.of(daemonSetFile)));
      cluster =
          clusterFiles.isEmpty()
              ? new Cluster()
              : Cluster.read(engine, inputs.collect(clusterFiles));
    } catch (Inputs.InputException e) {
      return usageError(String.valueOf(e.getMessage()));
    }
    cluster.errors.addAll(0, dsOnly.errors);
    int readStatus = reportReadErrors(cluster);
    if (readStatus != Main.OK) {
      return readStatus;
    }
    if (dsOnly.daemonSets().isEmpty()) {
      return usageError(daemonSetFile + ": no DaemonSet in it");
    }
    List<Node> nodes = cluster.nodes();
    if (nodes.isEmpty()) {
      context.err.println(
          "daemonset: warning: no Node in the input, so there is no node to explain: name the"
              + " cluster too (kubectl get nodes,pods -A -o yaml > cluster.yaml)");
      context.err.flush();
    }
    if (node != null && nodes.stream().noneMatch(n -> n.name().equals(node))) {
      return usageError("no node named '" + node + "' in the cluster files");
    }
    List<Plan> plans = planAll(engine, dsOnly, cluster, at);
    if (plans == null) {
      return Main.FINDINGS;
    }
    List<Explanation> explanations = new ArrayList<>();
    for (Plan plan : plans) {
      explanations.add(new Explanation(plan, nodes, node));
    }
    if (output == Format.json) {
      ObjectNode root = Json.MAPPER.createObjectNode();
      root.put("version", Json.VERSION);
      ArrayNode array = root.putArray("explanations");
      explanations.forEach(e -> array.add(e.json()));
      Json.print(root, context.out);
    } else {
      explanations.forEach(e -> e.writeText(context.out));
    }
    context.out.flush();
    return Main.OK;
  }

  /** One DaemonSet's explanation, built from its plan's verdicts and actions. */
  static final class Explanation {
    final Plan plan;
    final List<NodeVerdict> verdicts;
    final Map<String, Node> nodes = new HashMap<>();
    final Map<String, Action.Delete> deletes = new HashMap<>();
    final Map<String, Action.Create> creates = new HashMap<>();

    Explanation(Plan plan, List<Node> allNodes, String only) {
      this.plan = plan;
      this.verdicts =
          plan.verdicts().stream().filter(v -> only == null || v.node().equals(only)).toList();
      allNodes.forEach(n -> nodes.put(n.name(), n));
      List<Action> all = new ArrayList<>(plan.actions());
      all.addAll(plan.deferred());
      for (Action a : all) {
        if (a instanceof Action.Delete d) {
          deletes.put(d.podName(), d);
        } else if (a instanceof Action.Create c) {
          creates.putIfAbsent(c.node(), c);
        }
      }
    }

    void writeText(PrintWriter out) {
      out.println("DaemonSet " + plan.daemonSet());
      if (plan.isStopped()) {
        out.println("  " + plan.outcome().message());
        out.println();
        return;
      }
      for (NodeVerdict v : verdicts) {
        out.println("  " + v.node() + ": " + verdictText(v.verdict()));
        for (FailedPredicate f : v.failures()) {
          out.println("    - " + f.message());
        }
        Node n = nodes.get(v.node());
        if (n != null && n.unschedulable()) {
          out.println(
              "    - The node is cordoned (spec.unschedulable); that does not stop daemon pods,"
                  + " which tolerate node.kubernetes.io/unschedulable.");
        }
        for (String line : podLines(v)) {
          out.println("    " + line);
        }
      }
      out.println("  Summary: " + summary());
      out.println();
    }

    List<String> podLines(NodeVerdict v) {
      List<String> lines = new ArrayList<>();
      for (String pod : v.daemonPods()) {
        Action.Delete d = deletes.get(pod);
        if (d == null) {
          lines.add("pod " + pod + " stays.");
        } else if (d.reason() == Action.DeleteReason.MISSCHEDULED) {
          lines.add(
              "pod "
                  + pod
                  + " is deleted (MISSCHEDULED): the node must not run it, for the reasons above.");
        } else {
          lines.add("pod " + pod + " is deleted (" + d.reason().name() + "): " + d.message());
        }
      }
      Action.Create c = creates.get(v.node());
      if (c != null) {
        lines.add("a new pod is created (" + c.reason().name() + "): " + c.message());
      } else if (v.daemonPods().isEmpty() && v.verdict() == NodeVerdict.Verdict.SHOULD_RUN) {
        lines.add("no pod yet, and none is created in this sync.");
      }
      return lines;
    }

    static String verdictText(NodeVerdict.Verdict v) {
      return switch (v) {
        case SHOULD_RUN -> "runs the pod";
        case MAY_KEEP_RUNNING -> "gets no new pod, but a running one may stay";
        case MUST_NOT_RUN -> "must not run the pod";
      };
    }

    String summary() {
      return PlacementSummary.of(verdicts);
    }

    ObjectNode json() {
      ObjectNode root = Json.MAPPER.createObjectNode();
      root.put("daemonSet", plan.daemonSet());
      root.put("outcome", plan.outcome().name());
      ArrayNode array = root.putArray("nodes");
      for (NodeVerdict v : verdicts) {
        ObjectNode n = array.addObject();
        n.put("node", v.node());
        n.put("verdict", v.verdict().name());
        ArrayNode reasons = n.putArray("reasons");
        for (FailedPredicate f : v.failures()) {
          ObjectNode r = reasons.addObject();
          r.put("kind", f.kind().name());
          r.put("message", f.message());
          if (f instanceof FailedPredicate.UntoleratedTaint t) {
            r.put("taint", t.taint().toString());
            ObjectNode fix = r.putObject("fix");
            fix.put("key", t.fix().key());
            fix.put("operator", t.fix().operator());
            if (!t.fix().value().isEmpty()) {
              fix.put("value", t.fix().value());
            }
            fix.put("effect", t.fix().effect());
          }
        }
        Node node = nodes.get(v.node());
        n.put("cordoned", node != null && node.unschedulable());
        ArrayNode pods = n.putArray("pods");
        for (String pod : v.daemonPods()) {
          Action.Delete d = deletes.get(pod);
          ObjectNode p =
              pods.addObject().put("name", pod).put("fate", d == null ? "stays" : "deleted");
          if (d != null) {
            p.put("reason", d.reason().name()).put("message", d.message());
          }
        }
        Action.Create c = creates.get(v.node());
        if (c != null) {
          n.putObject("create").put("reason", c.reason().name()).put("message", c.message());
        }
      }
      root.put("summary", summary());
      return root;
    }
  }
}
