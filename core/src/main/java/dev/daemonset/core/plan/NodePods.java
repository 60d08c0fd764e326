package dev.daemonset.core.plan;

import dev.daemonset.api.model.Pod;
import dev.daemonset.api.plan.Action;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The DaemonSet's pods grouped by the node they belong to (upstream's
 * {@code getNodesToDaemonPods}), each group in {@link Pods#ORDER}. Built once per plan; applying
 * actions yields a new instance and copies only the groups they touch.
 *
 * <p>A hash map, not a sorted one: every pass of a plan looks up each node of the cluster, and
 * at 65,000 nodes the tree's string comparisons cost more than the rest of the pass. The passes
 * walk {@link Sync#nodeNames} in name order; {@link #nodesWhere} gives the few that walk the
 * groups themselves a name order too.
 */
final class NodePods {
  private final HashMap<String, List<Pod>> byNode;

  private NodePods(HashMap<String, List<Pod>> byNode) {
    this.byNode = byNode;
  }

  /** Groups already-attributed pods; {@code pods} maps node name to its pods in any order. */
  static NodePods of(Map<String, List<Pod>> pods) {
    HashMap<String, List<Pod>> byNode = new HashMap<>(pods.size() * 2);
    pods.forEach((node, list) -> {
      List<Pod> sorted = new ArrayList<>(list);
      sorted.sort(Pods.ORDER);
      byNode.put(node, Collections.unmodifiableList(sorted));
    });
    return new NodePods(byNode);
  }

  /** The pods of one node, in {@link Pods#ORDER}; empty if none. */
  List<Pod> on(String node) {
    return byNode.getOrDefault(node, List.of());
  }

  /**
   * The names of the nodes with at least one pod that {@code include} accepts, in name order.
   * Filtering before sorting keeps this linear when few are accepted, as with the vanished nodes.
   */
  List<String> nodesWhere(Predicate<String> include) {
    List<String> out = new ArrayList<>();
    for (String node : byNode.keySet()) {
      if (include.test(node)) {
        out.add(node);
      }
    }
    out.sort(null);
    return out;
  }

  /**
   * The state after {@code actions}: deleted pods gone, created pods present (not Ready, created
   * at {@code now}).
   */
  NodePods apply(List<Action> actions, Instant now) {
    HashMap<String, List<Pod>> next = new HashMap<>(byNode);
    Map<String, List<Pod>> touched = new TreeMap<>();
    for (Action a : actions) {
      List<Pod> list = touched.computeIfAbsent(a.node(), n -> new ArrayList<>(next.getOrDefault(n, List.of())));
      if (a instanceof Action.Create c) {
        Pod p = c.pod();
        list.add(p.withMetadata(p.metadata().withCreationTimestamp(now)));
      } else if (a instanceof Action.Delete d) {
        for (int i = 0; i < list.size(); i++) {
          if (list.get(i).metadata().name().equals(d.pod())) {
            list.remove(i);
            break;
          }
        }
      }
    }
    touched.forEach((node, list) -> {
      if (list.isEmpty()) {
        next.remove(node);
      } else {
        list.sort(Pods.ORDER);
        next.put(node, Collections.unmodifiableList(list));
      }
    });
    return new NodePods(next);
  }
}
