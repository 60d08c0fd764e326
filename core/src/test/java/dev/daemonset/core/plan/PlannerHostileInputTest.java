package dev.daemonset.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.daemonset.api.model.Affinity;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.model.DaemonSetUpdateStrategy;
import dev.daemonset.api.model.IntOrString;
import dev.daemonset.api.model.Node;
import dev.daemonset.api.model.NodeAffinity;
import dev.daemonset.api.model.NodeSelectorRequirement;
import dev.daemonset.api.model.NodeSelectorTerm;
import dev.daemonset.api.model.Pod;
import dev.daemonset.api.model.PodSpec;
import dev.daemonset.api.model.PodStatus;
import dev.daemonset.api.model.RollingUpdateDaemonSet;
import dev.daemonset.api.model.Taint;
import dev.daemonset.api.model.Toleration;
import dev.daemonset.api.plan.Action;
import dev.daemonset.api.plan.ClusterSnapshot;
import dev.daemonset.api.plan.Plan;
import dev.daemonset.api.plan.PlanOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Manifests the API server would reject still get a plan, never an exception: odd operators,
 * budgets, integers and values become failed predicates, notices or no-ops. Seeded; the seed is in
 * every assertion message.
 */
class PlannerHostileInputTest {
  private static final List<String> OPERATORS =
      List.of("In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt", "", "in", "Equal");
  private static final List<String> VALUES =
      List.of("", "1", "-1", "+2", "007", "99999999999999999999", "a b", "z1", "x".repeat(70));
  private static final List<IntOrString> BUDGETS =
      List.of(
          IntOrString.of(-3),
          IntOrString.of(0),
          IntOrString.of(Integer.MAX_VALUE),
          IntOrString.of("abc"),
          IntOrString.of("-50%"),
          IntOrString.of("150%"),
          IntOrString.of("%"),
          IntOrString.of("99999999999%"),
          IntOrString.of("10"));

  @Test
  void oddInputsGivePlansNotExceptions() {
    for (int i = 0; i < 1500; i++) {
      long seed = 31_000L + i;
      RandomClusters r = new RandomClusters(seed);
      DaemonSet ds = r.daemonSet(false);
      PodSpec spec =
          ds.spec()
              .template()
              .spec()
              .withAffinity(
                  new Affinity(
                      new NodeAffinity(List.of(term(r), term(r)), List.of(), Map.of()), Map.of()))
              .withTolerations(
                  List.of(
                      new Toleration(
                          r.pick(VALUES),
                          r.pick(OPERATORS),
                          r.pick(VALUES),
                          r.pick(List.of("", "NoExecute", "Bogus")),
                          -5L)));
      ds =
          ds.withSpec(
              ds.spec()
                  .withTemplate(ds.spec().template().withSpec(spec))
                  .withUpdateStrategy(
                      new DaemonSetUpdateStrategy(
                          r.pick(List.of("", "RollingUpdate", "OnDelete", "Weird")),
                          r.random().nextBoolean()
                              ? null
                              : new RollingUpdateDaemonSet(r.pick(BUDGETS), r.pick(BUDGETS))))
                  .withMinReadySeconds(r.random().nextBoolean() ? -10 : Integer.MAX_VALUE));
      List<Node> nodes = new ArrayList<>();
      for (Node n : r.nodes(1 + r.random().nextInt(8))) {
        nodes.add(
            Node.of(n.name(), Map.of("zone", r.pick(VALUES), "n", r.pick(VALUES)))
                .withTaints(
                    List.of(
                        new Taint(
                            r.pick(VALUES),
                            r.pick(VALUES),
                            r.pick(List.of("NoSchedule", "NoExecute", "", "Other")),
                            null))));
      }
      List<Pod> pods = r.pods(nodes, true);
      PlanOptions options =
          PlanOptions.DEFAULTS.withComparisonTolerations(r.random().nextBoolean());
      Plan plan = Planner.plan(ds, ClusterSnapshot.of(nodes, pods), RandomClusters.NOW, options);
      assertThat(plan.verdicts()).as("seed %d", seed).hasSize(nodes.size());
      assertThat(Planner.plan(ds, ClusterSnapshot.of(nodes, pods), RandomClusters.NOW, options))
          .as("seed %d", seed)
          .isEqualTo(plan);
    }
  }

  /**
   * Found by PlanFuzzTest: with a burst of 1, manage deferred the second misscheduled delete, and
   * the rolling update, planned on a state without the deferred work, deleted that pod again as
   * outdated.
   */
  @Test
  void aDeleteDeferredByTheBurstIsNotPlannedAgainByTheRollingUpdate() {
    DaemonSet ds = new RandomClusters(1).daemonSet(true);
    ds =
        ds.withSpec(
            ds.spec()
                .withTemplate(
                    ds.spec()
                        .template()
                        .withSpec(
                            ds.spec().template().spec().withNodeSelector(Map.of("zone", "z9"))))
                .withUpdateStrategy(
                    new DaemonSetUpdateStrategy(
                        "RollingUpdate", new RollingUpdateDaemonSet(IntOrString.of(1), null))));
    List<Node> nodes = List.of(Node.of("node-0", Map.of()), Node.of("node-1", Map.of()));
    RandomClusters r = new RandomClusters(2);
    List<Pod> pods = new ArrayList<>();
    for (Node n : nodes) {
      Pod p = r.pod(n.name(), false);
      pods.add(
          p.withMetadata(p.metadata().withLabels(Map.of("app", "ds", Pods.HASH_LABEL, "old")))
              .withStatus(new PodStatus("Running", List.of(), Map.of())));
    }
    Plan plan =
        Planner.plan(
            ds,
            ClusterSnapshot.of(nodes, pods),
            RandomClusters.NOW,
            PlanOptions.DEFAULTS.withBurstReplicas(1).withCurrentRevisionHash("new"));
    assertThat(plan.actions())
        .extracting(a -> ((Action.Delete) a).podName(), a -> ((Action.Delete) a).reason())
        .containsExactly(tuple("p0", Action.DeleteReason.MISSCHEDULED));
    assertThat(plan.deferred())
        .extracting(a -> ((Action.Delete) a).podName(), a -> ((Action.Delete) a).reason())
        .containsExactly(tuple("p1", Action.DeleteReason.MISSCHEDULED));
  }

  private static NodeSelectorTerm term(RandomClusters r) {
    List<NodeSelectorRequirement> expressions = new ArrayList<>();
    for (int i = r.random().nextInt(3); i > 0; i--) {
      List<String> values =
          r.random().nextBoolean() ? List.of() : List.of(r.pick(VALUES), r.pick(VALUES));
      expressions.add(
          new NodeSelectorRequirement(
              r.pick(List.of("zone", "n", "", "bad key/", "a/b/c")), r.pick(OPERATORS), values));
    }
    List<NodeSelectorRequirement> fields =
        r.random().nextBoolean()
            ? List.of()
            : List.of(
                new NodeSelectorRequirement(
                    r.pick(List.of("metadata.name", "spec.x")),
                    r.pick(OPERATORS),
                    List.of(r.pick(VALUES))));
    return new NodeSelectorTerm(expressions, fields);
  }
}
