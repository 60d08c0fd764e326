package dev.daemonset.cli;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.plan.Plan;
import dev.daemonset.api.plan.PlanOptions;
import dev.daemonset.core.DaemonSetEngine;
import dev.daemonset.core.report.FileReport;
import dev.daemonset.core.report.ReportFormat;
import dev.daemonset.core.report.ReportWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * What {@code plan} and {@code explain} share: the clock, the planner options, reading the cluster.
 */
abstract class PlanningCommand extends Command {

  @Option(
      names = "--now",
      paramLabel = "RFC3339",
      description =
          "The time to plan at, such as 2026-11-28T10:00:00Z (default: the current time). Availability (minReadySeconds) is judged against it.")
  @Nullable String now;

  @Option(
      names = "--mode",
      defaultValue = "full-sync",
      paramLabel = "full-sync|live",
      description =
          "full-sync: the rolling update is planned on the state after this sync's creates and deletes, as upstream's tests run the controller (default). live: rolling-update actions only in a sync that has no other actions, as a live controller usually behaves.")
  String mode;

  @Option(
      names = "--burst",
      defaultValue = "250",
      paramLabel = "N",
      description =
          "Creates (and deletes) per controller call; the rest are reported as deferred (default: ${DEFAULT-VALUE}).")
  int burst;

  @Option(
      names = "--backoff-node",
      paramLabel = "NODE",
      description = "A node whose failed daemon pod is in the controller's backoff (repeatable).")
  List<String> backoffNodes = List.of();

  @Option(
      names = "--no-vanished-node-pods",
      description =
          "Leave pods bound to nodes that no longer exist out of the plan (they are pod GC's work).")
  boolean noVanished;

  @Option(
      names = "--revision-hash",
      paramLabel = "HASH",
      description =
          "The current controller-revision-hash, when no ControllerRevision in the input gives it.")
  @Nullable String revisionHash;

  @Override
  public final Integer call() {
    PlanOptions options = options();
    Instant at = instant();
    if (options == null || at == null) {
      return Main.USAGE;
    }
    return run(options, at);
  }

  /** Runs the command with its parsed options and time; returns the exit code. */
  abstract int run(PlanOptions options, Instant at);

  /** The options, or {@code null} after printing a usage error. */
  @Nullable PlanOptions options() {
    PlanOptions.Mode m =
        switch (mode) {
          case "full-sync" -> PlanOptions.Mode.FULL_SYNC;
          case "live" -> PlanOptions.Mode.LIVE;
          default -> null;
        };
    if (m == null) {
      usageError("--mode must be full-sync or live, not '" + mode + "'");
      return null;
    }
    if (burst < 1) {
      usageError("--burst must be at least 1");
      return null;
    }
    return new PlanOptions(
        m, burst, java.util.Set.copyOf(backoffNodes), !noVanished, false, revisionHash);
  }

  /** The planning time, or {@code null} after printing a usage error. */
  @Nullable Instant instant() {
    try {
      return now(now);
    } catch (IllegalArgumentException e) {
      usageError(String.valueOf(e.getMessage()));
      return null;
    }
  }

  /** The engine the command reads and plans with. */
  static DaemonSetEngine engine(PlanOptions options) {
    return DaemonSetEngine.defaults().withPlanOptions(options);
  }

  /** Prints reading errors to stderr and returns exit code 1, or returns 0 if there are none. */
  int reportReadErrors(Cluster cluster) {
    return reportErrors(cluster.errors);
  }

  /**
   * Plans every DaemonSet of {@code daemonSets} against the whole of {@code cluster}, in input
   * order; the engine validates each first. Returns {@code null} after printing the errors of every
   * DaemonSet the API server would reject.
   */
  @Nullable List<Plan> planAll(
      DaemonSetEngine engine, Cluster daemonSets, Cluster cluster, Instant at) {
    List<Plan> plans = new ArrayList<>();
    List<FileReport> rejected = new ArrayList<>();
    var snapshot = cluster.snapshot();
    for (Cluster.Read read : daemonSets.reads) {
      List<Plan> planned = engine.plan(read.result(), snapshot, at);
      List<Diagnostic> errors =
          planned.stream()
              .filter(p -> p.outcome() == Plan.Outcome.REJECTED)
              .flatMap(p -> p.errors().stream())
              .toList();
      if (!errors.isEmpty()) {
        rejected.add(read.source().report(errors));
      }
      plans.addAll(planned);
    }
    return reportErrors(rejected) == Main.OK ? plans : null;
  }

  private int reportErrors(List<FileReport> reports) {
    if (reports.isEmpty()) {
      return Main.OK;
    }
    context.err.print(ReportWriter.of(ReportFormat.TEXT).withQuiet(true).format(reports));
    context.err.println("daemonset: the input has errors (above); nothing was planned");
    context.err.flush();
    return Main.FINDINGS;
  }
}
