package dev.daemonset.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daemonset.api.model.Affinity;
import dev.daemonset.api.model.Container;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.model.JsonValue;
import dev.daemonset.api.model.Node;
import dev.daemonset.api.model.NodeAffinity;
import dev.daemonset.api.model.NodeSelectorRequirement;
import dev.daemonset.api.model.NodeSelectorTerm;
import dev.daemonset.api.model.ObjectMeta;
import dev.daemonset.api.model.Pod;
import dev.daemonset.api.model.PodSpec;
import dev.daemonset.api.model.Toleration;
import dev.daemonset.api.plan.Action;
import dev.daemonset.api.plan.ClusterSnapshot;
import dev.daemonset.api.plan.Plan;
import dev.daemonset.api.plan.PlanOptions;
import dev.daemonset.core.Fixtures;
import dev.daemonset.core.defaults.Defaults;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The exact pod a create carries (E6–E8) and the default toleration merge (E7). */
class CreatedPodTest {
  private static final Instant NOW = Instant.parse("2026-01-01T01:00:00Z");
  private static final JsonValue PREFERRED = new JsonValue.Obj(Map.of("weight", JsonValue.of(1)));
  private static final Map<String, JsonValue> ANTI_AFFINITY =
      Map.of("podAntiAffinity", JsonValue.Obj.EMPTY);

  /** The DaemonSet whose pods these tests create; each test gives it its template's spec. */
  static final DaemonSet AGENT =
      Fixtures.daemonSet("agent")
          .namespace("kube-system")
          .uid("ds-uid")
          .metadata(
              m ->
                  m.withGeneration(4)
                      .withAnnotations(Map.of(DaemonSet.TEMPLATE_GENERATION_ANNOTATION, "4")))
          .labels(Fixtures.app("ds"))
          .templateMetadata(
              Fixtures.withFinalizers(
                  ObjectMeta.EMPTY
                      .withLabels(Fixtures.app("ds"))
                      .withAnnotations(Map.of("note", "kept")),
                  List.of("example.com/cleanup")))
          .build();

  @Test
  void createCarriesLabelsOwnerTolerationsAndPinnedAffinity() {
    Toleration userNotReady =
        new Toleration("node.kubernetes.io/not-ready", "Exists", "", "NoExecute", 300L);
    Toleration otherEffect = Toleration.exists("node.kubernetes.io/not-ready", "NoSchedule");
    Toleration custom = new Toleration("custom", "Equal", "v", "NoSchedule", null);
    NodeAffinity nodeAffinity =
        new NodeAffinity(
            List.of(
                new NodeSelectorTerm(
                    List.of(new NodeSelectorRequirement("zone", "In", List.of("z1"))), List.of())),
            List.of(PREFERRED),
            Map.of());
    PodSpec spec =
        PodSpec.of(List.of(Container.of("agent", "agent:1")))
            .withTolerations(List.of(userNotReady, otherEffect, custom))
            .withAffinity(new Affinity(nodeAffinity, ANTI_AFFINITY));
    DaemonSet ds = Fixtures.daemonSet(AGENT).spec(spec).build();
    Node node = Node.of("n1", Map.of("zone", "z1"));

    Plan plan =
        Planner.plan(
            ds,
            ClusterSnapshot.of(List.of(node), List.of()),
            NOW,
            PlanOptions.DEFAULTS.withCurrentRevisionHash("h1"));

    List<Toleration> tolerations =
        List.of(
            Toleration.exists("node.kubernetes.io/not-ready", "NoExecute"),
            otherEffect,
            custom,
            Toleration.exists("node.kubernetes.io/unreachable", "NoExecute"),
            Toleration.exists("node.kubernetes.io/disk-pressure", "NoSchedule"),
            Toleration.exists("node.kubernetes.io/memory-pressure", "NoSchedule"),
            Toleration.exists("node.kubernetes.io/pid-pressure", "NoSchedule"),
            Toleration.exists("node.kubernetes.io/unschedulable", "NoSchedule"));
    NodeAffinity pinned =
        new NodeAffinity(
            List.of(
                new NodeSelectorTerm(
                    List.of(),
                    List.of(new NodeSelectorRequirement("metadata.name", "In", List.of("n1"))))),
            List.of(PREFERRED),
            Map.of());
    // the spec the controller sends is the stored (defaulted) template's, tolerations and affinity
    // rewritten
    PodSpec stored = Defaults.defaulted(ds).spec().template().spec();
    assertThat(stored.dnsPolicy()).isEqualTo("ClusterFirst");
    Pod expected =
        Fixtures.pod("")
            .namespace("kube-system")
            .uid("")
            .metadata(
                m ->
                    Fixtures.withFinalizers(
                        m.withGenerateName("agent-").withAnnotations(Map.of("note", "kept")),
                        List.of("example.com/cleanup")))
            .labels(
                Map.of(
                    "app", "ds", "controller-revision-hash", "h1", "pod-template-generation", "4"))
            .ownedBy(ds)
            .spec(
                stored
                    .withTolerations(tolerations)
                    .withAffinity(new Affinity(pinned, ANTI_AFFINITY)))
            .noStatus()
            .build();

    assertThat(plan.actions())
        .containsExactly(
            new Action.Create(
                "n1",
                expected,
                1,
                Action.CreateReason.MISSING,
                "Node n1 should run a daemon pod and has none."));
    assertThat(expected.spec().nodeName()).isEmpty();
  }

  /**
   * Upstream's merge returns as soon as it meets a matching toleration equal to the default, and so
   * drops the replacements it made before it: a limited not-ready toleration followed by the
   * unlimited one both stay, the limit included.
   */
  @Test
  void aDefaultAlreadyPresentLeavesEveryMatchingTolerationAsWritten() {
    Toleration limited =
        new Toleration("node.kubernetes.io/not-ready", "Exists", "", "NoExecute", 300L);
    Toleration unlimited = Toleration.exists("node.kubernetes.io/not-ready", "NoExecute");
    Toleration limitedUnreachable =
        new Toleration("node.kubernetes.io/unreachable", "Exists", "", "NoExecute", 60L);
    DaemonSet ds =
        Fixtures.daemonSet(AGENT)
            .spec(
                PodSpec.of(List.of(Container.of("agent", "agent:1")))
                    .withTolerations(List.of(limited, unlimited, limitedUnreachable)))
            .build();

    Plan plan =
        Planner.plan(ds, ClusterSnapshot.of(List.of(Node.of("n1", Map.of())), List.of()), NOW);

    assertThat(plan.creates()).hasSize(1);
    assertThat(plan.creates().get(0).pod().spec().tolerations())
        .containsExactly(
            limited,
            unlimited,
            Toleration.exists("node.kubernetes.io/unreachable", "NoExecute"),
            Toleration.exists("node.kubernetes.io/disk-pressure", "NoSchedule"),
            Toleration.exists("node.kubernetes.io/memory-pressure", "NoSchedule"),
            Toleration.exists("node.kubernetes.io/pid-pressure", "NoSchedule"),
            Toleration.exists("node.kubernetes.io/unschedulable", "NoSchedule"));
  }

  /**
   * Upstream's getPodsPrefix: "name-" while that is a valid generateName (253 characters at most),
   * else the bare name.
   */
  @Test
  void generateNameDropsTheDashOnlyWhenItWouldBeTooLong() {
    for (int length : List.of(252, 253)) {
      String name = "d".repeat(length);
      DaemonSet ds =
          Fixtures.daemonSet(AGENT)
              .spec(PodSpec.of(List.of(Container.of("agent", "agent:1"))))
              .build();
      ds = ds.withMetadata(ds.metadata().withName(name));
      Plan plan =
          Planner.plan(ds, ClusterSnapshot.of(List.of(Node.of("n1", Map.of())), List.of()), NOW);

      assertThat(plan.creates().get(0).pod().metadata().generateName())
          .as("name of %d", length)
          .isEqualTo(length == 252 ? name + "-" : name);
    }
  }

  @Test
  void hostNetworkAddsTheNetworkUnavailableTolerationAndAffinityIsCreatedWhenMissing() {
    DaemonSet ds =
        Fixtures.daemonSet(AGENT)
            .spec(PodSpec.of(List.of(Container.of("agent", "agent:1"))).withHostNetwork(true))
            .build();
    Plan plan =
        Planner.plan(ds, ClusterSnapshot.of(List.of(Node.of("n1", Map.of())), List.of()), NOW);

    Pod pod = plan.creates().get(0).pod();
    assertThat(pod.spec().tolerations())
        .last()
        .isEqualTo(Toleration.exists("node.kubernetes.io/network-unavailable", "NoSchedule"));
    assertThat(pod.spec().tolerations()).hasSize(7);
    assertThat(pod.spec().affinity())
        .isEqualTo(
            new Affinity(
                new NodeAffinity(
                    List.of(
                        new NodeSelectorTerm(
                            List.of(),
                            List.of(
                                new NodeSelectorRequirement(
                                    "metadata.name", "In", List.of("n1"))))),
                    List.of(),
                    Map.of()),
                Map.of()));
    assertThat(plan.hashSource()).isEqualTo(Plan.HashSource.COMPUTED);
    assertThat(pod.metadata().labels())
        .containsEntry("controller-revision-hash", plan.currentHash());
  }

  @Test
  void computedHashIsStableAndFollowsTheTemplate() {
    PodSpec spec = PodSpec.of(List.of(Container.of("agent", "agent:1")));
    String h1 = Revisions.hash(Fixtures.daemonSet(AGENT).spec(spec).build().spec().template());
    assertThat(Revisions.hash(Fixtures.daemonSet(AGENT).spec(spec).build().spec().template()))
        .isEqualTo(h1);
    assertThat(
            Revisions.hash(
                Fixtures.daemonSet(AGENT)
                    .spec(spec.withHostNetwork(true))
                    .build()
                    .spec()
                    .template()))
        .isNotEqualTo(h1);
    assertThat(
            Revisions.hash(
                Fixtures.daemonSet(AGENT)
                    .spec(PodSpec.of(List.of(Container.of("agent", "agent:2"))))
                    .build()
                    .spec()
                    .template()))
        .isNotEqualTo(h1)
        .matches("[bcdfghjklmnpqrstvwxz2456789]{1,10}");
  }

  @Test
  void nullArgumentsThrow() {
    DaemonSet ds = Fixtures.daemonSet(AGENT).spec(PodSpec.EMPTY).build();
    assertThatThrownBy(() -> Planner.plan(null, ClusterSnapshot.EMPTY, NOW))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Planner.plan(ds, null, NOW)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Planner.plan(ds, ClusterSnapshot.EMPTY, null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Planner.plan(ds, ClusterSnapshot.EMPTY, NOW, null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> PlanOptions.DEFAULTS.withBurstReplicas(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
