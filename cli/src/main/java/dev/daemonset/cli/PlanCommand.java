package dev.daemonset.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.daemonset.api.model.DaemonSetStatus;
import dev.daemonset.api.plan.Action;
import dev.daemonset.api.plan.Plan;
import dev.daemonset.api.plan.PlanOptions;
import dev.daemonset.core.render.ManifestWriter;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code daemonset plan}: what the DaemonSet controller would do in one sync. */
@CommandLine.Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.Provider.class,
    description = {
      "Plans, for every DaemonSet in the input, what the DaemonSet controller would do in one sync"
          + " against the Nodes, Pods and ControllerRevisions in the input (pods of the DaemonSet's"
          + " namespace): the pods it creates and deletes, with the reason for each, and the status"
          + " counters before and after.",
      "Input is any mix of manifests and `kubectl get ... -o yaml|json` output."
    },
    footer = {
      "",
      "Examples:",
      "  daemonset plan --now 2026-11-28T10:00:00Z ds.yaml cluster.yaml",
      "  kubectl get nodes,pods,controllerrevisions -A -o yaml > cluster.yaml && daemonset plan ds.yaml cluster.yaml",
      "  daemonset plan --output yaml ds.yaml cluster.yaml | kubectl create -f -   # the pods it would create",
      "",
      "Exit codes: 0 planned, 1 the input has errors, 2 usage or I/O error."
    })
final class PlanCommand extends PlanningCommand {

  enum Format {
    text,
    json,
    yaml
  }

  @Option(
      names = {"-o", "--output"},
      defaultValue = "text",
      description =
          "text, json, or yaml (the pods the plan creates, ready for kubectl create -f -) (default: ${DEFAULT-VALUE}).")
  Format output;

  @Parameters(
      paramLabel = "FILE|DIR|-",
      description =
          "DaemonSet, Node, Pod and ControllerRevision documents, v1 Lists, directories, or - for standard input.")
  List<String> operands = new ArrayList<>();

  @Override
  int run(PlanOptions options, Instant at) {
    var engine = engine(options);
    Cluster cluster;
    try {
      cluster = Cluster.read(engine, new Inputs(context.in).collect(operands));
    } catch (Inputs.InputException e) {
      return usageError(String.valueOf(e.getMessage()));
    }
    int readStatus = reportReadErrors(cluster);
    if (readStatus != Main.OK) {
      return readStatus;
    }
    if (cluster.daemonSets().isEmpty()) {
      return usageError("no DaemonSet in the input: nothing to plan");
    }
    List<Plan> plans = planAll(engine, cluster, cluster, at);
    if (plans == null) {
      return Main.FINDINGS;
    }
    switch (output) {
      case text -> plans.forEach(p -> writeText(p, context.out));
      case json -> Json.print(json(plans), context.out);
      case yaml -> writeCreatedPods(plans, context.out);
    }
    context.out.flush();
    return Main.OK;
  }

  static void writeText(Plan plan, PrintWriter out) {
    out.println("DaemonSet " + plan.daemonSet());
    if (plan.isStopped()) {
      out.println("  " + plan.outcome().message());
      out.println();
      return;
    }
    out.println("  current revision " + plan.currentHash() + " (" + hashSource(plan) + ")");
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"ACTION", "NODE", "POD", "REASON", "WHY"});
    for (Action a : plan.actions()) {
      rows.add(row(a, ""));
    }
    for (Action a : plan.deferred()) {
      rows.add(row(a, " (deferred)"));
    }
    if (rows.size() == 1) {
      out.println("  no actions: the cluster already matches the DaemonSet");
    } else {
      Table.write(rows, "  ", out);
    }
    for (Plan.Notice n : plan.notices()) {
      out.println("  note: " + n.message());
    }
    out.println("  status now:       " + counters(plan.status()));
    out.println("  after this plan:  " + counters(plan.projectedStatus()));
    out.println();
  }

  private static String[] row(Action a, String suffix) {
    String pod =
        a instanceof Action.Delete d
            ? d.podName()
            : ((Action.Create) a).pod().metadata().generateName() + "*";
    return new String[] {
      a.kind().name().toLowerCase(java.util.Locale.ROOT) + suffix,
      a.node(),
      pod,
      a.reason().name(),
      a.message()
    };
  }

  static String hashSource(Plan plan) {
    return switch (plan.hashSource()) {
      case CONTROLLER_REVISION -> "from a ControllerRevision in the input";
      case OPTION -> "given with --revision-hash";
      case COMPUTED -> "computed by daemonset-engine: not the hash the API server would choose";
      case NONE -> "none: the DaemonSet was rejected";
    };
  }

  static String counters(DaemonSetStatus s) {
    return "desired "
        + s.desiredNumberScheduled()
        + ", current "
        + s.currentNumberScheduled()
        + ", ready "
        + s.numberReady()
        + ", available "
        + s.numberAvailable()
        + ", updated "
        + s.updatedNumberScheduled()
        + ", misscheduled "
        + s.numberMisscheduled()
        + ", unavailable "
        + s.numberUnavailable();
  }

  static ObjectNode json(List<Plan> plans) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("version", Json.VERSION);
    ArrayNode array = root.putArray("plans");
    for (Plan plan : plans) {
      ObjectNode p = array.addObject();
      p.put("daemonSet", plan.daemonSet());
      p.put("outcome", plan.outcome().name());
      p.put("currentHash", plan.currentHash());
      p.put("hashSource", plan.hashSource().name());
      actions(p.putArray("actions"), plan.actions());
      actions(p.putArray("deferred"), plan.deferred());
      p.set("status", status(plan.status()));
      p.set("projectedStatus", status(plan.projectedStatus()));
      ArrayNode notices = p.putArray("notices");
      plan.notices()
          .forEach(
              n -> notices.addObject().put("code", n.code().name()).put("message", n.message()));
    }
    return root;
  }

  private static void actions(ArrayNode array, List<Action> actions) {
    for (Action a : actions) {
      ObjectNode n = array.addObject();
      n.put("type", a.kind().name().toLowerCase(java.util.Locale.ROOT));
      n.put("node", a.node());
      if (a instanceof Action.Create c) {
        n.put("pod", c.pod().metadata().generateName());
        n.put("batch", c.batch());
      } else {
        n.put("pod", ((Action.Delete) a).podName());
      }
      n.put("reason", a.reason().name());
      n.put("message", a.message());
      if (a instanceof Action.Delete d && d.reason().isPodGcWork()) {
        n.put("podGc", true);
      }
    }
  }

  static ObjectNode status(DaemonSetStatus s) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("currentNumberScheduled", s.currentNumberScheduled());
    n.put("numberMisscheduled", s.numberMisscheduled());
    n.put("desiredNumberScheduled", s.desiredNumberScheduled());
    n.put("numberReady", s.numberReady());
    n.put("observedGeneration", s.observedGeneration());
    n.put("updatedNumberScheduled", s.updatedNumberScheduled());
    n.put("numberAvailable", s.numberAvailable());
    n.put("numberUnavailable", s.numberUnavailable());
    return n;
  }

  private static void writeCreatedPods(List<Plan> plans, PrintWriter out) {
    boolean first = true;
    for (Plan plan : plans) {
      for (Action.Create c : plan.creates()) {
        if (!first) {
          out.println("---");
        }
        first = false;
        out.print(ManifestWriter.toYaml(c.pod()));
      }
    }
  }
}
