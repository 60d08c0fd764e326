package dev.daemonset.api.plan;

import dev.daemonset.api.model.ControllerRevision;
import dev.daemonset.api.model.Node;
import dev.daemonset.api.model.Pod;
import java.util.List;

/**
 * What the controller observes besides the DaemonSet: every node, the pods and the
 * ControllerRevisions. Order carries no meaning: the planner gives the same plan for the same
 * objects in any order.
 *
 * <p>Pods and revisions of other namespaces may be included; the planner only looks at those in the
 * DaemonSet's namespace (an empty namespace counts as {@code default}).
 *
 * <pre>{@code
 * ClusterSnapshot snapshot = ClusterSnapshot.of(List.of(Node.of("a", Map.of())), List.of());
 * }</pre>
 *
 * @param nodes every node of the cluster (no filtering by readiness or labels)
 * @param pods the pods, daemon pods and others
 * @param revisions the ControllerRevisions
 */
public record ClusterSnapshot(
    List<Node> nodes, List<Pod> pods, List<ControllerRevision> revisions) {
  /** No nodes, no pods, no revisions. */
  public static final ClusterSnapshot EMPTY = new ClusterSnapshot(List.of(), List.of(), List.of());

  public ClusterSnapshot {
    nodes = List.copyOf(nodes);
    pods = List.copyOf(pods);
    revisions = List.copyOf(revisions);
  }

  /** Nodes and pods, no revisions. */
  public static ClusterSnapshot of(List<Node> nodes, List<Pod> pods) {
    return new ClusterSnapshot(nodes, pods, List.of());
  }

  public ClusterSnapshot withNodes(List<Node> newNodes) {
    return new ClusterSnapshot(newNodes, pods, revisions);
  }

  public ClusterSnapshot withPods(List<Pod> newPods) {
    return new ClusterSnapshot(nodes, newPods, revisions);
  }

  public ClusterSnapshot withRevisions(List<ControllerRevision> newRevisions) {
    return new ClusterSnapshot(nodes, pods, newRevisions);
  }
}
