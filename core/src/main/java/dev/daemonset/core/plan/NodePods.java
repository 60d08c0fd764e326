package dev.daemonset.core.plan;

import dev.daemonset.api.model.Pod;
import dev.daemonset.api.plan.Action;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The DaemonSet's pods grouped by the node they belong to (upstream's
 * {@code getNodesToDaemonPods}), each group in {@link Pods#ORDER}. Built once per plan; applying
 * actions yields a new instance that shares the groups and overrides only those they touch.
 *
 * <p>Hash maps, not sorted ones: every pass of a plan looks up each node of the cluster, and at
 * 65,000 nodes the tree's string comparisons cost more than the rest of the pass. The passes walk
 * {@link Sync#nodeNames} in name order; {@link #nodesWhere} gives the few that walk the groups
 * themselves a name order too.
 */
final class NodePods {
  private final Map<String, List<Pod>> groups;
  /** Groups replaced by applied actions (an empty list: no pod left); small, looked up first. */
  private final Map<String, List<Pod>> changed;

  private NodePods(Map<String, List<Pod>> groups, Map<String, List<Pod>> changed) {
    this.groups = groups;
    this.changed = changed;
  }

  /**
   * Takes over {@code groups}, fresh mutable lists the caller no longer uses, and sorts them in
   * place: {@link Ownership#claimPods} groups every pod of the cluster, and a copy of its map
   * and lists cost as much as the grouping.
   */
  static NodePods ofOwned(HashMap<String, List<Pod>> groups) {
    groups.replaceAll((node, list) -> {
      list.sort(Pods.ORDER);
      return Collections.unmodifiableList(list);
    });
    return new NodePods(groups, Map.of());
  }

  /** Groups already-attributed pods; {@code pods} maps node name to its pods in any order. */
  static NodePods of(Map<String, List<Pod>> pods) {
    HashMap<String, List<Pod>> copy = new HashMap<>(pods.size() * 2);
    pods.forEach((node, list) -> copy.put(node, new ArrayList<>(list)));
    return ofOwned(copy);
  }

  /** The pods of one node, in {@link Pods#ORDER}; empty if none. */
  List<Pod> on(String node) {
    if (!changed.isEmpty()) {
      List<Pod> replaced = changed.get(node);
      if (replaced != null) {
        return replaced;
      }
    }
    return groups.getOrDefault(node, List.of());
  }

  /**
   * The names of the nodes with at least one pod that {@code include} accepts, in name order.
   * Filtering before sorting keeps this linear when few are accepted, as with the vanished nodes.
   */
  List<String> nodesWhere(Predicate<String> include) {
    List<String> out = new ArrayList<>();
    for (String node : groups.keySet()) {
      if (!changed.containsKey(node) && include.test(node)) {
        out.add(node);
      }
    }
    changed.forEach((node, pods) -> {
      if (!pods.isEmpty() && include.test(node)) {
        out.add(node);
      }
    });
    out.sort(null);
    return out;
  }

  /**
   * The state after {@code actions}: deleted pods gone, created pods present (not Ready, created
   * at {@code now}). Costs time in the actions, not in the nodes.
   */
  NodePods apply(List<Action> actions, Instant now) {
    Map<String, List<Pod>> touched = new HashMap<>();
    for (Action a : actions) {
      List<Pod> list = touched.computeIfAbsent(a.node(), n -> new ArrayList<>(on(n)));
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
    if (touched.isEmpty()) {
      return this;
    }
    Map<String, List<Pod>> next = new HashMap<>(changed);
    touched.forEach((node, list) -> {
      list.sort(Pods.ORDER);
      next.put(node, Collections.unmodifiableList(list));
    });
    return new NodePods(groups, next);
  }
}
