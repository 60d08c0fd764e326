package dev.daemonset.core.simulate;

import dev.daemonset.api.model.Container;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.model.DaemonSetUpdateStrategy;
import dev.daemonset.api.model.IntOrString;
import dev.daemonset.api.model.Node;
import dev.daemonset.api.model.OwnerReference;
import dev.daemonset.api.model.Pod;
import dev.daemonset.api.model.RollingUpdateDaemonSet;
import dev.daemonset.api.plan.ClusterSnapshot;
import dev.daemonset.core.Fixtures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Small clusters for the simulator's tests: n nodes, each running an old, available pod. */
final class Clusters {
  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  static final OwnerReference OWNER =
      OwnerReference.controllerOf("DaemonSet", "apps/v1", "agent", "agent-uid");

  private Clusters() {}

  /**
   * The DaemonSet rolled out: {@code default/agent} at generation 2, its template running image
   * {@code agent:2}; tests give it a strategy and minReadySeconds through {@link
   * Fixtures#daemonSet(DaemonSet)}.
   */
  static final DaemonSet AGENT =
      Fixtures.daemonSet("agent")
          .metadata(m -> m.withGeneration(2))
          .spec(Fixtures.podSpec(Container.of("agent", "agent:2")))
          .build();

  static DaemonSetUpdateStrategy maxUnavailable(Object k) {
    return new DaemonSetUpdateStrategy(
        DaemonSetUpdateStrategy.ROLLING_UPDATE,
        new RollingUpdateDaemonSet(intOrString(k), IntOrString.of(0)));
  }

  static DaemonSetUpdateStrategy maxSurge(Object k) {
    return new DaemonSetUpdateStrategy(
        DaemonSetUpdateStrategy.ROLLING_UPDATE,
        new RollingUpdateDaemonSet(IntOrString.of(0), intOrString(k)));
  }

  static final DaemonSetUpdateStrategy ON_DELETE =
      new DaemonSetUpdateStrategy(DaemonSetUpdateStrategy.ON_DELETE, null);

  private static IntOrString intOrString(Object k) {
    return k instanceof Integer i ? IntOrString.of(i) : IntOrString.of((String) k);
  }

  static String nodeName(int i) {
    return String.format(Locale.ROOT, "node-%03d", i);
  }

  static List<Node> nodes(int n) {
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      nodes.add(Fixtures.newNode(nodeName(i), Map.of("zone", "z" + (i % 3))));
    }
    return nodes;
  }

  /** One old pod per node, Ready for an hour. */
  static List<Pod> oldPods(List<Node> nodes) {
    Instant since = START.minusSeconds(3600);
    List<Pod> pods = new ArrayList<>();
    for (Node n : nodes) {
      pods.add(
          Fixtures.pod("agent-old-" + n.name())
              .labels(Map.of("app", "agent", "controller-revision-hash", "old"))
              .owners(List.of(OWNER))
              .createdAt(since)
              .spec(Fixtures.podSpec(Container.of("agent", "agent:1")))
              .on(n.name())
              .ready(true, since)
              .build());
    }
    return pods;
  }

  static ClusterSnapshot rolledOut(int n) {
    List<Node> nodes = nodes(n);
    return ClusterSnapshot.of(nodes, oldPods(nodes));
  }
}
