package dev.daemonset.core.plan;

import dev.daemonset.api.model.Pod;
import dev.daemonset.api.plan.Action;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The DaemonSet's pods grouped by the node they belong to (upstream's
 * {@code getNodesToDaemonPods}), by the node's {@link NodeIndex} position, each group in
 * {@link Pods#ORDER}. Built once per plan; applying actions yields a new instance that shares
 * the groups and replaces only those they touch.
 */
final class NodePods {
  private final NodeIndex nodes;
  /** By position; {@code null} for a node without pods. */
  private final List<Pod>[] groups;

  private NodePods(NodeIndex nodes, List<Pod>[] groups) {
    this.nodes = nodes;
    this.groups = groups;
  }

  @SuppressWarnings("unchecked") // an array of a generic type: no other way to make one
  private static List<Pod>[] newGroups(int size) {
    return (List<Pod>[]) new List<?>[size];
  }

  /**
   * Groups {@code pods}, each under the node at {@link NodeIndex#podPosition} of its index: the
   * pods whose node names {@code nodes} was made with, in the same order.
   */
  static NodePods group(NodeIndex nodes, List<Pod> pods) {
    List<Pod>[] groups = newGroups(nodes.size());
    for (int i = 0; i < pods.size(); i++) {
      int position = nodes.podPosition(i);
      List<Pod> group = groups[position];
      if (group == null) {
        // Most nodes hold one daemon pod: a list of one is made only when a second one arrives.
        groups[position] = List.of(pods.get(i));
      } else {
        if (group.size() == 1) {
          group = new ArrayList<>(group);
          groups[position] = group;
        }
        group.add(pods.get(i));
      }
    }
    for (int position = 0; position < groups.length; position++) {
      List<Pod> group = groups[position];
      if (group != null && group.size() > 1) {
        group.sort(Pods.ORDER);
        groups[position] = Collections.unmodifiableList(group);
      }
    }
    return new NodePods(nodes, groups);
  }

  /** The pods of the node at {@code position}, in {@link Pods#ORDER}; empty if none. */
  List<Pod> on(int position) {
    List<Pod> group = groups[position];
    return group == null ? List.of() : group;
  }

  /**
   * The state after {@code actions}: deleted pods gone, created pods present (not Ready, created
   * at {@code now}). Costs a copy of the group array and time in the actions.
   */
  NodePods apply(List<Action> actions, Instant now) {
    if (actions.isEmpty()) {
      return this;
    }
    List<Pod>[] next = groups.clone();
    List<Integer> touched = new ArrayList<>();
    for (Action a : actions) {
      int position = nodes.positionOf(a.node());
      if (next[position] == groups[position]) {
        next[position] = new ArrayList<>(on(position));
        touched.add(position);
      }
      List<Pod> list = next[position];
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
    for (int position : touched) {
      List<Pod> list = next[position];
      list.sort(Pods.ORDER);
      next[position] = Collections.unmodifiableList(list);
    }
    return new NodePods(nodes, next);
  }
}
