package dev.daemonset.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.model.Node;
import dev.daemonset.api.model.Pod;
import dev.daemonset.api.plan.ClusterSnapshot;
import dev.daemonset.api.plan.NodeVerdict;
import dev.daemonset.api.plan.Plan;
import dev.daemonset.core.Fixtures;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
    DaemonSet ds = Fixtures.daemonSet("ds").onDelete().build();
    List<Pod> pods =
        List.of(
            // by name: p1 before p2, although p2's UID is smaller
            Fixtures.pod("p1")
                .namespace("default")
                .uid("z")
                .labels(Map.of("app", "ds"))
                .ownedBy(ds)
                .createdAt(CREATED)
                .on("a")
                .ready(true, CREATED)
                .build(),
            Fixtures.pod("p2")
                .namespace("default")
                .uid("a")
                .labels(Map.of("app", "ds"))
                .ownedBy(ds)
                .createdAt(CREATED)
                .on("a")
                .ready(false, CREATED)
                .build(),
            // by namespace: "" (the default namespace, as written) before "default", although its
            // UID is greater
            Fixtures.pod("q")
                .namespace("")
                .uid("z")
                .labels(Map.of("app", "ds"))
                .ownedBy(ds)
                .createdAt(CREATED)
                .on("b")
                .ready(true, CREATED)
                .build(),
            Fixtures.pod("q")
                .namespace("default")
                .uid("a")
                .labels(Map.of("app", "ds"))
                .ownedBy(ds)
                .createdAt(CREATED)
                .on("b")
                .ready(false, CREATED)
                .build(),
            // by UID: a before b, although b's content sorts first (its label x=1 comes before x=2)
            Fixtures.pod("r")
                .namespace("default")
                .uid("a")
                .labels(Map.of("app", "ds", "x", "2"))
                .ownedBy(ds)
                .createdAt(CREATED)
                .on("c")
                .ready(true, CREATED)
                .build(),
            Fixtures.pod("r")
                .namespace("default")
                .uid("b")
                .labels(Map.of("app", "ds", "x", "1"))
                .ownedBy(ds)
                .createdAt(CREATED)
                .on("c")
                .ready(false, CREATED)
                .build());

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
}
