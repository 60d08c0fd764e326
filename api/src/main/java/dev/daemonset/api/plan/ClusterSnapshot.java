package dev.daemonset.api.plan;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import dev.daemonset.api.ReadResult;
import dev.daemonset.api.model.ControllerRevision;
import dev.daemonset.api.model.Node;
import dev.daemonset.api.model.Pod;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apiguardian.api.API;

/**
 * What the controller observes besides the DaemonSet: every node, the pods and the
 * ControllerRevisions. Order carries no meaning: the planner gives the same plan for the same
 * objects in any order.
 *
 * <p>Pods and revisions of other namespaces may be included; the planner only looks at those in the
 * DaemonSet's namespace (an empty namespace counts as {@code default}).
 *
 * <p>From what was read, with everything it holds ({@code kubectl get
 * nodes,pods,controllerrevisions -A -o yaml} output, say), or from objects built in code:
 *
 * <pre>{@code
 * ClusterSnapshot cluster = ClusterSnapshot.from(reader.read(Path.of("cluster.yaml")));
 * ClusterSnapshot small = ClusterSnapshot.of(List.of(Node.of("a", Map.of())), List.of());
 * }</pre>
 *
 * @param nodes every node of the cluster (no filtering by readiness or labels)
 * @param pods the pods, daemon pods and others
 * @param revisions the ControllerRevisions
 * @since 0.2
 */
@API(status = STABLE, since = "0.2")
public record ClusterSnapshot(
    List<Node> nodes, List<Pod> pods, List<ControllerRevision> revisions) {
  /** No nodes, no pods, no revisions. */
  public static final ClusterSnapshot EMPTY = new ClusterSnapshot(List.of(), List.of(), List.of());

  public ClusterSnapshot {
    nodes = List.copyOf(nodes);
    pods = List.copyOf(pods);
    revisions = List.copyOf(revisions);
  }

  /**
   * Nodes and pods, and no ControllerRevisions: the planner then takes the current revision hash
   * from {@link PlanOptions#currentRevisionHash()} or computes its own. For objects that were read,
   * use {@link #from(ReadResult...)}, which keeps the revisions.
   */
  public static ClusterSnapshot of(List<Node> nodes, List<Pod> pods) {
    return new ClusterSnapshot(nodes, pods, List.of());
  }

  /**
   * Every Node, Pod and ControllerRevision that {@code results} hold, in order (DaemonSets and the
   * diagnostics are not part of a snapshot: check {@link ReadResult#hasErrors()} first).
   *
   * <pre>{@code
   * ClusterSnapshot cluster = ClusterSnapshot.from(reader.read(nodesFile), reader.read(podsFile));
   * }</pre>
   */
  public static ClusterSnapshot from(ReadResult... results) {
    return from(List.of(results));
  }

  /** As {@link #from(ReadResult...)}, for a collection of results (read in its iteration order). */
  public static ClusterSnapshot from(Collection<ReadResult> results) {
    List<Node> nodes = new ArrayList<>();
    List<Pod> pods = new ArrayList<>();
    List<ControllerRevision> revisions = new ArrayList<>();
    for (ReadResult r : results) {
      requireNonNull(r, "result");
      nodes.addAll(r.nodes());
      pods.addAll(r.pods());
      revisions.addAll(r.controllerRevisions());
    }
    return new ClusterSnapshot(nodes, pods, revisions);
  }

  /** This snapshot with other nodes. */
  public ClusterSnapshot withNodes(List<Node> newNodes) {
    return new ClusterSnapshot(newNodes, pods, revisions);
  }

  /** This snapshot with other pods. */
  public ClusterSnapshot withPods(List<Pod> newPods) {
    return new ClusterSnapshot(nodes, newPods, revisions);
  }

  /** This snapshot with other ControllerRevisions. */
  public ClusterSnapshot withRevisions(List<ControllerRevision> newRevisions) {
    return new ClusterSnapshot(nodes, pods, newRevisions);
  }
}
