package dev.daemonset.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.model.Node;
import dev.daemonset.api.model.Pod;
import dev.daemonset.api.plan.ClusterSnapshot;
import dev.daemonset.api.plan.Plan;
import dev.daemonset.core.Fixtures;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Upstream's {@code IsPodAvailable} (D6) as the status counts it: with minReadySeconds 0 a Ready
 * pod is available whatever its Ready condition's time says (missing, or ahead of the clock); with
 * minReadySeconds it must have been Ready that long, and a missing time never is.
 */
class AvailabilityTest {
  private static final Instant NOW = Instant.parse("2026-01-01T01:00:00Z");
  private static final DaemonSet DS = Fixtures.daemonSet("ds").onDelete().build();
  private static final List<Node> NODES =
      List.of(Node.of("a", Map.of()), Node.of("b", Map.of()), Node.of("c", Map.of()));
  private static final List<Pod> PODS =
      List.of(
          Fixtures.pod("a-untimed")
              .labels(Map.of("app", "ds"))
              .ownedBy(DS)
              .createdAt(NOW.minusSeconds(600))
              .on("a")
              .ready(true, null)
              .build(),
          Fixtures.pod("b-future")
              .labels(Map.of("app", "ds"))
              .ownedBy(DS)
              .createdAt(NOW.minusSeconds(600))
              .on("b")
              .ready(true, NOW.plusSeconds(5))
              .build(),
          Fixtures.pod("c-recent")
              .labels(Map.of("app", "ds"))
              .ownedBy(DS)
              .createdAt(NOW.minusSeconds(600))
              .on("c")
              .ready(true, NOW.minusSeconds(10))
              .build());

  @Test
  void withoutMinReadySecondsEveryReadyPodIsAvailable() {
    Plan plan = Planner.plan(DS, ClusterSnapshot.of(NODES, PODS), NOW);

    assertThat(plan.status().numberReady()).isEqualTo(3);
    assertThat(plan.status().numberAvailable()).isEqualTo(3);
  }

  @Test
  void withMinReadySecondsOnlyPodsReadyLongEnough() {
    assertThat(
            Planner.plan(
                    Fixtures.daemonSet(DS).minReadySeconds(10).build(),
                    ClusterSnapshot.of(NODES, PODS),
                    NOW)
                .status()
                .numberAvailable())
        .isEqualTo(1);
    assertThat(
            Planner.plan(
                    Fixtures.daemonSet(DS).minReadySeconds(11).build(),
                    ClusterSnapshot.of(NODES, PODS),
                    NOW)
                .status()
                .numberAvailable())
        .isZero();
  }
}
