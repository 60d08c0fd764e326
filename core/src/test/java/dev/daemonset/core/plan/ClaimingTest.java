package dev.daemonset.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.model.Affinity;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.model.LabelSelector;
import dev.daemonset.api.model.LabelSelector.LabelSelectorRequirement;
import dev.daemonset.api.model.Node;
import dev.daemonset.api.model.NodeAffinity;
import dev.daemonset.api.model.NodeSelectorRequirement;
import dev.daemonset.api.model.NodeSelectorTerm;
import dev.daemonset.api.model.OwnerReference;
import dev.daemonset.api.model.Pod;
import dev.daemonset.api.plan.ClusterSnapshot;
import dev.daemonset.api.plan.Plan;
import dev.daemonset.api.plan.Plan.Notice;
import dev.daemonset.api.plan.Plan.NoticeCode;
import dev.daemonset.core.Fixtures;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which pods are the DaemonSet's (A1, A2, A4): the selector's matchExpressions as {@code
 * LabelSelectorAsSelector} reads them (a malformed requirement selects nothing), a DaemonSet
 * without a UID known by kind and name, and pods whose node cannot be told.
 */
class ClaimingTest {
  private static final Instant NOW = Instant.parse("2026-01-01T01:00:00Z");
  private static final Instant CREATED = NOW.minusSeconds(600);

  // The DaemonSets here are OnDelete: a rolling update would replace the claimed pods, none of
  // which runs the template's hash.

  static Stream<Arguments> expressions() {
    return Stream.of(
        // name, requirement, the orphan's extra labels, adopted
        Arguments.of("In, listed", req("tier", "In", "a", "b"), Map.of("tier", "b"), true),
        Arguments.of("In, not listed", req("tier", "In", "a", "b"), Map.of("tier", "c"), false),
        Arguments.of("In, no label", req("tier", "In", "a"), Map.of(), false),
        Arguments.of("NotIn, listed", req("env", "NotIn", "prod"), Map.of("env", "prod"), false),
        Arguments.of("NotIn, other value", req("env", "NotIn", "prod"), Map.of("env", "dev"), true),
        Arguments.of("NotIn, no label", req("env", "NotIn", "prod"), Map.of(), true),
        Arguments.of("NotIn without values", req("env", "NotIn"), Map.of(), false),
        Arguments.of("Exists, label", req("track", "Exists"), Map.of("track", ""), true),
        Arguments.of("Exists, no label", req("track", "Exists"), Map.of(), false),
        Arguments.of(
            "Exists with a value", req("track", "Exists", "x"), Map.of("track", "x"), false),
        Arguments.of("DoesNotExist, no label", req("legacy", "DoesNotExist"), Map.of(), true),
        Arguments.of(
            "DoesNotExist, label", req("legacy", "DoesNotExist"), Map.of("legacy", "1"), false),
        Arguments.of(
            "DoesNotExist with a value", req("legacy", "DoesNotExist", "1"), Map.of(), false),
        Arguments.of("unknown operator", req("tier", "Gt", "1"), Map.of("tier", "2"), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("expressions")
  void orphanIsAdoptedWhenTheSelectorsExpressionHolds(
      String name, LabelSelectorRequirement r, Map<String, String> extra, boolean adopted) {
    DaemonSet ds =
        Fixtures.daemonSet("ds")
            .selector(new LabelSelector(Map.of("app", "ds"), List.of(r), Map.of()))
            .onDelete()
            .build();
    Map<String, String> labels = new TreeMap<>(extra);
    labels.put("app", "ds");
    Pod orphan = Fixtures.pod("orphan").labels(labels).createdAt(CREATED).on("n1").build();

    Plan plan =
        Planner.plan(
            ds, ClusterSnapshot.of(List.of(Node.of("n1", Map.of())), List.of(orphan)), NOW);

    assertThat(plan.adopted()).as(name).isEqualTo(adopted ? List.of("orphan") : List.of());
    assertThat(plan.verdict("n1").orElseThrow().daemonPods())
        .as(name)
        .isEqualTo(adopted ? List.of("orphan") : List.of());
    assertThat(PlanScenarioTest.describe(plan.actions()))
        .as(name)
        .isEqualTo(adopted ? List.of() : List.of("create n1 MISSING #1"));
  }

  @Test
  void matchLabelsMustAllHold() {
    DaemonSet ds =
        Fixtures.daemonSet("ds")
            .selector(LabelSelector.of(Map.of("app", "ds", "tier", "a")))
            .onDelete()
            .build();
    Pod both =
        Fixtures.pod("both")
            .labels(Map.of("app", "ds", "tier", "a"))
            .createdAt(CREATED)
            .on("n1")
            .build();
    Pod one =
        Fixtures.pod("one")
            .labels(Map.of("app", "ds", "tier", "b"))
            .createdAt(CREATED)
            .on("n2")
            .build();

    Plan plan =
        Planner.plan(
            ds,
            ClusterSnapshot.of(
                List.of(Node.of("n1", Map.of()), Node.of("n2", Map.of())), List.of(both, one)),
            NOW);

    assertThat(plan.adopted()).containsExactly("both");
    assertThat(PlanScenarioTest.describe(plan.actions())).containsExactly("create n2 MISSING #1");
  }

  /**
   * Upstream's {@code LabelSelectorAsSelector(nil)} selects nothing: owned pods are released,
   * orphans left alone.
   */
  @Test
  void withoutASelectorNothingIsClaimed() {
    DaemonSet ds = Fixtures.daemonSet("ds").selector(null).onDelete().build();
    Map<String, String> labels = Map.of("app", "ds");
    OwnerReference owner = OwnerReference.controllerOf("DaemonSet", "apps/v1", "ds", "ds-uid");
    List<Pod> pods =
        List.of(
            Fixtures.pod("owned-b")
                .labels(labels)
                .owners(List.of(owner))
                .createdAt(CREATED)
                .on("a")
                .build(),
            Fixtures.pod("owned-a")
                .labels(labels)
                .owners(List.of(owner))
                .createdAt(CREATED)
                .on("a")
                .build(),
            Fixtures.pod("orphan").labels(labels).createdAt(CREATED).on("a").build());

    Plan plan = Planner.plan(ds, ClusterSnapshot.of(List.of(Node.of("a", Map.of())), pods), NOW);

    assertThat(plan.outcome()).isEqualTo(Plan.Outcome.PLANNED);
    assertThat(plan.released()).containsExactly("owned-a", "owned-b");
    assertThat(plan.adopted()).isEmpty();
    assertThat(PlanScenarioTest.describe(plan.actions())).containsExactly("create a MISSING #1");
  }

  /**
   * A1: only pods of the DaemonSet's namespace count, an empty namespace being {@code default} on
   * either side.
   */
  @Test
  void podsOfOtherNamespacesAreNotLookedAt() {
    DaemonSet ds = Fixtures.daemonSet("ds").namespace("").onDelete().build();
    Map<String, String> labels = Map.of("app", "ds");
    List<Pod> pods =
        List.of(
            Fixtures.pod("written").labels(labels).namespace("").uid("").on("a").build(),
            Fixtures.pod("stored").labels(labels).createdAt(CREATED).on("b").build(),
            Fixtures.pod("elsewhere")
                .labels(labels)
                .namespace("kube-system")
                .uid("")
                .on("c")
                .build());
    List<Node> nodes =
        List.of(Node.of("a", Map.of()), Node.of("b", Map.of()), Node.of("c", Map.of()));

    Plan plan = Planner.plan(ds, ClusterSnapshot.of(nodes, pods), NOW);

    assertThat(plan.daemonSet()).isEqualTo("default/ds");
    assertThat(plan.adopted()).containsExactly("stored", "written");
    assertThat(PlanScenarioTest.describe(plan.actions())).containsExactly("create c MISSING #1");
  }

  /**
   * A manifest not read from a cluster has no UID: its pods are known by the owner's kind and name.
   */
  @Test
  void withoutAUidTheOwnerIsKnownByKindAndName() {
    DaemonSet ds = Fixtures.daemonSet("ds").uid("").onDelete().build();
    Map<String, String> labels = Map.of("app", "ds");
    List<Pod> pods =
        List.of(
            Fixtures.pod("mine")
                .labels(labels)
                .owners(
                    List.of(OwnerReference.controllerOf("DaemonSet", "apps/v1", "ds", "any-uid")))
                .createdAt(CREATED)
                .on("a")
                .build(),
            Fixtures.pod("replica")
                .labels(labels)
                .owners(
                    List.of(OwnerReference.controllerOf("ReplicaSet", "apps/v1", "ds", "rs-uid")))
                .createdAt(CREATED)
                .on("b")
                .build(),
            Fixtures.pod("sibling")
                .labels(labels)
                .owners(
                    List.of(OwnerReference.controllerOf("DaemonSet", "apps/v1", "other", "o-uid")))
                .createdAt(CREATED)
                .on("c")
                .build());
    List<Node> nodes =
        List.of(Node.of("a", Map.of()), Node.of("b", Map.of()), Node.of("c", Map.of()));

    Plan plan = Planner.plan(ds, ClusterSnapshot.of(nodes, pods), NOW);

    assertThat(plan.verdicts())
        .extracting(v -> v.node() + "=" + v.daemonPods())
        .containsExactly("a=[mine]", "b=[]", "c=[]");
    assertThat(plan.adopted()).isEmpty();
    assertThat(PlanScenarioTest.describe(plan.actions()))
        .containsExactly("create b MISSING #1", "create c MISSING #2");
  }

  /**
   * Only an owner reference with {@code controller: true} makes a pod controlled: one without it
   * (false or unset) leaves the pod an orphan, adopted when the selector matches; a controlled pod
   * of another owner is left alone whatever its labels say.
   */
  @Test
  void ownerReferencesThatAreNotControllersLeaveThePodAnOrphan() {
    DaemonSet ds = Fixtures.daemonSet("ds").onDelete().build();
    Map<String, String> labels = Map.of("app", "ds");
    OwnerReference notController =
        new OwnerReference("apps/v1", "ReplicaSet", "rs", "rs-uid", false, null, Map.of());
    OwnerReference unset = new OwnerReference("v1", "Node", "a", "node-uid", null, null, Map.of());
    OwnerReference other = OwnerReference.controllerOf("ReplicaSet", "apps/v1", "rs", "rs-uid");
    List<Pod> pods =
        List.of(
            Fixtures.pod("listed")
                .labels(labels)
                .owners(List.of(notController, unset))
                .createdAt(CREATED)
                .on("a")
                .build(),
            Fixtures.pod("unset")
                .labels(labels)
                .owners(List.of(unset))
                .createdAt(CREATED)
                .on("b")
                .build(),
            Fixtures.pod("controlled")
                .labels(labels)
                .owners(List.of(notController, other))
                .createdAt(CREATED)
                .on("c")
                .build());
    List<Node> nodes =
        List.of(Node.of("a", Map.of()), Node.of("b", Map.of()), Node.of("c", Map.of()));

    Plan plan = Planner.plan(ds, ClusterSnapshot.of(nodes, pods), NOW);

    assertThat(plan.adopted()).containsExactly("listed", "unset");
    assertThat(plan.verdicts())
        .extracting(v -> v.node() + "=" + v.daemonPods())
        .containsExactly("a=[listed]", "b=[unset]", "c=[]");
    assertThat(PlanScenarioTest.describe(plan.actions())).containsExactly("create c MISSING #1");
  }

  /**
   * A4: a pinning requirement needs exactly one value; without one the pod names no node and is
   * ignored.
   */
  @Test
  void podsThatNameNoNodeAreIgnoredWithANotice() {
    DaemonSet ds = Fixtures.daemonSet("ds").onDelete().build();
    Map<String, String> labels = Map.of("app", "ds");
    OwnerReference owner = OwnerReference.controllerOf("DaemonSet", "apps/v1", "ds", "ds-uid");
    Pod twoValues =
        Fixtures.pod("two-values")
            .labels(labels)
            .owners(List.of(owner))
            .createdAt(CREATED)
            .spec(
                Fixtures.SPEC.withAffinity(
                    pin(new NodeSelectorRequirement("metadata.name", "In", List.of("a", "b")))))
            .build();
    Pod otherField =
        Fixtures.pod("other-field")
            .labels(labels)
            .owners(List.of(owner))
            .createdAt(CREATED)
            .spec(
                Fixtures.SPEC.withAffinity(
                    pin(new NodeSelectorRequirement("metadata.namespace", "In", List.of("a")))))
            .build();
    Pod notIn =
        Fixtures.pod("not-in")
            .labels(labels)
            .owners(List.of(owner))
            .createdAt(CREATED)
            .spec(
                Fixtures.SPEC.withAffinity(
                    pin(new NodeSelectorRequirement("metadata.name", "NotIn", List.of("a")))))
            .build();
    Pod pinned =
        Fixtures.pod("pinned")
            .labels(labels)
            .owners(List.of(owner))
            .createdAt(CREATED)
            .spec(
                Fixtures.SPEC.withAffinity(
                    pin(new NodeSelectorRequirement("metadata.name", "In", List.of("a")))))
            .build();

    Plan plan =
        Planner.plan(
            ds,
            ClusterSnapshot.of(
                List.of(Node.of("a", Map.of())), List.of(twoValues, otherField, notIn, pinned)),
            NOW);

    assertThat(plan.notices())
        .containsExactly(
            new Notice(
                NoticeCode.POD_WITHOUT_NODE,
                "Pod not-in names no node (no spec.nodeName, no pinning node affinity) and is ignored."),
            new Notice(
                NoticeCode.POD_WITHOUT_NODE,
                "Pod other-field names no node (no spec.nodeName, no pinning node affinity) and is ignored."),
            new Notice(
                NoticeCode.POD_WITHOUT_NODE,
                "Pod two-values names no node (no spec.nodeName, no pinning node affinity) and is ignored."));
    assertThat(plan.verdict("a").orElseThrow().daemonPods()).containsExactly("pinned");
    assertThat(plan.actions()).isEmpty();
  }

  private static Affinity pin(NodeSelectorRequirement field) {
    return new Affinity(
        new NodeAffinity(
            List.of(new NodeSelectorTerm(List.of(), List.of(field))), List.of(), Map.of()),
        Map.of());
  }

  private static LabelSelectorRequirement req(String key, String operator, String... values) {
    return new LabelSelectorRequirement(key, operator, List.of(values));
  }
}
