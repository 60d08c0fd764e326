package dev.daemonset.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.model.Affinity;
import dev.daemonset.api.model.ContainerPort;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.model.DaemonSetUpdateStrategy;
import dev.daemonset.api.model.IntOrString;
import dev.daemonset.api.model.Node;
import dev.daemonset.api.model.NodeAffinity;
import dev.daemonset.api.model.NodeSelectorRequirement;
import dev.daemonset.api.model.NodeSelectorTerm;
import dev.daemonset.api.model.Pod;
import dev.daemonset.api.model.PodSpec;
import dev.daemonset.api.model.RollingUpdateDaemonSet;
import dev.daemonset.api.plan.ClusterSnapshot;
import dev.daemonset.api.plan.NodeVerdict.Verdict;
import dev.daemonset.api.plan.Plan;
import dev.daemonset.core.Fixtures;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cases of upstream's TestNodeShouldRunDaemonPod (daemon_controller_test.go), each under both
 * update strategies as upstream runs them: resources and host ports are the scheduler's business
 * (B4f), a template nodeName, nodeSelector or required affinity decides, cordoning does not (B7).
 */
class NodeShouldRunTableTest {
  private static final Map<String, String> DS_LABELS =
      Map.of("name", "simple-daemon", "type", "production");
  private static final Map<String, String> DS_LABELS_2 =
      Map.of("name", "simple-daemon", "type", "test");

  static Stream<Arguments> cases() {
    PodSpec requests50 = resources("50M");
    // a pod of no controller already on the node, using host port 666 (upstream's podsOnNode)
    Fixtures.PodBuilder other = Fixtures.pod("other").uid("").on("test-node").noStatus();
    ContainerPort port666 = new ContainerPort("", 0, 666, "", "");
    Pod usingPort1M = other.spec(Fixtures.podSpec(container("1M").ports(port666).build())).build();
    Pod usingPort50M =
        other.spec(Fixtures.podSpec(container("50M").ports(port666).build())).build();
    PodSpec hostPort =
        PodSpec.of(
            List.of(
                Fixtures.newContainer("foo", "bar")
                    .ports(List.of(new ContainerPort("", 0, 666, "", "")))
                    .build()));
    return Stream.of(
        Arguments.of("ShouldRunDaemonPod", requests50, false, List.of(), Verdict.SHOULD_RUN),
        Arguments.of(
            "InsufficientResourceError", resources("200M"), false, List.of(), Verdict.SHOULD_RUN),
        Arguments.of(
            "ErrPodNotMatchHostName",
            requests50.withNodeName("other-node"),
            false,
            List.of(),
            Verdict.MUST_NOT_RUN),
        Arguments.of(
            "ErrPodNotFitsHostPorts", hostPort, false, List.of(usingPort1M), Verdict.SHOULD_RUN),
        Arguments.of(
            "InsufficientResourceError with pods",
            resources("100M"),
            false,
            List.of(usingPort50M),
            Verdict.SHOULD_RUN),
        Arguments.of(
            "ShouldRunDaemonPod with pods",
            requests50,
            false,
            List.of(usingPort50M),
            Verdict.SHOULD_RUN),
        Arguments.of(
            "ErrNodeSelectorNotMatch",
            PodSpec.EMPTY.withNodeSelector(DS_LABELS_2),
            false,
            List.of(),
            Verdict.MUST_NOT_RUN),
        Arguments.of(
            "ShouldRunDaemonPod nodeSelector",
            PodSpec.EMPTY.withNodeSelector(DS_LABELS),
            false,
            List.of(),
            Verdict.SHOULD_RUN),
        Arguments.of(
            "ErrPodAffinityNotMatch",
            PodSpec.EMPTY.withAffinity(typeIn("test")),
            false,
            List.of(),
            Verdict.MUST_NOT_RUN),
        Arguments.of(
            "ShouldRunDaemonPod affinity",
            PodSpec.EMPTY.withAffinity(typeIn("production")),
            false,
            List.of(),
            Verdict.SHOULD_RUN),
        Arguments.of(
            "ShouldRunDaemonPodOnUnschedulableNode",
            requests50,
            true,
            List.of(),
            Verdict.SHOULD_RUN));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void verdictAsUpstream(
      String name, PodSpec spec, boolean unschedulable, List<Pod> podsOnNode, Verdict expected) {
    Node node = Node.of("test-node", DS_LABELS).withUnschedulable(unschedulable);
    for (DaemonSetUpdateStrategy strategy :
        List.of(
            new DaemonSetUpdateStrategy("OnDelete", null),
            new DaemonSetUpdateStrategy(
                "RollingUpdate", new RollingUpdateDaemonSet(IntOrString.of(1), null)))) {
      DaemonSet ds =
          Fixtures.daemonSet("foo").labels(DS_LABELS).spec(spec).strategy(strategy).build();
      Plan plan =
          Planner.plan(
              ds,
              ClusterSnapshot.of(List.of(node), podsOnNode),
              Instant.parse("2026-01-01T00:00:00Z"));
      assertThat(plan.verdict("test-node").orElseThrow().verdict())
          .as(name + " / " + strategy.type())
          .isEqualTo(expected);
      assertThat(plan.creates())
          .as(name + " / " + strategy.type() + ": creates")
          .hasSize(expected == Verdict.SHOULD_RUN ? 1 : 0);
    }
  }

  private static Fixtures.ContainerBuilder container(String memory) {
    return Fixtures.newContainer("foo", "bar").requests(Map.of("memory", memory, "cpu", "0.5"));
  }

  private static PodSpec resources(String memory) {
    return Fixtures.podSpec(container(memory).build());
  }

  private static Affinity typeIn(String value) {
    return new Affinity(
        new NodeAffinity(
            List.of(
                new NodeSelectorTerm(
                    List.of(new NodeSelectorRequirement("type", "In", List.of(value))), List.of())),
            List.of(),
            Map.of()),
        Map.of());
  }
}
