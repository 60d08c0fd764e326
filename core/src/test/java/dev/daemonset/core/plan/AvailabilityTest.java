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
import dev.daemonset.api.plan.Plan;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Upstream's {@code IsPodAvailable} (D6) as the status counts it: with minReadySeconds 0 a Ready
 * pod is available whatever its Ready condition's time says (missing, or ahead of the clock); with
 * minReadySeconds it must have been Ready that long, and a missing time never is.
 */
class AvailabilityTest {
  private static final Instant NOW = Instant.parse("2026-01-01T01:00:00Z");
  private static final List<Node> NODES =
      List.of(Node.of("a", Map.of()), Node.of("b", Map.of()), Node.of("c", Map.of()));
  private static final List<Pod> PODS =
      List.of(
          pod("a-untimed", "a", null),
          pod("b-future", "b", NOW.plusSeconds(5)),
          pod("c-recent", "c", NOW.minusSeconds(10)));

  @Test
  void withoutMinReadySecondsEveryReadyPodIsAvailable() {
    Plan plan = Planner.plan(daemonSet(0), ClusterSnapshot.of(NODES, PODS), NOW);

    assertThat(plan.status().numberReady()).isEqualTo(3);
    assertThat(plan.status().numberAvailable()).isEqualTo(3);
  }

  @Test
  void withMinReadySecondsOnlyPodsReadyLongEnough() {
    assertThat(
            Planner.plan(daemonSet(10), ClusterSnapshot.of(NODES, PODS), NOW)
                .status()
                .numberAvailable())
        .isEqualTo(1);
    assertThat(
            Planner.plan(daemonSet(11), ClusterSnapshot.of(NODES, PODS), NOW)
                .status()
                .numberAvailable())
        .isZero();
  }

  private static DaemonSet daemonSet(int minReadySeconds) {
    return DaemonSet.of(
        ObjectMeta.of("default", "ds").withUid("ds-uid"),
        DaemonSetSpec.EMPTY
            .withSelector(LabelSelector.of(Map.of("app", "ds")))
            .withTemplate(
                new PodTemplateSpec(
                    ObjectMeta.EMPTY.withLabels(Map.of("app", "ds")),
                    PodSpec.of(List.of(Container.of("c", "img")))))
            .withUpdateStrategy(
                new DaemonSetUpdateStrategy(DaemonSetUpdateStrategy.ON_DELETE, null))
            .withMinReadySeconds(minReadySeconds));
  }

  private static Pod pod(String name, String node, @Nullable Instant readySince) {
    ObjectMeta meta =
        ObjectMeta.of("default", name)
            .withUid("uid-" + name)
            .withLabels(Map.of("app", "ds"))
            .withCreationTimestamp(NOW.minusSeconds(600))
            .withOwnerReferences(
                List.of(OwnerReference.controllerOf("DaemonSet", "apps/v1", "ds", "ds-uid")));
    PodStatus status =
        new PodStatus("Running", List.of(Condition.of("Ready", "True", readySince)), Map.of());
    return new Pod(
        meta, PodSpec.of(List.of(Container.of("c", "img"))).withNodeName(node), status, Map.of());
  }
}
