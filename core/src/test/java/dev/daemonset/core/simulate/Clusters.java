package dev.daemonset.core.simulate;

import dev.daemonset.api.model.Condition;
import dev.daemonset.api.model.Container;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.model.DaemonSetSpec;
import dev.daemonset.api.model.DaemonSetUpdateStrategy;
import dev.daemonset.api.model.IntOrString;
import dev.daemonset.api.model.LabelSelector;
import dev.daemonset.api.model.Node;
import dev.daemonset.api.model.ObjectMeta;
import dev.daemonset.api.model.OwnerReference;
import dev.daemonset.api.model.Pod;
import dev.daemonset.api.model.PodSpec;
import dev.daemonset.api.model.PodStatus;
import dev.daemonset.api.model.PodTemplateSpec;
import dev.daemonset.api.model.RollingUpdateDaemonSet;
import dev.daemonset.api.plan.ClusterSnapshot;
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

  static DaemonSet daemonSet(String image, DaemonSetUpdateStrategy strategy, int minReadySeconds) {
    PodSpec spec = PodSpec.of(List.of(Container.of("agent", image)));
    DaemonSetSpec dsSpec =
        DaemonSetSpec.EMPTY
            .withSelector(LabelSelector.of(Map.of("app", "agent")))
            .withTemplate(
                new PodTemplateSpec(ObjectMeta.EMPTY.withLabels(Map.of("app", "agent")), spec))
            .withUpdateStrategy(strategy)
            .withMinReadySeconds(minReadySeconds);
    return DaemonSet.of(
        ObjectMeta.of("default", "agent").withUid("agent-uid").withGeneration(2), dsSpec);
  }

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
      nodes.add(Node.of(nodeName(i), Map.of("zone", "z" + (i % 3))));
    }
    return nodes;
  }

  /** One old pod per node, Ready for an hour. */
  static List<Pod> oldPods(List<Node> nodes) {
    List<Pod> pods = new ArrayList<>();
    for (Node n : nodes) {
      pods.add(oldPod(n.name()));
    }
    return pods;
  }

  static Pod oldPod(String node) {
    String name = "agent-old-" + node;
    Instant since = START.minusSeconds(3600);
    return new Pod(
        ObjectMeta.of("default", name)
            .withUid("uid-" + name)
            .withLabels(Map.of("app", "agent", "controller-revision-hash", "old"))
            .withOwnerReferences(List.of(OWNER))
            .withCreationTimestamp(since),
        PodSpec.of(List.of(Container.of("agent", "agent:1"))).withNodeName(node),
        new PodStatus("Running", List.of(Condition.of("Ready", "True", since)), Map.of()),
        Map.of());
  }

  static ClusterSnapshot rolledOut(int n) {
    List<Node> nodes = nodes(n);
    return ClusterSnapshot.of(nodes, oldPods(nodes));
  }
}
