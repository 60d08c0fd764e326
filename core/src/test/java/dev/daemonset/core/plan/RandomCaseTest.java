package dev.daemonset.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daemonset.api.model.Node;
import dev.daemonset.api.model.Pod;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Shrinking keeps exactly what a failure needs, and the report names seed and scenario. */
class RandomCaseTest {

  /** Fails while node-002 is present and at least two pods are bound to it. */
  @SuppressWarnings("UnnecessaryLambda") // one property, passed to shrink and to failure alike
  private static final Consumer<RandomCase> CROWDED_NODE_2 =
      c -> {
        boolean node = c.nodes().stream().anyMatch(n -> n.name().equals("node-002"));
        long pods = c.pods().stream().filter(p -> p.spec().nodeName().equals("node-002")).count();
        assertThat(node && pods >= 2).as("node-002 crowded").isFalse();
      };

  private static RandomCase crowded() {
    RandomClusters r = new RandomClusters(7);
    List<Node> nodes = r.nodes(6);
    List<Pod> pods = new java.util.ArrayList<>(r.pods(nodes, false));
    pods.add(r.pod("node-002", false));
    pods.add(r.pod("node-002", false));
    return new RandomCase(
        7, r.daemonSet(false), nodes, pods, dev.daemonset.api.plan.PlanOptions.DEFAULTS);
  }

  @Test
  void shrinksToTheNodeAndTwoPods() {
    RandomCase minimal = crowded().shrink(CROWDED_NODE_2);
    assertThat(minimal.nodes()).extracting(Node::name).containsExactly("node-002");
    assertThat(minimal.pods())
        .hasSize(2)
        .allSatisfy(p -> assertThat(p.spec().nodeName()).isEqualTo("node-002"));
  }

  @Test
  void failureNamesTheSeedAndPrintsTheMinimalScenario() {
    RandomCase c = crowded();
    List<String> podNames =
        c.shrink(CROWDED_NODE_2).pods().stream().map(p -> p.metadata().name()).toList();
    assertThatThrownBy(() -> RandomCase.check(List.of(c), CROWDED_NODE_2))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "seed 7 fails (rerun this property with -Dplan.seed=7 -Dplan.clusters=1): [node-002 crowded]")
        .hasMessageContaining("shrunk to seed 7, 1 nodes, 2 pods\n")
        .hasMessageContaining("\n  node node-002 ")
        .hasMessageContaining("\n  pod " + podNames.get(0) + " on node-002 ")
        .hasMessageContaining("\n  pod " + podNames.get(1) + " on node-002 ")
        .hasMessageContaining("which fails with: [node-002 crowded]");
  }

  @Test
  void passingCasesAreNotReported() {
    RandomCase c = crowded();
    RandomCase.check(List.of(c.withPods(List.of())), CROWDED_NODE_2);
    assertThat(c.withPods(List.of()).shrink(CROWDED_NODE_2).pods()).isEmpty();
  }
}
