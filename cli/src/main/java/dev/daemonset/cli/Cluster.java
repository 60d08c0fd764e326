package dev.daemonset.cli;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.ReadResult;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.model.Node;
import dev.daemonset.api.plan.ClusterSnapshot;
import dev.daemonset.core.DaemonSetEngine;
import dev.daemonset.core.internal.io.IoReasons;
import dev.daemonset.core.report.FileReport;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything {@code plan} and {@code explain} read from their inputs, source by source: the
 * DaemonSets to plan, and the Nodes, Pods and ControllerRevisions that make up the cluster, in
 * input order, plus the reading errors.
 */
final class Cluster {
  /** One source and what was read from it. */
  record Read(Source source, ReadResult result) {}

  final List<Read> reads = new ArrayList<>();
  final List<FileReport> errors = new ArrayList<>();

  /**
   * Reads every source as a cluster snapshot, streaming ({@link DaemonSetEngine#readSnapshot}):
   * Nodes, Pods and ControllerRevisions keep what planning needs, DaemonSets are read in full.
   *
   * @throws Inputs.InputException if a source cannot be read
   */
  static Cluster read(DaemonSetEngine engine, List<Source> sources) throws Inputs.InputException {
    Cluster c = new Cluster();
    for (Source source : sources) {
      c.add(engine, source);
    }
    return c;
  }

  /** Adds one source; its error-level reading findings are kept in {@link #errors}. */
  void add(DaemonSetEngine engine, Source source) throws Inputs.InputException {
    ReadResult read;
    try {
      read = source.readSnapshot(engine);
    } catch (IOException e) {
      throw new Inputs.InputException(source.name() + ": cannot read: " + IoReasons.of(e));
    }
    List<Diagnostic> bad = read.diagnostics().stream().filter(Diagnostic::isError).toList();
    if (!bad.isEmpty()) {
      errors.add(source.report(bad));
    }
    reads.add(new Read(source, read));
  }

  /** The DaemonSets, in input order. */
  List<DaemonSet> daemonSets() {
    return reads.stream().flatMap(r -> r.result().daemonSets().stream()).toList();
  }

  /** The Nodes, in input order. */
  List<Node> nodes() {
    return reads.stream().flatMap(r -> r.result().nodes().stream()).toList();
  }

  /**
   * The snapshot every DaemonSet is planned against: every Node, Pod and ControllerRevision read
   * (the planner looks only at the pods and revisions of the DaemonSet's namespace).
   */
  ClusterSnapshot snapshot() {
    return ClusterSnapshot.from(reads.stream().map(Read::result).toList());
  }
}
