package dev.daemonset.core.plan;

import dev.daemonset.api.plan.Action;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;
import org.jspecify.annotations.Nullable;

/**
 * The DaemonSet's pods grouped by the node they belong to (upstream's {@code
 * getNodesToDaemonPods}), by the node's {@link NodeIndex} position, each group in {@link
 * Pods#ORDER}. Built once per plan; applying actions yields a new instance that shares the groups
 * and replaces only those they touch.
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
   * One node's pods, unmodifiable. Every group is of this one class, so that the passes' calls on a
   * group ({@code isEmpty}, {@code get}, {@code size}) see a single receiver type and are inlined;
   * with {@code List.of}'s two classes and a wrapped {@code ArrayList} for the rare node with
   * several pods, each call in every pass went through an interface dispatch.
   */
  static final class Group extends AbstractList<DaemonPod> implements RandomAccess {
    static final Group EMPTY = new Group(null, null);
    private final @Nullable DaemonPod only;
    private final DaemonPod @Nullable [] several;

    private Group(@Nullable DaemonPod only, DaemonPod @Nullable [] several) {
      this.only = only;
      this.several = several;
    }

    static Group of(DaemonPod pod) {
      return new Group(pod, null);
    }

    /** The pods of {@code list} sorted in {@link DaemonPod#ORDER}. */
    static Group sorted(List<DaemonPod> list) {
      if (list.isEmpty()) {
        return EMPTY;
      }
      if (list.size() == 1) {
        return of(list.get(0));
      }
      DaemonPod[] pods = list.toArray(new DaemonPod[0]);
      Arrays.sort(pods, DaemonPod.ORDER);
      return new Group(null, pods);
    }

    @Override
    public DaemonPod get(int index) {
      if (several != null) {
        return several[index];
      }
      if (index != 0 || only == null) {
        throw new IndexOutOfBoundsException(index);
      }
      return only;
    }

    @Override
    public int size() {
      return several != null ? several.length : only != null ? 1 : 0;
    }
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
        // Most nodes hold one daemon pod: a list of them is made only when a second one arrives.
        groups[position] = Group.of(pod);
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
      if (group instanceof ArrayList) {
        groups[position] = Group.sorted(group);
      }
    }
    return new NodePods(nodes, groups, reader);
  }

  /** The pods of the node at {@code position}, in {@link Pods#ORDER}; empty if none. */
  List<DaemonPod> on(int position) {
    List<DaemonPod> group = groups[position];
    return group == null ? Group.EMPTY : group;
  }

  /**
   * The state after {@code actions}: deleted pods gone, created pods present (not Ready, created at
   * the reader's clock). Costs a copy of the group array and time in the actions.
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
          if (list.get(i).name().equals(d.podName())) {
            list.remove(i);
            break;
          }
        }
      }
    }
    for (int position : touched) {
      next[position] = Group.sorted(next[position]);
    }
    return new NodePods(nodes, next, reader);
  }
}
