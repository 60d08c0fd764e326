package dev.daemonset.core;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.Document;
import dev.daemonset.api.ReadResult;
import dev.daemonset.api.SourceMap;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.plan.ClusterSnapshot;
import dev.daemonset.api.plan.Plan;
import dev.daemonset.api.plan.PlanOptions;
import dev.daemonset.core.internal.tree.DroppedValues;
import dev.daemonset.core.lint.Linter;
import dev.daemonset.core.plan.Planner;
import dev.daemonset.core.read.ManifestReader;
import dev.daemonset.core.read.ReadLimits;
import dev.daemonset.core.read.SnapshotReader;
import dev.daemonset.core.validate.DaemonSetValidator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The one place to start: read manifests, validate them as the API server would, lint them with the
 * DaemonSet-aware policies, and plan what the DaemonSet controller would do, with one object.
 *
 * <p>Each stage is also available on its own ({@link ManifestReader}, {@link DaemonSetValidator},
 * {@link Linter}, {@link Planner}, and {@code Defaults}, {@code ManifestWriter}, {@code
 * ReportWriter}); the engine adds nothing to their results except that {@link #plan} validates
 * first: a DaemonSet the API server would reject is never stored, so the controller never plans it,
 * and neither does the engine (the plan's outcome is {@link Plan.Outcome#REJECTED}, with the
 * errors). {@link #withValidationBeforePlanning(boolean) withValidationBeforePlanning(false)} plans
 * it all the same, as {@link Planner#plan} does.
 *
 * <p>Immutable and thread-safe: configure it with the {@code with...} methods, which return a new
 * engine, build it once and share it. Bad input never throws: it comes back as diagnostics (or a
 * rejected plan). Only {@code null} arguments throw, and {@link IOException} where a file is read.
 *
 * <pre>{@code
 * DaemonSetEngine engine = DaemonSetEngine.defaults();
 * ReadResult manifests = engine.read(Path.of("node-agent.yaml"));
 * for (Diagnostic d : engine.lint(manifests)) {                 // reading, validation, policies
 *   System.out.println(d.span().line() + ":" + d.span().column() + " " + d.code() + " " + d.message());
 * }
 * ClusterSnapshot cluster = ClusterSnapshot.from(engine.readSnapshot(Path.of("cluster.yaml")));
 * for (Plan plan : engine.plan(manifests, cluster, Instant.parse("2026-11-28T10:00:00Z"))) {
 *   plan.actions().forEach(a -> System.out.println(a.kind() + " " + a.node() + " " + a.reason()));
 * }
 * }</pre>
 *
 * @since 0.2
 */
@API(status = STABLE, since = "0.2")
public final class DaemonSetEngine {

  private final ManifestReader reader;
  private final Linter linter;
  private final PlanOptions planOptions;
  private final boolean validateBeforePlanning;

  private DaemonSetEngine(
      ManifestReader reader,
      Linter linter,
      PlanOptions planOptions,
      boolean validateBeforePlanning) {
    this.reader = reader;
    this.linter = linter;
    this.planOptions = planOptions;
    this.validateBeforePlanning = validateBeforePlanning;
  }

  /**
   * An engine with the defaults of every stage: {@link ManifestReader#defaults()} (so {@link
   * ReadLimits#DEFAULTS}), {@link Linter#defaults()} (the built-in policies and those the service
   * loader finds, discovered now), {@link PlanOptions#DEFAULTS}, and validation before planning.
   */
  public static DaemonSetEngine defaults() {
    return new DaemonSetEngine(
        ManifestReader.defaults(), Linter.defaults(), PlanOptions.DEFAULTS, true);
  }

  /** This engine reading with other limits. */
  public DaemonSetEngine withReadLimits(ReadLimits limits) {
    return new DaemonSetEngine(
        reader.withLimits(requireNonNull(limits, "limits")),
        linter,
        planOptions,
        validateBeforePlanning);
  }

  /** This engine linting with another linter (other policies or severities). */
  public DaemonSetEngine withLinter(Linter newLinter) {
    return new DaemonSetEngine(
        reader, requireNonNull(newLinter, "linter"), planOptions, validateBeforePlanning);
  }

  /** This engine planning with other options. */
  public DaemonSetEngine withPlanOptions(PlanOptions options) {
    return new DaemonSetEngine(
        reader, linter, requireNonNull(options, "options"), validateBeforePlanning);
  }

  /**
   * This engine validating each DaemonSet before it plans it ({@code true}, the default), or
   * planning every DaemonSet as given, as {@link Planner#plan} does ({@code false}): for a
   * DaemonSet already stored by a real API server, which need not be checked again.
   */
  public DaemonSetEngine withValidationBeforePlanning(boolean validate) {
    return new DaemonSetEngine(reader, linter, planOptions, validate);
  }

  /** The reader this engine reads with. */
  public ManifestReader reader() {
    return reader;
  }

  /** The linter this engine lints with. */
  public Linter linter() {
    return linter;
  }

  /** The options this engine plans with. */
  public PlanOptions planOptions() {
    return planOptions;
  }

  /** True if {@link #plan} validates each DaemonSet first (the default). */
  public boolean validatesBeforePlanning() {
    return validateBeforePlanning;
  }

  /** Reads manifest text: {@link ManifestReader#read(String)}. */
  public ReadResult read(String text) {
    return reader.read(text);
  }

  /** Reads UTF-8 bytes: {@link ManifestReader#read(byte[])}. */
  public ReadResult read(byte[] bytes) {
    return reader.read(bytes);
  }

  /**
   * Reads a UTF-8 file: {@link ManifestReader#read(Path)}.
   *
   * @throws IOException if the file cannot be read
   */
  public ReadResult read(Path path) throws IOException {
    return reader.read(path);
  }

  /**
   * Reads a cluster snapshot, streaming, with this engine's limits: {@link
   * SnapshotReader#read(Path)}. For {@code kubectl get nodes,pods,controllerrevisions -o json|yaml}
   * output of any size: Nodes, Pods and ControllerRevisions keep only what planning and explaining
   * need, DaemonSets in it are read in full.
   *
   * @throws IOException if the file cannot be read
   * @since 0.2
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  public ReadResult readSnapshot(Path path) throws IOException {
    return snapshotReader().read(path);
  }

  /**
   * Reads a cluster snapshot from {@code in} (not closed), streaming, with this engine's limits:
   * {@link SnapshotReader#read(InputStream)}.
   *
   * @throws IOException if the stream fails
   * @since 0.2
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  public ReadResult readSnapshot(InputStream in) throws IOException {
    return snapshotReader().read(in);
  }

  private SnapshotReader snapshotReader() {
    return SnapshotReader.defaults().withLimits(reader.limits());
  }

  /**
   * What the API server would say: the reading findings of {@code read} plus the validation errors
   * of each DaemonSet in it, located in its document, ordered by {@link Linter#BY_POSITION}. No
   * policies run: this is {@link #lint(ReadResult)} without them.
   */
  public List<Diagnostic> validate(ReadResult read) {
    requireNonNull(read, "read");
    List<Diagnostic> out = new ArrayList<>(read.diagnostics());
    DroppedValues dropped = DroppedValues.of(read.diagnostics());
    for (Document doc : read.documents()) {
      out.addAll(dropped.without(DaemonSetValidator.validate(doc)));
    }
    out.sort(Linter.BY_POSITION);
    return List.copyOf(out);
  }

  /**
   * Every finding about what was read: reading, API-server validation and the linter's policies,
   * ordered by {@link Linter#BY_POSITION}: {@link Linter#lint(ReadResult)}.
   */
  public List<Diagnostic> lint(ReadResult read) {
    return linter.lint(requireNonNull(read, "read"));
  }

  /** Reads {@code text} and lints it: {@link #lint(ReadResult)}. */
  public List<Diagnostic> lint(String text) {
    return lint(read(text));
  }

  /**
   * Reads the file and lints it: {@link #lint(ReadResult)}.
   *
   * @throws IOException if the file cannot be read
   */
  public List<Diagnostic> lint(Path path) throws IOException {
    return lint(read(path));
  }

  /**
   * The plan for one sync of {@code daemonSet} against {@code snapshot} at {@code now}, with this
   * engine's {@link #planOptions() options}: {@link Planner#plan}, after validation. A DaemonSet
   * the API server would reject gets a {@link Plan.Outcome#REJECTED} plan whose {@link
   * Plan#errors() errors} have no position (the object was built in code; {@link #plan(ReadResult,
   * ClusterSnapshot, Instant)} locates them in the text).
   */
  public Plan plan(DaemonSet daemonSet, ClusterSnapshot snapshot, Instant now) {
    requireNonNull(daemonSet, "daemonSet");
    return plan(daemonSet, List.of(), SourceMap.empty(), snapshot, now);
  }

  /**
   * One plan for each DaemonSet in {@code manifests}, in source order, against {@code snapshot} at
   * {@code now}. A DaemonSet the API server would reject gets a {@link Plan.Outcome#REJECTED} plan
   * whose errors are located in the text: the error-level reading findings of its document (an
   * unknown field, a value of the wrong type) and its validation errors. Documents that could not
   * be read at all yield no DaemonSet and so no plan: check {@link ReadResult#hasErrors()}.
   */
  public List<Plan> plan(ReadResult manifests, ClusterSnapshot snapshot, Instant now) {
    requireNonNull(manifests, "manifests");
    Map<Integer, List<Diagnostic>> readErrors = new HashMap<>();
    for (Diagnostic d : manifests.diagnostics()) {
      if (d.isError()) {
        readErrors.computeIfAbsent(d.span().document(), k -> new ArrayList<>()).add(d);
      }
    }
    List<Plan> plans = new ArrayList<>();
    for (Document doc : manifests.documents()) {
      if (doc.object() instanceof DaemonSet ds) {
        List<Diagnostic> errors = readErrors.getOrDefault(doc.index(), List.of());
        plans.add(plan(ds, errors, doc.sourceMap(), snapshot, now));
      }
    }
    return List.copyOf(plans);
  }

  private Plan plan(
      DaemonSet ds,
      List<Diagnostic> readErrors,
      SourceMap positions,
      ClusterSnapshot snapshot,
      Instant now) {
    requireNonNull(snapshot, "snapshot");
    requireNonNull(now, "now");
    if (validateBeforePlanning) {
      List<Diagnostic> errors = new ArrayList<>(readErrors);
      errors.addAll(
          DroppedValues.of(readErrors).without(DaemonSetValidator.validate(ds, positions)));
      if (!errors.isEmpty()) {
        errors.sort(Linter.BY_POSITION);
        return Plan.rejected(ds.qualifiedName(), ds.status(), errors);
      }
    }
    return Planner.plan(ds, snapshot, now, planOptions);
  }
}
