package dev.daemonset.cli;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.ReadResult;
import dev.daemonset.api.model.ControllerRevision;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.model.KubernetesObject;
import dev.daemonset.api.model.Node;
import dev.daemonset.api.model.Pod;
import dev.daemonset.api.plan.ClusterSnapshot;
import dev.daemonset.core.read.ManifestReader;
import dev.daemonset.core.report.FileReport;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything {@code plan} and {@code explain} read from their inputs: the DaemonSets to plan, and
 * the Nodes, Pods and ControllerRevisions that make up the cluster, in input order, plus the
 * reading errors.
 */
final class Cluster {
  final List<DaemonSet> daemonSets = new ArrayList<>();
  final List<Node> nodes = new ArrayList<>();
  final List<Pod> pods = new ArrayList<>();
  final List<ControllerRevision> revisions = new ArrayList<>();
  final List<FileReport> errors = new ArrayList<>();

  static Cluster read(List<Source> sources) {
    Cluster c = new Cluster();
    for (Source source : sources) {
      c.add(source);
    }
    return c;
  }

  /** Adds one source; its error-level reading findings are kept in {@link #errors}. */
  void add(Source source) {
    ReadResult read = ManifestReader.defaults().read(source.bytes());
    List<Diagnostic> bad = read.diagnostics().stream().filter(Diagnostic::isError).toList();
    if (!bad.isEmpty()) {
      errors.add(source.report(bad));
    }
    daemonSets.addAll(read.daemonSets());
    nodes.addAll(read.nodes());
    pods.addAll(read.pods());
    revisions.addAll(read.controllerRevisions());
  }

  /**
   * The snapshot a DaemonSet is planned against: all nodes, and the pods and revisions of its
   * namespace.
   */
  ClusterSnapshot snapshotFor(DaemonSet ds) {
    String ns = namespace(ds);
    return new ClusterSnapshot(
        nodes,
        pods.stream().filter(p -> namespace(p).equals(ns)).toList(),
        revisions.stream().filter(r -> namespace(r).equals(ns)).toList());
  }

  /** The namespace, with kubectl's {@code default} for objects that name none. */
  static String namespace(KubernetesObject o) {
    return o.metadata().namespace().isEmpty() ? "default" : o.metadata().namespace();
  }

  /** {@code namespace/name} with the default namespace filled in. */
  static String qualifiedName(DaemonSet ds) {
    return namespace(ds) + "/" + ds.metadata().name();
  }
}
