package dev.daemonset.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.model.DaemonSetUpdateStrategy;
import dev.daemonset.api.model.IntOrString;
import dev.daemonset.api.model.Node;
import dev.daemonset.api.model.Pod;
import dev.daemonset.api.model.RollingUpdateDaemonSet;
import dev.daemonset.api.plan.Action;
import dev.daemonset.api.plan.Action.DeleteReason;
import dev.daemonset.api.plan.ClusterSnapshot;
import dev.daemonset.api.plan.Plan;
import dev.daemonset.api.plan.PlanOptions;
import dev.daemonset.core.Fixtures;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The sentence of an action names what decided it: the first failed predicate of a node that must
 * not run the pod, and whether an extra pod beside a surge pair is a new or an old one.
 */
class ActionMessagesTest {
  private static final Instant NOW = Instant.parse("2026-01-01T01:00:00Z");
  private static final PlanOptions OPTIONS = PlanOptions.DEFAULTS.withCurrentRevisionHash("new");

  @Test
  void aMisscheduledDeleteQuotesTheFirstFailedPredicate() {
    DaemonSet ds =
        Fixtures.daemonSet("ds")
            .spec(Fixtures.SPEC.withNodeSelector(Map.of("zone", "z1", "disk", "ssd")))
            .onDelete()
            .build();

    Plan plan =
        Planner.plan(
            ds,
            ClusterSnapshot.of(
                List.of(Node.of("n1", Map.of("zone", "z2"))),
                List.of(
                    Fixtures.pod("p")
                        .on("n1")
                        .labels(Map.of("app", "ds", Pods.HASH_LABEL, "new"))
                        .ownedBy(ds)
                        .createdAt(minute(0))
                        .ready(true, minute(0))
                        .build())),
            NOW,
            OPTIONS);

    assertThat(plan.actions())
        .containsExactly(
            new Action.Delete(
                "n1",
                "p",
                DeleteReason.MISSCHEDULED,
                "Node n1 must not run the DaemonSet's pods, so pod p is deleted. "
                    + "nodeSelector requires label disk=ssd, but the node has no label disk."));
  }

  /**
   * C4: of the live pods, the oldest new and the oldest old stay; every other one is an extra,
   * named as new or old; then the old one goes because the new one is available.
   */
  @Test
  void surgeManageNamesEachExtraPodAsNewOrOld() {
    DaemonSet ds =
        Fixtures.daemonSet("ds")
            .strategy(
                new DaemonSetUpdateStrategy(
                    "RollingUpdate",
                    new RollingUpdateDaemonSet(IntOrString.of(0), IntOrString.of(1))))
            .build();
    List<Pod> pods =
        List.of(
            Fixtures.pod("a-old")
                .on("a")
                .labels(Map.of("app", "ds", Pods.HASH_LABEL, "old"))
                .ownedBy(ds)
                .createdAt(minute(0))
                .ready(true, minute(0))
                .build(),
            Fixtures.pod("a-new1")
                .on("a")
                .labels(Map.of("app", "ds", Pods.HASH_LABEL, "new"))
                .ownedBy(ds)
                .createdAt(minute(10))
                .ready(true, minute(10))
                .build(),
            Fixtures.pod("a-new2")
                .on("a")
                .labels(Map.of("app", "ds", Pods.HASH_LABEL, "new"))
                .ownedBy(ds)
                .createdAt(minute(20))
                .ready(true, minute(20))
                .build(),
            Fixtures.pod("a-old2")
                .on("a")
                .labels(Map.of("app", "ds", Pods.HASH_LABEL, "old"))
                .ownedBy(ds)
                .createdAt(minute(30))
                .ready(true, minute(30))
                .build());

    Plan plan =
        Planner.plan(ds, ClusterSnapshot.of(List.of(Node.of("a", Map.of())), pods), NOW, OPTIONS);

    assertThat(plan.actions())
        .containsExactly(
            new Action.Delete(
                "a",
                "a-new2",
                DeleteReason.EXCESS,
                "Node a already runs an older new daemon pod, so pod a-new2 is an extra one."),
            new Action.Delete(
                "a",
                "a-old2",
                DeleteReason.EXCESS,
                "Node a already runs an older old daemon pod, so pod a-old2 is an extra one."),
            new Action.Delete(
                "a",
                "a-old",
                DeleteReason.SURGE_OLD_REPLACED,
                "The new pod a-new1 on node a is available, so the old pod a-old goes."));
    assertThat(plan.notices()).isEmpty();
  }

  /** T0 plus this many minutes. */
  private static Instant minute(int minute) {
    return Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60L * minute);
  }
}
