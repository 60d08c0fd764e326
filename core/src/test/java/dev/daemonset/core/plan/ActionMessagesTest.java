package dev.daemonset.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

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
import dev.daemonset.api.plan.Action;
import dev.daemonset.api.plan.Action.DeleteReason;
import dev.daemonset.api.plan.ClusterSnapshot;
import dev.daemonset.api.plan.Plan;
import dev.daemonset.api.plan.PlanOptions;
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
        daemonSet(
            PodSpec.of(List.of(Container.of("c", "img")))
                .withNodeSelector(Map.of("zone", "z1", "disk", "ssd")),
            new DaemonSetUpdateStrategy(DaemonSetUpdateStrategy.ON_DELETE, null));

    Plan plan =
        Planner.plan(
            ds,
            ClusterSnapshot.of(
                List.of(Node.of("n1", Map.of("zone", "z2"))),
                List.of(pod("p", "n1", "new", 0, true))),
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
        daemonSet(
            PodSpec.of(List.of(Container.of("c", "img"))),
            new DaemonSetUpdateStrategy(
                "RollingUpdate", new RollingUpdateDaemonSet(IntOrString.of(0), IntOrString.of(1))));
    List<Pod> pods =
        List.of(
            pod("a-old", "a", "old", 0, true),
            pod("a-new1", "a", "new", 10, true),
            pod("a-new2", "a", "new", 20, true),
            pod("a-old2", "a", "old", 30, true));

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

  private static DaemonSet daemonSet(PodSpec spec, DaemonSetUpdateStrategy strategy) {
    return DaemonSet.of(
        ObjectMeta.of("default", "ds").withUid("ds-uid"),
        DaemonSetSpec.EMPTY
            .withSelector(LabelSelector.of(Map.of("app", "ds")))
            .withTemplate(
                new PodTemplateSpec(ObjectMeta.EMPTY.withLabels(Map.of("app", "ds")), spec))
            .withUpdateStrategy(strategy));
  }

  private static Pod pod(String name, String node, String hash, int minute, boolean ready) {
    Instant created = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60L * minute);
    ObjectMeta meta =
        ObjectMeta.of("default", name)
            .withUid("uid-" + name)
            .withLabels(Map.of("app", "ds", Pods.HASH_LABEL, hash))
            .withCreationTimestamp(created)
            .withOwnerReferences(
                List.of(OwnerReference.controllerOf("DaemonSet", "apps/v1", "ds", "ds-uid")));
    PodStatus status =
        new PodStatus(
            "Running", List.of(Condition.of("Ready", ready ? "True" : "False", created)), Map.of());
    return new Pod(
        meta, PodSpec.of(List.of(Container.of("c", "img"))).withNodeName(node), status, Map.of());
  }
}
