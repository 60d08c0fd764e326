package dev.daemonset.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.ReadResult;
import dev.daemonset.api.model.Container;
import dev.daemonset.api.model.ControllerRevision;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.model.Node;
import dev.daemonset.api.model.Pod;
import dev.daemonset.api.model.PodSpec;
import dev.daemonset.api.model.Taint;
import dev.daemonset.api.plan.ClusterSnapshot;
import dev.daemonset.api.plan.NodeVerdict;
import dev.daemonset.api.plan.Plan;
import dev.daemonset.core.Fixtures;
import dev.daemonset.core.read.ManifestReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A snapshot with two objects under one name still plans the same whatever the input order. */
class DuplicateObjectsTest {
  static final Instant NOW = Instant.parse("2026-01-01T01:00:00Z");

  static final DaemonSet DS =
      Fixtures.daemonSet(CreatedPodTest.AGENT)
          .spec(PodSpec.of(List.of(Container.of("agent", "agent:1"))))
          .build();

  @Test
  void twoNodesWithOneNameGiveOnePlanInEitherOrder() {
    Node plain = Node.of("n1", Map.of());
    Node tainted = plain.withTaints(List.of(new Taint("dedicated", "db", "NoExecute", null)));
    Plan one = Planner.plan(DS, ClusterSnapshot.of(List.of(plain, tainted), List.of()), NOW);
    Plan other = Planner.plan(DS, ClusterSnapshot.of(List.of(tainted, plain), List.of()), NOW);

    assertThat(one).isEqualTo(other);
    assertThat(one.verdicts()).hasSize(1);
    assertThat(one.notices())
        .extracting(Plan.Notice::code)
        .containsExactly(Plan.NoticeCode.DUPLICATE_NODE);
    assertThat(one.notices().get(0).message())
        .isEqualTo(
            "Node n1 appears 2 times in the snapshot; the plan uses one of them, chosen by content.");
  }

  @Test
  void ofTwoNodesWithOneNameTheOneGreatestByContentIsUsed() {
    // The untainted node's canonical JSON sorts after the tainted one's (its empty spec closes
    // with '}' where the other goes on with "taints"), so it is the copy planned, in either order.
    Node plain = Node.of("n1", Map.of());
    Node tainted = plain.withTaints(List.of(new Taint("dedicated", "db", "NoExecute", null)));
    assertThat(CanonicalJson.compareByContent(plain, tainted)).isPositive();
    for (List<Node> nodes : List.of(List.of(plain, tainted), List.of(tainted, plain))) {
      Plan plan = Planner.plan(DS, ClusterSnapshot.of(nodes, List.of()), NOW);
      assertThat(plan.verdicts())
          .singleElement()
          .satisfies(
              v -> {
                assertThat(v.verdict()).isEqualTo(NodeVerdict.Verdict.SHOULD_RUN);
                assertThat(v.failures()).isEmpty();
              });
      assertThat(plan.actions())
          .singleElement()
          .satisfies(a -> assertThat(a.node()).isEqualTo("n1"));
    }
  }

  @Test
  void everyCopyOfANodeIsCounted() {
    Node plain = Node.of("n1", Map.of());
    List<Node> nodes =
        List.of(
            plain,
            Node.of("n1", Map.of("zone", "z1")),
            Node.of("n1", Map.of("zone", "z2")),
            Node.of("n2", Map.of()));
    Plan plan = Planner.plan(DS, ClusterSnapshot.of(nodes, List.of()), NOW);

    assertThat(plan.notices())
        .containsExactly(
            new Plan.Notice(
                Plan.NoticeCode.DUPLICATE_NODE,
                "Node n1 appears 3 times in the snapshot; the plan uses one of them, chosen by content."));
    assertThat(plan.verdicts()).extracting(NodeVerdict::node).containsExactly("n1", "n2");
  }

  @Test
  void twoPodsWithOneNameAndUidGiveOnePlanInEitherOrder() {
    Fixtures.PodBuilder p =
        Fixtures.pod("p")
            .namespace("kube-system")
            .uid("u")
            .labels(DS.spec().template().metadata().labels())
            .ownedBy(DS)
            .createdAt(NOW.minusSeconds(60))
            .spec(DS.spec().template().spec())
            .on("n1");
    Pod ready = p.ready(true, NOW).build();
    Pod notReady = p.ready(false, NOW).build();
    Plan one =
        Planner.plan(
            DS,
            ClusterSnapshot.of(List.of(Node.of("n1", Map.of())), List.of(ready, notReady)),
            NOW);
    Plan other =
        Planner.plan(
            DS,
            ClusterSnapshot.of(List.of(Node.of("n1", Map.of())), List.of(notReady, ready)),
            NOW);
    assertThat(one).isEqualTo(other);
    assertThat(one.verdicts())
        .extracting(NodeVerdict::daemonPods)
        .containsExactly(List.of("p", "p"));
  }

  @Test
  void twoRevisionsWithOneNameAndNumberGiveOneHashInEitherOrder() {
    String revision =
        """
        apiVersion: apps/v1
        kind: ControllerRevision
        metadata:
          name: ds-rev
          namespace: default
          labels: {app: ds, controller-revision-hash: %s}
        revision: 3
        data: {spec: {template: {metadata: {labels: {app: ds}}, spec: {containers: [{name: c, image: 'img:1'}]}, $patch: replace}}}
        """;
    DaemonSet ds =
        Fixtures.daemonSet("ds").spec(PodSpec.of(List.of(Container.of("c", "img:1")))).build();
    List<ControllerRevision> revisions = new ArrayList<>();
    for (String hash : List.of("h1", "h2")) {
      ReadResult read = ManifestReader.defaults().read(revision.replace("%s", hash));
      revisions.addAll(read.controllerRevisions());
    }
    assertThat(revisions).hasSize(2);
    for (List<ControllerRevision> order :
        List.of(revisions, List.of(revisions.get(1), revisions.get(0)))) {
      Plan plan = Planner.plan(ds, new ClusterSnapshot(List.of(), List.of(), order), NOW);
      assertThat(plan.hashSource()).isEqualTo(Plan.HashSource.CONTROLLER_REVISION);
      assertThat(plan.currentHash()).as("the greater hash, in either order").isEqualTo("h2");
    }
  }
}
