package dev.daemonset.core.plan;

import dev.daemonset.api.model.DaemonSetStatus;
import dev.daemonset.api.plan.Action;
import dev.daemonset.api.plan.NodeVerdict.Verdict;
import java.util.BitSet;
import java.util.List;

/**
 * Upstream's {@code updateDaemonSetStatus} counters (G2–G7, G12): per node of the snapshot, never
 * per pod; a node's representative is its first pod in {@link Pods#ORDER}; pods on vanished nodes
 * are not counted. {@code observedGeneration} is {@code metadata.generation} (a full sync);
 * collisionCount and conditions are carried over unchanged.
 */
final class StatusCounter {
  private final Sync sync;
  private int desired;
  private int current;
  private int misscheduled;
  private int ready;
  private int available;
  private int updated;

  private StatusCounter(Sync sync) {
    this.sync = sync;
  }

  /** The counters for {@code pods}: one pass over the nodes of the snapshot. */
  static StatusCounter count(Sync sync, NodePods pods) {
    StatusCounter c = new StatusCounter(sync);
    for (int position = 0; position < sync.nodes().size(); position++) {
      c.add(position, pods.on(position), 1);
    }
    return c;
  }

  /**
   * The counters after {@code actions} took {@code before} to {@code after}: only the nodes they
   * touch are counted again, so the projected status costs time in the actions, not in a second
   * pass over every node.
   */
  StatusCounter after(NodePods before, NodePods after, List<Action> actions) {
    StatusCounter c = new StatusCounter(sync);
    c.desired = desired;
    c.current = current;
    c.misscheduled = misscheduled;
    c.ready = ready;
    c.available = available;
    c.updated = updated;
    BitSet touched = new BitSet();
    for (Action a : actions) {
      int position = sync.nodes().positionOf(a.node());
      if (!touched.get(position)) {
        touched.set(position);
        c.add(position, before.on(position), -1);
        c.add(position, after.on(position), 1);
      }
    }
    return c;
  }

  /** Adds ({@code sign} 1) or takes away ({@code sign} -1) one node's share of the counters. */
  private void add(int position, List<DaemonPod> onNode, int sign) {
    Verdict v = sync.nodes().verdict(position);
    if (v == null) {
      return; // pods on vanished nodes are not counted
    }
    if (!v.shouldRun()) {
      if (!onNode.isEmpty()) {
        misscheduled += sign;
      }
      return;
    }
    desired += sign;
    if (onNode.isEmpty()) {
      return;
    }
    current += sign;
    DaemonPod representative = onNode.get(0);
    if (representative.isReady()) {
      ready += sign;
      if (representative.isAvailable()) {
        available += sign;
      }
    }
    if (representative.isUpdated()) {
      updated += sign;
    }
  }

  DaemonSetStatus status() {
    DaemonSetStatus old = sync.ds().status();
    return new DaemonSetStatus(
        current,
        misscheduled,
        desired,
        ready,
        sync.ds().metadata().generation(),
        updated,
        available,
        desired - available,
        old.collisionCount(),
        old.conditions(),
        old.other());
  }
}
