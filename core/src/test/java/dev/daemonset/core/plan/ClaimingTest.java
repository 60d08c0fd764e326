package dev.daemonset.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.model.Affinity;
import dev.daemonset.api.model.Container;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.model.DaemonSetSpec;
import dev.daemonset.api.model.DaemonSetUpdateStrategy;
import dev.daemonset.api.model.LabelSelector;
import dev.daemonset.api.model.LabelSelector.LabelSelectorRequirement;
import dev.daemonset.api.model.Node;
import dev.daemonset.api.model.NodeAffinity;
import dev.daemonset.api.model.NodeSelectorRequirement;
import dev.daemonset.api.model.NodeSelectorTerm;
import dev.daemonset.api.model.ObjectMeta;
import dev.daemonset.api.model.OwnerReference;
import dev.daemonset.api.model.Pod;
import dev.daemonset.api.model.PodSpec;
import dev.daemonset.api.model.PodStatus;
import dev.daemonset.api.model.PodTemplateSpec;
import dev.daemonset.api.plan.ClusterSnapshot;
import dev.daemonset.api.plan.Plan;
import dev.daemonset.api.plan.Plan.Notice;
import dev.daemonset.api.plan.Plan.NoticeCode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
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
        daemonSet("ds-uid", new LabelSelector(Map.of("app", "ds"), List.of(r), Map.of()));
    Map<String, String> labels = new TreeMap<>(extra);
    labels.put("app", "ds");
    Pod orphan = pod("orphan", labels, List.of()).withSpec(spec().withNodeName("n1"));

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
    DaemonSet ds = daemonSet("ds-uid", LabelSelector.of(Map.of("app", "ds", "tier", "a")));
    Pod both =
        pod("both", Map.of("app", "ds", "tier", "a"), List.of())
            .withSpec(spec().withNodeName("n1"));
    Pod one =
        pod("one", Map.of("app", "ds", "tier", "b"), List.of()).withSpec(spec().withNodeName("n2"));

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
    DaemonSet ds = daemonSet("ds-uid", null);
    Map<String, String> labels = Map.of("app", "ds");
    OwnerReference owner = OwnerReference.controllerOf("DaemonSet", "apps/v1", "ds", "ds-uid");
    List<Pod> pods =
        List.of(
            pod("owned-b", labels, List.of(owner)).withSpec(spec().withNodeName("a")),
            pod("owned-a", labels, List.of(owner)).withSpec(spec().withNodeName("a")),
            pod("orphan", labels, List.of()).withSpec(spec().withNodeName("a")));

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
    DaemonSet ds = daemonSet("ds-uid", LabelSelector.of(Map.of("app", "ds")));
    ds = ds.withMetadata(ds.metadata().withNamespace(""));
    Map<String, String> labels = Map.of("app", "ds");
    List<Pod> pods =
        List.of(
            pod("written", labels, List.of())
                .withMetadata(ObjectMeta.of("", "written").withLabels(labels))
                .withSpec(spec().withNodeName("a")),
            pod("stored", labels, List.of()).withSpec(spec().withNodeName("b")),
            pod("elsewhere", labels, List.of())
                .withMetadata(ObjectMeta.of("kube-system", "elsewhere").withLabels(labels))
                .withSpec(spec().withNodeName("c")));
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
    DaemonSet ds = daemonSet("", LabelSelector.of(Map.of("app", "ds")));
    Map<String, String> labels = Map.of("app", "ds");
    List<Pod> pods =
        List.of(
            pod(
                    "mine",
                    labels,
                    List.of(OwnerReference.controllerOf("DaemonSet", "apps/v1", "ds", "any-uid")))
                .withSpec(spec().withNodeName("a")),
            pod(
                    "replica",
                    labels,
                    List.of(OwnerReference.controllerOf("ReplicaSet", "apps/v1", "ds", "rs-uid")))
                .withSpec(spec().withNodeName("b")),
            pod(
                    "sibling",
                    labels,
                    List.of(OwnerReference.controllerOf("DaemonSet", "apps/v1", "other", "o-uid")))
                .withSpec(spec().withNodeName("c")));
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
    DaemonSet ds = daemonSet("ds-uid", LabelSelector.of(Map.of("app", "ds")));
    Map<String, String> labels = Map.of("app", "ds");
    OwnerReference notController =
        new OwnerReference("apps/v1", "ReplicaSet", "rs", "rs-uid", false, null, Map.of());
    OwnerReference unset = new OwnerReference("v1", "Node", "a", "node-uid", null, null, Map.of());
    OwnerReference other = OwnerReference.controllerOf("ReplicaSet", "apps/v1", "rs", "rs-uid");
    List<Pod> pods =
        List.of(
            pod("listed", labels, List.of(notController, unset)).withSpec(spec().withNodeName("a")),
            pod("unset", labels, List.of(unset)).withSpec(spec().withNodeName("b")),
            pod("controlled", labels, List.of(notController, other))
                .withSpec(spec().withNodeName("c")));
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
    DaemonSet ds = daemonSet("ds-uid", LabelSelector.of(Map.of("app", "ds")));
    Map<String, String> labels = Map.of("app", "ds");
    OwnerReference owner = OwnerReference.controllerOf("DaemonSet", "apps/v1", "ds", "ds-uid");
    Pod twoValues =
        pod("two-values", labels, List.of(owner))
            .withSpec(
                spec()
                    .withAffinity(
                        pin(
                            new NodeSelectorRequirement(
                                "metadata.name", "In", List.of("a", "b")))));
    Pod otherField =
        pod("other-field", labels, List.of(owner))
            .withSpec(
                spec()
                    .withAffinity(
                        pin(
                            new NodeSelectorRequirement(
                                "metadata.namespace", "In", List.of("a")))));
    Pod notIn =
        pod("not-in", labels, List.of(owner))
            .withSpec(
                spec()
                    .withAffinity(
                        pin(new NodeSelectorRequirement("metadata.name", "NotIn", List.of("a")))));
    Pod pinned =
        pod("pinned", labels, List.of(owner))
            .withSpec(
                spec()
                    .withAffinity(
                        pin(new NodeSelectorRequirement("metadata.name", "In", List.of("a")))));

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

  private static PodSpec spec() {
    return PodSpec.of(List.of(Container.of("c", "img")));
  }

  private static Pod pod(String name, Map<String, String> labels, List<OwnerReference> owners) {
    return new Pod(
        ObjectMeta.of("default", name)
            .withUid("uid-" + name)
            .withLabels(labels)
            .withOwnerReferences(owners)
            .withCreationTimestamp(NOW.minusSeconds(600)),
        spec(),
        new PodStatus("Running", List.of(), Map.of()),
        Map.of());
  }

  private static DaemonSet daemonSet(String uid, @Nullable LabelSelector selector) {
    // OnDelete: the rolling update would replace the claimed pods, none of which runs the
    // template's hash
    return DaemonSet.of(
        ObjectMeta.of("default", "ds").withUid(uid),
        DaemonSetSpec.EMPTY
            .withSelector(selector)
            .withTemplate(
                new PodTemplateSpec(ObjectMeta.EMPTY.withLabels(Map.of("app", "ds")), spec()))
            .withUpdateStrategy(
                new DaemonSetUpdateStrategy(DaemonSetUpdateStrategy.ON_DELETE, null)));
  }
}
