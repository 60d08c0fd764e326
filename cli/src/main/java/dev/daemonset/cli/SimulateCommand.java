package dev.daemonset.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.plan.PlanOptions;
import dev.daemonset.api.simulate.NodeSet;
import dev.daemonset.api.simulate.SimulationOptions;
import dev.daemonset.api.simulate.Startup;
import dev.daemonset.api.simulate.Timeline;
import dev.daemonset.core.simulate.Simulator;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code daemonset simulate}: a DaemonSet's rollout over time, against a cluster. */
@CommandLine.Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.Provider.class,
    description = {
      "Simulates, for every DaemonSet in the input, its rollout over time against the Nodes, Pods"
          + " and ControllerRevisions in the input: the controller plans a sync, its creates and"
          + " deletes are applied, pods start and stop as the assumptions say, and again, until every"
          + " node that should run the pod runs an updated, available one, or no progress is"
          + " possible (a stall), or the horizon.",
      "Prints the summary and the waves (syncs that created or deleted pods); --verbose prints"
          + " every event."
    },
    footer = {
      "",
      "Examples:",
      "  daemonset simulate --now 2026-11-28T10:00:00Z ds.yaml cluster.yaml",
      "  daemonset simulate --startup 20s..60s --unready 10%% --seed 7 ds.yaml cluster.yaml",
      "  daemonset simulate -o svg ds.yaml cluster.yaml > rollout.svg",
      "",
      "Exit codes: 0 simulated, 1 the input has errors, 2 usage or I/O error."
    })
final class SimulateCommand extends Command {

  enum Format {
    text,
    json,
    svg
  }

  @Option(
      names = {"-o", "--output"},
      defaultValue = "text",
      description = "text, json or svg (a chart of the rollout) (default: ${DEFAULT-VALUE}).")
  Format output;

  @Option(
      names = "--now",
      paramLabel = "RFC3339",
      description = "The simulated clock's start (default: the current time).")
  String now;

  @Option(
      names = "--startup",
      paramLabel = "TIME|MIN..MAX",
      defaultValue = "30s",
      description =
          "How long a new pod takes to become Ready: fixed (30s) or uniform in a range (20s..60s),"
              + " drawn with the seed (default: ${DEFAULT-VALUE}).")
  String startup;

  @Option(
      names = "--min-ready",
      paramLabel = "SECONDS",
      description = "Override the DaemonSet's minReadySeconds.")
  Integer minReady;

  @Option(
      names = "--shutdown",
      paramLabel = "TIME",
      defaultValue = "5s",
      description =
          "How long a deleted pod takes to go, capped by its terminationGracePeriodSeconds"
              + " (default: ${DEFAULT-VALUE}).")
  String shutdown;

  @Option(
      names = "--unready",
      paramLabel = "PCT|SELECTOR",
      description =
          "Nodes on which new pods never become Ready: a share (10%%), drawn with the seed, or node"
              + " labels (pool=gpu,zone=a).")
  String unready;

  @Option(
      names = "--crash-loop",
      paramLabel = "PCT|SELECTOR",
      description = "Nodes on which new pods fail --crash-after after they start.")
  String crashLoop;

  @Option(
      names = "--crash-after",
      paramLabel = "TIME",
      defaultValue = "10s",
      description = "How long a crash-looping pod runs (default: ${DEFAULT-VALUE}).")
  String crashAfter;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Seeds every draw (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--horizon",
      paramLabel = "TIME",
      defaultValue = "24h",
      description = "Give up after this much simulated time (default: ${DEFAULT-VALUE}).")
  String horizon;

  @Option(
      names = "--sync-interval",
      paramLabel = "TIME",
      defaultValue = "1s",
      description =
          "Events closer than this share one sync, as the controller's work queue folds them"
              + " (default: ${DEFAULT-VALUE}).")
  String syncInterval;

  @Option(
      names = "--mode",
      defaultValue = "live",
      paramLabel = "live|full-sync",
      description =
          "live: the rolling update acts only in a sync without other actions, as a live controller"
              + " (default); full-sync: as upstream's unit tests run it.")
  String mode;

  @Option(
      names = "--burst",
      defaultValue = "250",
      paramLabel = "N",
      description = "Creates (and deletes) per controller call (default: ${DEFAULT-VALUE}).")
  int burst;

  @Option(names = "--verbose", description = "Print every event, not only the waves.")
  boolean verbose;

  @Parameters(
      paramLabel = "FILE|DIR|-",
      description =
          "DaemonSet, Node, Pod and ControllerRevision documents, v1 Lists, directories, or - for"
              + " standard input.")
  List<String> operands = new ArrayList<>();

  @Override
  public Integer call() {
    SimulationOptions options;
    Instant start;
    try {
      options = options();
      start = now(now);
    } catch (IllegalArgumentException e) {
      return usageError(String.valueOf(e.getMessage()));
    }
    Cluster cluster;
    try {
      List<Source> sources = new Inputs(context.in).collect(operands);
      cluster = Cluster.read(dev.daemonset.core.DaemonSetEngine.defaults(), sources);
    } catch (Inputs.InputException e) { // an input that cannot be read (streamed as a snapshot)
      return usageError(String.valueOf(e.getMessage()));
    }
    if (!cluster.errors.isEmpty()) {
      context.err.print(
          dev.daemonset.core.report.ReportWriter.of(dev.daemonset.core.report.ReportFormat.TEXT)
              .withQuiet(true)
              .format(cluster.errors));
      context.err.println("daemonset: the input has errors (above); nothing was simulated");
      context.err.flush();
      return Main.FINDINGS;
    }
    if (cluster.daemonSets().isEmpty()) {
      return usageError("no DaemonSet in the input: nothing to simulate");
    }
    List<Timeline> timelines = new ArrayList<>();
    for (DaemonSet ds : cluster.daemonSets()) {
      DaemonSet simulated =
          minReady == null ? ds : ds.withSpec(ds.spec().withMinReadySeconds(minReady));
      timelines.add(
          withProgress(
              ds.metadata().name(),
              () -> Simulator.simulate(simulated, cluster.snapshot(), start, options)));
    }
    switch (output) {
      case text -> timelines.forEach(t -> writeText(t, verbose, context.out));
      case json -> Json.print(json(timelines), context.out);
      case svg -> timelines.forEach(t -> context.out.print(TimelineChart.svg(t)));
    }
    context.out.flush();
    return Main.OK;
  }

  SimulationOptions options() {
    PlanOptions.Mode m =
        switch (mode) {
          case "live" -> PlanOptions.Mode.LIVE;
          case "full-sync" -> PlanOptions.Mode.FULL_SYNC;
          default ->
              throw new IllegalArgumentException(
                  "--mode must be live or full-sync, not '" + mode + "'");
        };
    if (burst < 1) {
      throw new IllegalArgumentException("--burst must be at least 1");
    }
    if (minReady != null && minReady < 0) {
      throw new IllegalArgumentException("--min-ready must not be negative");
    }
    SimulationOptions o =
        SimulationOptions.DEFAULTS
            .withStartup(startup(startup))
            .withShutdown(duration("--shutdown", shutdown, false))
            .withHorizon(duration("--horizon", horizon, true))
            .withSyncInterval(duration("--sync-interval", syncInterval, true))
            .withSeed(seed)
            .withPlanOptions(PlanOptions.DEFAULTS.withMode(m).withBurstReplicas(burst));
    if (unready != null) {
      o = o.withNeverReady(nodeSet(unready, "--unready"));
    }
    if (crashLoop != null) {
      o =
          o.withCrashLoop(
              nodeSet(crashLoop, "--crash-loop"), duration("--crash-after", crashAfter, false));
    }
    return o;
  }

  /**
   * The duration an option gives, checked here so that the message names the option and the
   * duration as written ({@code --horizon must be longer than 0, not '0s'}).
   */
  static Duration duration(String option, String text, boolean positive) {
    Duration d;
    try {
      d = Durations.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
    }
    if (d.isNegative()) {
      throw new IllegalArgumentException(
          option + " must not be negative, not '" + text.strip() + "'");
    }
    if (positive && d.isZero()) {
      throw new IllegalArgumentException(
          option + " must be longer than 0, not '" + text.strip() + "'");
    }
    return d;
  }

  static Startup startup(String text) {
    int range = text.indexOf("..");
    if (range < 0) {
      return Startup.fixed(duration("--startup", text, false));
    }
    Duration min = duration("--startup", text.substring(0, range), false);
    Duration max = duration("--startup", text.substring(range + 2), false);
    if (max.compareTo(min) < 0) {
      throw new IllegalArgumentException(
          "--startup: a range goes from the shorter time to the longer (20s..60s), not '"
              + text.strip()
              + "'");
    }
    return Startup.uniform(min, max);
  }

  static NodeSet nodeSet(String text, String option) {
    String t = text.strip();
    if (t.endsWith("%")) {
      double pct;
      try {
        pct = Double.parseDouble(t.substring(0, t.length() - 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(option + ": not a percentage: '" + text + "'", e);
      }
      if (pct < 0 || pct > 100) {
        throw new IllegalArgumentException(
            option + ": a percentage from 0 to 100, not '" + text + "'");
      }
      return NodeSet.share(pct / 100);
    }
    Map<String, String> labels = new LinkedHashMap<>();
    for (String pair : t.split(",", -1)) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            option + ": a percentage (10%) or node labels (key=value,...), not '" + text + "'");
      }
      labels.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
    }
    return NodeSet.selector(labels);
  }

  /**
   * Runs {@code work}; on a terminal, when it takes more than a second, shows on standard error
   * that it is still running, with the time spent, until it is done.
   */
  Timeline withProgress(String name, java.util.concurrent.Callable<Timeline> work) {
    if (!context.terminal) {
      try {
        return work.call();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    ExecutorService executor =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread thread = new Thread(r, "simulate");
              thread.setDaemon(true);
              return thread;
            });
    try {
      Future<Timeline> result = executor.submit(work);
      long started = System.nanoTime();
      boolean shown = false;
      String bar = "==========";
      int tick = 0;
      while (true) {
        try {
          Timeline t = result.get(shown ? 200 : 1000, TimeUnit.MILLISECONDS);
          if (shown) {
            context.err.print("\r\033[K");
            context.err.flush();
          }
          return t;
        } catch (TimeoutException e) {
          shown = true;
          double seconds = (System.nanoTime() - started) / 1e9;
          int pos = tick++ % 10;
          context.err.print(
              String.format(
                  Locale.ROOT,
                  "\rsimulating %s [%s<=>%s] %.1fs",
                  name,
                  bar.substring(0, pos),
                  bar.substring(pos),
                  seconds));
          context.err.flush();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException(e.getCause());
    } finally {
      executor.shutdownNow();
    }
  }

  static void writeText(Timeline t, boolean verbose, PrintWriter out) {
    out.println("DaemonSet " + t.daemonSet());
    switch (t.outcome()) {
      case CONVERGED ->
          out.println(
              "  converged after "
                  + Durations.human(t.duration())
                  + ": every node that should run the pod runs an updated, available one");
      case STALLED -> {
        Timeline.Stall s =
            java.util.Objects.requireNonNull(t.stall(), "a stalled timeline has a stall");
        out.println("  stalled after " + Durations.human(s.at()) + ": " + s.message());
        if (!s.nodes().isEmpty()) {
          out.println("  nodes: " + nodes(s.nodes()));
        }
      }
      case HORIZON ->
          out.println("  not done within the horizon of " + Durations.human(t.duration()));
    }
    out.println(
        "  "
            + t.syncs()
            + " syncs, "
            + t.waves()
            + " waves; at most "
            + t.maxUnavailableObserved()
            + " nodes without an available pod (maxUnavailable allows "
            + t.maxUnavailableAllowed()
            + ")");
    if (!t.keptBudget()) {
      Timeline.BudgetViolation v = t.budgetViolations().get(0);
      out.println(
          "  BUDGET EXCEEDED "
              + t.budgetViolations().size()
              + " times, first at "
              + Durations.human(v.at())
              + ": "
              + v.disrupted()
              + " nodes disrupted, "
              + v.allowed()
              + " allowed");
    }
    if (verbose) {
      for (Timeline.Event e : t.events()) {
        out.println(
            String.format(
                Locale.ROOT,
                "  %10s  %-12s %-24s %s%s",
                Durations.human(e.at()),
                e.type().code(),
                e.node(),
                e.pod(),
                e.reason().isEmpty() ? "" : " (" + e.reason() + ")"));
      }
    } else {
      // waves: the creates and deletes of one moment, counted by reason
      Map<Duration, Map<String, Integer>> waves = new TreeMap<>();
      for (Timeline.Event e : t.events()) {
        if (e.type() == Timeline.Type.CREATE || e.type() == Timeline.Type.DELETE) {
          waves
              .computeIfAbsent(e.at(), k -> new TreeMap<>())
              .merge(e.type().code() + " " + e.reason(), 1, Integer::sum);
        }
      }
      if (!waves.isEmpty()) {
        out.println("  waves:");
      }
      waves.forEach(
          (at, counts) -> {
            List<String> parts = new ArrayList<>();
            counts.forEach(
                (what, n) -> {
                  int space = what.indexOf(' ');
                  parts.add(
                      what.substring(0, space) + " " + n + " (" + what.substring(space + 1) + ")");
                });
            out.println(
                String.format(
                    Locale.ROOT, "  %10s  %s", Durations.human(at), String.join(", ", parts)));
          });
    }
    out.println();
  }

  private static String nodes(List<String> nodes) {
    return nodes.size() <= 10
        ? String.join(", ", nodes)
        : String.join(", ", nodes.subList(0, 10)) + ", and " + (nodes.size() - 10) + " more";
  }

  static ObjectNode json(List<Timeline> timelines) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("version", 1);
    ArrayNode array = root.putArray("simulations");
    for (Timeline t : timelines) {
      ObjectNode s = array.addObject();
      s.put("daemonSet", t.daemonSet());
      s.put("currentHash", t.currentHash());
      s.put("outcome", t.outcome().name().toLowerCase(Locale.ROOT));
      s.put("converged", t.converged());
      s.put("stalled", t.stalled());
      seconds(s, "durationSeconds", t.duration());
      s.put("duration", t.duration().toString());
      s.put("maxUnavailableObserved", t.maxUnavailableObserved());
      s.put("maxUnavailableAllowed", t.maxUnavailableAllowed());
      s.put("syncs", t.syncs());
      s.put("waves", t.waves());
      Timeline.Stall stall = t.stall();
      if (stall == null) {
        s.putNull("stall");
      } else {
        ObjectNode n = s.putObject("stall");
        seconds(n, "atSeconds", stall.at());
        n.put("cause", stall.cause().name());
        n.put("reason", stall.message());
        ArrayNode nodes = n.putArray("nodes");
        stall.nodes().forEach(nodes::add);
      }
      ArrayNode violations = s.putArray("budgetViolations");
      for (Timeline.BudgetViolation v : t.budgetViolations()) {
        ObjectNode n = violations.addObject();
        seconds(n, "atSeconds", v.at());
        n.put("disrupted", v.disrupted());
        n.put("allowed", v.allowed());
        ArrayNode nodes = n.putArray("nodes");
        v.nodes().forEach(nodes::add);
      }
      ArrayNode events = s.putArray("events");
      for (Timeline.Event e : t.events()) {
        ObjectNode n = events.addObject();
        seconds(n, "atSeconds", e.at());
        n.put("type", e.type().code());
        n.put("node", e.node());
        n.put("pod", e.pod());
        if (!e.reason().isEmpty()) {
          n.put("reason", e.reason());
        }
      }
      ArrayNode samples = s.putArray("samples");
      for (Timeline.Sample x : t.samples()) {
        ObjectNode n = samples.addObject();
        seconds(n, "atSeconds", x.at());
        n.put("desired", x.desired());
        n.put("updated", x.updated());
        n.put("available", x.available());
        n.put("unavailable", x.unavailable());
        n.put("allowed", x.allowed());
      }
    }
    return root;
  }

  static void seconds(ObjectNode n, String key, Duration d) {
    Number s = Durations.seconds(d);
    if (s instanceof Long l) {
      n.put(key, l);
    } else {
      n.put(key, s.doubleValue());
    }
  }
}
