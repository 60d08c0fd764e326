package dev.daemonset.core.plan;

import dev.daemonset.api.model.Pod;
import dev.daemonset.api.plan.Action;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The DaemonSet's pods grouped by the node they belong to (upstream's
 * {@code getNodesToDaemonPods}), each group in {@link Pods#ORDER}. Built once per plan; applying
 * actions yields a new instance and copies only the groups they touch.
 */
final class NodePods {
  private final TreeMap<String, List<Pod>> byNode;

  private NodePods(TreeMap<String, List<Pod>> byNode) {
    this.byNode = byNode;
  }

  /** Groups already-attributed pods; {@code pods} maps node name to its pods in any order. */
  static NodePods of(Map<String, List<Pod>> pods) {
    TreeMap<String, List<Pod>> byNode = new TreeMap<>();
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

  /** Every node name that has at least one pod, in name order. */
  Iterable<Map.Entry<String, List<Pod>>> groups() {
    return byNode.entrySet();
  }

  /**
   * The state after {@code actions}: deleted pods gone, created pods present (not Ready, created
   * at {@code now}).
   */
  NodePods apply(List<Action> actions, Instant now) {
    TreeMap<String, List<Pod>> next = new TreeMap<>(byNode);
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
