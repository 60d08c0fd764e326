package dev.daemonset.core.plan;

import dev.daemonset.api.model.Affinity;
import dev.daemonset.api.model.Condition;
import dev.daemonset.api.model.Container;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.model.DaemonSetUpdateStrategy;
import dev.daemonset.api.model.IntOrString;
import dev.daemonset.api.model.Node;
import dev.daemonset.api.model.NodeAffinity;
import dev.daemonset.api.model.NodeSelectorRequirement;
import dev.daemonset.api.model.NodeSelectorTerm;
import dev.daemonset.api.model.OwnerReference;
import dev.daemonset.api.model.Pod;
import dev.daemonset.api.model.PodSpec;
import dev.daemonset.api.model.RollingUpdateDaemonSet;
import dev.daemonset.api.model.Taint;
import dev.daemonset.api.model.Toleration;
import dev.daemonset.core.Fixtures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/** Seeded random DaemonSets, nodes and pods for the property tests. */
final class RandomClusters {
  static final Instant NOW = Instant.parse("2026-01-01T01:00:00Z");
  static final OwnerReference OWNER =
      OwnerReference.controllerOf("DaemonSet", "apps/v1", "ds", "ds-uid");
  private static final String[] ZONES = {"z1", "z2", "z3"};

  private final Random random;
  private int podCounter;

  RandomClusters(long seed) {
    this.random = new Random(seed);
  }

  Random random() {
    return random;
  }

  <T> T pick(List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }

  /**
   * A DaemonSet with random placement constraints and update strategy ({@code surge} forces
   * maxSurge).
   */
  DaemonSet daemonSet(boolean rollingOnly) {
    PodSpec spec = PodSpec.of(List.of(Container.of("c", "img")));
    if (random.nextInt(4) == 0) {
      spec = spec.withNodeSelector(Map.of("zone", pick(List.of(ZONES))));
    }
    if (random.nextInt(4) == 0) {
      spec =
          spec.withAffinity(
              new Affinity(
                  new NodeAffinity(
                      List.of(
                          new NodeSelectorTerm(
                              List.of(
                                  new NodeSelectorRequirement("role", "NotIn", List.of("infra"))),
                              List.of())),
                      List.of(),
                      Map.of()),
                  Map.of()));
    }
    if (random.nextBoolean()) {
      spec =
          spec.withTolerations(
              List.of(new Toleration("dedicated", "Equal", "infra", "NoSchedule", null)));
    }
    if (random.nextInt(4) == 0) {
      spec = spec.withHostNetwork(true);
    }
    DaemonSetUpdateStrategy strategy;
    int kind = random.nextInt(rollingOnly ? 4 : 5);
    strategy =
        switch (kind) {
          case 0 ->
              new DaemonSetUpdateStrategy(
                  "RollingUpdate", new RollingUpdateDaemonSet(IntOrString.of(1), null));
          case 1 ->
              new DaemonSetUpdateStrategy(
                  "RollingUpdate",
                  new RollingUpdateDaemonSet(
                      IntOrString.of(pick(List.of("30%", "50%", "100%"))), IntOrString.of(0)));
          case 2 ->
              new DaemonSetUpdateStrategy(
                  "RollingUpdate",
                  new RollingUpdateDaemonSet(IntOrString.of(0), IntOrString.of(1)));
          case 3 ->
              new DaemonSetUpdateStrategy(
                  "RollingUpdate",
                  new RollingUpdateDaemonSet(
                      IntOrString.of(0), IntOrString.of(pick(List.of("25%", "100%")))));
          default -> new DaemonSetUpdateStrategy("OnDelete", null);
        };
    return Fixtures.daemonSet("ds")
        .metadata(m -> m.withGeneration(1))
        .spec(spec)
        .strategy(strategy)
        .minReadySeconds(random.nextInt(3) == 0 ? 30 : 0)
        .build();
  }

  List<Node> nodes(int count) {
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Map<String, String> labels = new TreeMap<>();
      labels.put("zone", pick(List.of(ZONES)));
      if (random.nextInt(5) == 0) {
        labels.put("role", "infra");
      }
      List<Taint> taints = new ArrayList<>();
      switch (random.nextInt(10)) {
        case 0 -> taints.add(new Taint("dedicated", "infra", "NoSchedule", null));
        case 1 -> taints.add(new Taint("evict", "yes", "NoExecute", null));
        case 2 -> taints.add(new Taint("soft", "", "PreferNoSchedule", null));
        case 3 -> taints.add(new Taint("node.kubernetes.io/not-ready", "", "NoExecute", null));
        case 4 ->
            taints.add(new Taint("node.kubernetes.io/network-unavailable", "", "NoSchedule", null));
        default -> {}
      }
      nodes.add(
          Fixtures.newNode(String.format(Locale.ROOT, "node-%03d", i), labels).withTaints(taints));
    }
    return nodes;
  }

  /** Random pods on {@code nodes} (and a few on vanished nodes), hashes "new" or "old". */
  List<Pod> pods(List<Node> nodes, boolean messy) {
    List<Pod> pods = new ArrayList<>();
    for (Node n : nodes) {
      int count = messy ? random.nextInt(4) : (random.nextInt(5) == 0 ? 0 : 1);
      for (int i = 0; i < count; i++) {
        pods.add(pod(n.name(), messy));
      }
    }
    if (messy && random.nextBoolean()) {
      pods.add(pod("vanished-" + random.nextInt(3), true));
    }
    return pods;
  }

  Pod pod(String node, boolean messy) {
    // drawn in the order the pod's fields were always drawn: a seed gives the clusters it gave
    Fixtures.PodBuilder pod =
        Fixtures.pod("p" + podCounter++)
            .labels(Map.of("app", "ds", Pods.HASH_LABEL, random.nextBoolean() ? "new" : "old"))
            .createdAt(NOW.minusSeconds(600 + random.nextInt(3) * 60L))
            .owners(List.of(OWNER));
    String phase = "Running";
    boolean ready = true;
    if (messy) {
      int r = random.nextInt(20);
      if (r == 0) {
        pod.owners(List.of());
      } else if (r == 1) {
        pod.owners(List.of(OwnerReference.controllerOf("ReplicaSet", "apps/v1", "rs", "rs-uid")));
      } else if (r == 2) {
        pod.deletedAt(NOW.minusSeconds(5));
      }
      int p = random.nextInt(10);
      phase = p == 0 ? "Failed" : p == 1 ? "Succeeded" : p == 2 ? "Pending" : "Running";
      ready = "Running".equals(phase) && random.nextInt(4) != 0;
    }
    if (messy && random.nextInt(10) == 0) {
      pod.spec(
          Fixtures.SPEC.withAffinity(
              new Affinity(
                  new NodeAffinity(
                      List.of(
                          new NodeSelectorTerm(
                              List.of(),
                              List.of(
                                  new NodeSelectorRequirement(
                                      "metadata.name", "In", List.of(node))))),
                      List.of(),
                      Map.of()),
                  Map.of())));
    } else {
      pod.on(node);
    }
    Instant since = NOW.minusSeconds(random.nextInt(60));
    return pod.phase(phase)
        .conditions(ready ? List.of(Condition.of("Ready", "True", since)) : List.of())
        .build();
  }
}
