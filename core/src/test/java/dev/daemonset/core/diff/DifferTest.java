package dev.daemonset.core.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.ReadResult;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.model.JsonValue;
import dev.daemonset.api.model.Node;
import dev.daemonset.api.plan.ClusterSnapshot;
import dev.daemonset.api.simulate.Impact;
import dev.daemonset.api.simulate.Impact.NodeChange;
import dev.daemonset.api.simulate.Timeline;
import dev.daemonset.core.TestData;
import dev.daemonset.core.read.ManifestReader;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DifferTest {
  private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

  private static final String BASE =
      """
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: agent
        namespace: default
      spec:
        selector:
          matchLabels: {app: agent}
        template:
          metadata:
            labels: {app: agent}
          spec:
            %s
            containers:
            - name: agent
              image: %s
              resources:
                requests: {cpu: %s}
      """;

  static DaemonSet ds(String image, String cpu, String extraSpec) {
    return read(String.format(Locale.ROOT, BASE, extraSpec, image, cpu)).daemonSets().get(0);
  }

  static ReadResult read(String yaml) {
    ReadResult r = ManifestReader.defaults().read(yaml);
    assertThat(r.diagnostics().stream().filter(d -> d.isError())).isEmpty();
    return r;
  }

  @Test
  void representationalChangesAreNoChange() {
    Impact impact = Differ.diff(ds("agent:1", "\"0.5\"", ""), ds("agent:1", "500m", ""));
    assertThat(impact.changes()).isEmpty();
    assertThat(impact.rollout()).isFalse();
    assertThat(impact.hashAfter()).isEqualTo(impact.hashBefore());
  }

  @Test
  void writingADefaultIsNoChange() {
    DaemonSet plain = ds("agent:1", "50m", "");
    DaemonSet explicit =
        read(String.format(
                    Locale.ROOT,
                    BASE,
                    "restartPolicy: Always\n      dnsPolicy: ClusterFirst",
                    "agent:1",
                    "50m")
                .replace(
                    "  template:",
                    "  updateStrategy:\n    type: RollingUpdate\n    rollingUpdate: {maxUnavailable: 1}\n  revisionHistoryLimit: 10\n  template:"))
            .daemonSets()
            .get(0);
    Impact impact = Differ.diff(plain, explicit);
    assertThat(impact.changes()).isEmpty();
    assertThat(impact.rollout()).isFalse();
  }

  @Test
  void aTemplateChangeStartsARollout() {
    Impact impact = Differ.diff(ds("agent:1", "50m", ""), ds("agent:2", "100m", ""));
    assertThat(impact.rollout()).isTrue();
    assertThat(impact.changes())
        .extracting(Impact.FieldChange::path)
        .containsExactly(
            "spec.template.spec.containers[0].image",
            "spec.template.spec.containers[0].resources.requests.cpu");
    assertThat(impact.changes().get(0).before()).isEqualTo(JsonValue.of("agent:1"));
    assertThat(impact.changes().get(0).after()).isEqualTo(JsonValue.of("agent:2"));
  }

  @Test
  void aRenamedContainerIsOneRemovedAndOneAddedFieldByField() {
    DaemonSet before = ds("agent:1", "100m", "");
    DaemonSet after =
        read(String.format(Locale.ROOT, BASE, "", "agent:1", "100m")
                .replace("- name: agent", "- name: sidecar"))
            .daemonSets()
            .get(0);
    Impact impact = Differ.diff(before, after);
    // both sides itemised the same way: no whole-object "{...} -> (none)" for the removed one
    assertThat(impact.changes())
        .extracting(Impact.FieldChange::path)
        .contains(
            "spec.template.spec.containers[0].name", "spec.template.spec.containers[0].image");
    assertThat(impact.changes())
        .allSatisfy(
            c ->
                assertThat(
                        (c.before() == null || c.before().kind() != JsonValue.Kind.OBJECT)
                            && (c.after() == null || c.after().kind() != JsonValue.Kind.OBJECT))
                    .as(c.path())
                    .isTrue());
    assertThat(impact.changes())
        .filteredOn(c -> c.path().equals("spec.template.spec.containers[0].name"))
        .extracting(c -> c.before(), c -> c.after())
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(null, JsonValue.of("sidecar")),
            org.assertj.core.groups.Tuple.tuple(JsonValue.of("agent"), null));
  }

  @Test
  void metadataAndStrategyChangesStartNoRollout() {
    DaemonSet before = ds("agent:1", "50m", "");
    DaemonSet after =
        before
            .withMetadata(before.metadata().withLabels(Map.of("team", "infra")))
            .withSpec(before.spec().withMinReadySeconds(30));
    Impact impact = Differ.diff(before, after);
    assertThat(impact.rollout()).isFalse();
    assertThat(impact.changes())
        .extracting(Impact.FieldChange::path)
        .containsExactly("metadata.labels.team", "spec.minReadySeconds");
  }

  @Test
  void aNodeSelectorChangeListsExactlyTheNodesGainedAndLost() {
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      nodes.add(Node.of("node-" + i, Map.of("zone", "z" + (i % 3))));
    }
    DaemonSet before = ds("agent:1", "50m", "nodeSelector: {zone: z0}");
    DaemonSet after = ds("agent:1", "50m", "nodeSelector: {zone: z1}");
    // the cluster as the old DaemonSet left it: a pod on every z0 node
    ClusterSnapshot empty = ClusterSnapshot.of(nodes, List.of());
    Timeline installed = dev.daemonset.core.simulate.Simulator.simulate(before, empty, NOW);
    Impact impact = Differ.diff(before, after, installed.finalState(), NOW.plusSeconds(3600));
    assertThat(impact.rollout()).isTrue();
    assertThat(impact.nodesGained())
        .extracting(NodeChange::node)
        .containsExactly("node-1", "node-4", "node-7");
    assertThat(impact.nodesGained()).allMatch(n -> n.reason() == Impact.Reason.NOW_ELIGIBLE);
    assertThat(impact.nodesLost())
        .extracting(NodeChange::node)
        .containsExactly("node-0", "node-3", "node-6");
    assertThat(impact.nodesLost()).allMatch(n -> n.reason() == Impact.Reason.NOT_ELIGIBLE);
    assertThat(impact.nodesLost().get(0).message()).contains("zone=z1");
    assertThat(impact.podsReplaced())
        .as(impact.toString())
        .isZero(); // the z0 pods are deleted, not replaced
    assertThat(impact.estimatedRollout()).isNotNull();
  }

  @Test
  void theRolloutEmptiesTheNodeWhoseNoScheduleTaintIsNotTolerated() throws IOException {
    ReadResult manifest =
        ManifestReader.defaults()
            .read(Files.readAllBytes(TestData.path("examples/node-agent.yaml")));
    ReadResult cluster =
        ManifestReader.defaults().read(Files.readAllBytes(TestData.path("examples/cluster.yaml")));
    DaemonSet before = manifest.daemonSets().get(0);
    DaemonSet after =
        before.withSpec(
            before
                .spec()
                .withTemplate(
                    before
                        .spec()
                        .template()
                        .withSpec(
                            before
                                .spec()
                                .template()
                                .spec()
                                .withContainers(
                                    List.of(
                                        before
                                            .spec()
                                            .template()
                                            .spec()
                                            .containers()
                                            .get(0)
                                            .withImage(
                                                "registry.example.com/node-agent:1.9.0"))))));
    Impact impact =
        Differ.diff(
            before,
            after,
            new ClusterSnapshot(cluster.nodes(), cluster.pods(), cluster.controllerRevisions()),
            NOW);
    assertThat(impact.rollout()).isTrue();
    assertThat(impact.nodesLost())
        .extracting(NodeChange::node, NodeChange::reason)
        .contains(org.assertj.core.groups.Tuple.tuple("gpu-1", Impact.Reason.EMPTIED_BY_ROLLOUT));
    assertThat(impact.nodesGained()).isEmpty();
    // cp-1, worker-1, -2, -3 and -5: the pods of generation 2 (worker-1, worker-5) are old too,
    // since the server stores the changed template as generation 3
    assertThat(impact.podsReplaced()).isEqualTo(5);
  }
}
