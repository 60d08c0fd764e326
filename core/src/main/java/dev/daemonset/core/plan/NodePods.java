package dev.daemonset.core.plan;

import dev.daemonset.api.plan.Action;
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
  private final List<DaemonPod>[] groups;
  /** Reads the pods that applied creates add. */
  private final DaemonPod.Reader reader;

  private NodePods(NodeIndex nodes, List<DaemonPod>[] groups, DaemonPod.Reader reader) {
    this.nodes = nodes;
    this.groups = groups;
    this.reader = reader;
  }

  @SuppressWarnings("unchecked") // an array of a generic type: no other way to make one
  private static List<DaemonPod>[] newGroups(int size) {
    return (List<DaemonPod>[]) new List<?>[size];
  }

  /**
   * Groups {@code pods}, each under the position of its {@linkplain DaemonPod#nodeId node} in
   * {@code nodes}.
   */
  static NodePods group(NodeIndex nodes, List<DaemonPod> pods, DaemonPod.Reader reader) {
    List<DaemonPod>[] groups = newGroups(nodes.size());
    for (DaemonPod pod : pods) {
      int position = nodes.positionOfId(pod.nodeId());
      List<DaemonPod> group = groups[position];
      if (group == null) {
        // Most nodes hold one daemon pod: a list of one is made only when a second one arrives.
        groups[position] = List.of(pod);
      } else {
        if (group.size() == 1) {
          group = new ArrayList<>(group);
          groups[position] = group;
        }
        group.add(pod);
      }
    }
    for (int position = 0; position < groups.length; position++) {
      List<DaemonPod> group = groups[position];
      if (group != null && group.size() > 1) {
        group.sort(DaemonPod.ORDER);
        groups[position] = Collections.unmodifiableList(group);
      }
    }
    return new NodePods(nodes, groups, reader);
  }

  /** The pods of the node at {@code position}, in {@link Pods#ORDER}; empty if none. */
  List<DaemonPod> on(int position) {
    List<DaemonPod> group = groups[position];
    return group == null ? List.of() : group;
  }

  /**
   * The state after {@code actions}: deleted pods gone, created pods present (not Ready, created
   * at the reader's clock). Costs a copy of the group array and time in the actions.
   */
  NodePods apply(List<Action> actions) {
    if (actions.isEmpty()) {
      return this;
    }
    List<DaemonPod>[] next = groups.clone();
    List<Integer> touched = new ArrayList<>();
    for (Action a : actions) {
      int position = nodes.positionOf(a.node());
      if (next[position] == groups[position]) {
        next[position] = new ArrayList<>(on(position));
        touched.add(position);
      }
      List<DaemonPod> list = next[position];
      if (a instanceof Action.Create c) {
        list.add(reader.created(c.pod()));
      } else if (a instanceof Action.Delete d) {
        for (int i = 0; i < list.size(); i++) {
          if (list.get(i).name().equals(d.pod())) {
            list.remove(i);
            break;
          }
        }
      }
    }
    for (int position : touched) {
      List<DaemonPod> list = next[position];
      list.sort(DaemonPod.ORDER);
      next[position] = Collections.unmodifiableList(list);
    }
    return new NodePods(nodes, next, reader);
  }
}
