package dev.daemonset.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.model.Condition;
import dev.daemonset.api.model.Container;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.model.DaemonSetSpec;
import dev.daemonset.api.model.DaemonSetUpdateStrategy;
import dev.daemonset.api.model.LabelSelector;
import dev.daemonset.api.model.Node;
import dev.daemonset.api.model.ObjectMeta;
import dev.daemonset.api.model.OwnerReference;
import dev.daemonset.api.model.Pod;
import dev.daemonset.api.model.PodSpec;
import dev.daemonset.api.model.PodStatus;
import dev.daemonset.api.model.PodTemplateSpec;
import dev.daemonset.api.plan.ClusterSnapshot;
import dev.daemonset.api.plan.NodeVerdict;
import dev.daemonset.api.plan.Plan;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The ties of upstream's pod order (C6) broken as documented: by name, then namespace, then UID,
 * then content. The order decides each node's representative pod (G5), so the Ready count shows
 * which pod came first.
 */
class PodOrderTest {
  private static final Instant NOW = Instant.parse("2026-01-01T01:00:00Z");
  private static final Instant CREATED = NOW.minusSeconds(600);

  @Test
  void tiesOfOneCreationTimeAreBrokenByNameNamespaceAndUid() {
    DaemonSet ds =
        DaemonSet.of(
            ObjectMeta.of("default", "ds").withUid("ds-uid"),
            DaemonSetSpec.EMPTY
                .withSelector(LabelSelector.of(Map.of("app", "ds")))
                .withTemplate(
                    new PodTemplateSpec(
                        ObjectMeta.EMPTY.withLabels(Map.of("app", "ds")),
                        PodSpec.of(List.of(Container.of("c", "img")))))
                .withUpdateStrategy(
                    new DaemonSetUpdateStrategy(DaemonSetUpdateStrategy.ON_DELETE, null)));
    List<Pod> pods =
        List.of(
            // by name: p1 before p2, although p2's UID is smaller
            pod("p1", "default", "z", Map.of(), "a", true),
            pod("p2", "default", "a", Map.of(), "a", false),
            // by namespace: "" (the default namespace, as written) before "default", although its
            // UID is greater
            pod("q", "", "z", Map.of(), "b", true),
            pod("q", "default", "a", Map.of(), "b", false),
            // by UID: a before b, although b's content sorts first (its label x=1 comes before x=2)
            pod("r", "default", "a", Map.of("x", "2"), "c", true),
            pod("r", "default", "b", Map.of("x", "1"), "c", false));

    Plan plan =
        Planner.plan(
            ds,
            ClusterSnapshot.of(
                List.of(Node.of("a", Map.of()), Node.of("b", Map.of()), Node.of("c", Map.of())),
                pods),
            NOW);

    assertThat(plan.verdicts())
        .extracting(NodeVerdict::daemonPods)
        .containsExactly(List.of("p1", "p2"), List.of("q", "q"), List.of("r", "r"));
    assertThat(plan.status().numberReady()).isEqualTo(3);
    assertThat(PlanScenarioTest.describe(plan.actions()))
        .containsExactly("delete p2 on a EXCESS", "delete q on b EXCESS", "delete r on c EXCESS");
  }

  private static Pod pod(
      String name,
      String namespace,
      String uid,
      Map<String, String> extraLabels,
      String node,
      boolean ready) {
    Map<String, String> labels = new TreeMap<>(extraLabels);
    labels.put("app", "ds");
    ObjectMeta meta =
        ObjectMeta.of(namespace, name)
            .withUid(uid)
            .withLabels(labels)
            .withCreationTimestamp(CREATED)
            .withOwnerReferences(
                List.of(OwnerReference.controllerOf("DaemonSet", "apps/v1", "ds", "ds-uid")));
    PodStatus status =
        new PodStatus(
            "Running", List.of(Condition.of("Ready", ready ? "True" : "False", CREATED)), Map.of());
    return new Pod(
        meta, PodSpec.of(List.of(Container.of("c", "img"))).withNodeName(node), status, Map.of());
  }
}
