package dev.daemonset.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.daemonset.api.model.Affinity;
import dev.daemonset.api.model.Condition;
import dev.daemonset.api.model.Container;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.model.DaemonSetUpdateStrategy;
import dev.daemonset.api.model.IntOrString;
import dev.daemonset.api.model.LabelSelector;
import dev.daemonset.api.model.Node;
import dev.daemonset.api.model.NodeAffinity;
import dev.daemonset.api.model.NodeSelectorRequirement;
import dev.daemonset.api.model.NodeSelectorTerm;
import dev.daemonset.api.model.OwnerReference;
import dev.daemonset.api.model.Pod;
import dev.daemonset.api.model.PodSpec;
import dev.daemonset.api.model.RollingUpdateDaemonSet;
import dev.daemonset.api.model.Taint;
import dev.daemonset.api.model.Toleration;
import dev.daemonset.api.plan.Action;
import dev.daemonset.api.plan.ClusterSnapshot;
import dev.daemonset.api.plan.NodeVerdict;
import dev.daemonset.api.plan.Plan;
import dev.daemonset.api.plan.PlanOptions;
import dev.daemonset.core.Fixtures;
import dev.daemonset.core.plan.Planner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A structured random cluster → {@link Planner#plan}: a DaemonSet with any strategy, budgets (valid
 * or not), node selector, affinity and tolerations; 0–40 nodes with any labels, taints, cordons and
 * conditions; pods in any state (any phase, ready or not, terminating, owned by us, by another
 * controller or by nobody, bound by name or by affinity, old or new hash, on vanished nodes); any
 * planning options. Names of nodes and pods are unique, as in a real cluster.
 *
 * <p>Allowed outcomes: a {@link Plan}. Not allowed: any exception, StackOverflowError,
 * OutOfMemoryError or hang; and a plan that breaks one of the invariants cheap to check here:
 *
 * <ul>
 *   <li>planning again, and planning the same objects in reverse order, gives an equal plan;
 *   <li>one verdict per node, in name order;
 *   <li>creates only on nodes with verdict SHOULD_RUN, at most one per node, on nodes that exist;
 *   <li>deletes only pods of the snapshot, each at most once;
 *   <li>a stopped plan (empty selector, DaemonSet being deleted) has no actions;
 *   <li>no status count is negative, and none counts more nodes than there are.
 * </ul>
 *
 * <p>Regression inputs in {@code PlanFuzzTestInputs/plan}, each a bug found here and fixed:
 *
 * <ul>
 *   <li>{@code deferred-delete-planned-again-by-rolling-update}: with a small burst, manage
 *       deferred a misscheduled delete and the rolling update, planned on a state without it,
 *       deleted the same pod again as outdated (minimal case: {@code
 *       PlannerHostileInputTest.aDeleteDeferredByTheBurstIsNotPlannedAgainByTheRollingUpdate}).
 * </ul>
 *
 * <p>Replays {@code PlanFuzzTestInputs/plan} in every test run; fuzz it with {@code mvn -B -o
 * -Pfuzz -pl core -am test -Dfuzz.target=PlanFuzzTest -Dfuzz.duration=30m}.
 */
class PlanFuzzTest {
  private static final Instant NOW = Instant.parse("2026-01-01T01:00:00Z");
  private static final String HASH_LABEL = "controller-revision-hash";
  private static final OwnerReference OURS =
      OwnerReference.controllerOf("DaemonSet", "apps/v1", "ds", "ds-uid");
  private static final OwnerReference THEIRS =
      OwnerReference.controllerOf("ReplicaSet", "apps/v1", "rs", "rs-uid");
  private static final String[] KEYS = {
    "zone",
    "role",
    "app",
    "dedicated",
    "node.kubernetes.io/not-ready",
    "node.kubernetes.io/unschedulable",
    "node.kubernetes.io/network-unavailable",
    "",
    "a/b"
  };
  private static final String[] VALUES = {
    "z1", "z2", "infra", "ds", "", "1", "-1", "99999999999999999999", "x y"
  };
  private static final String[] EFFECTS = {
    "NoSchedule", "NoExecute", "PreferNoSchedule", "", "Bogus"
  };
  private static final String[] OPERATORS = {
    "In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt", "Equal", ""
  };
  private static final String[] PHASES = {
    "Running", "Pending", "Succeeded", "Failed", "Unknown", ""
  };
  private static final String[] BUDGETS = {
    "0",
    "1",
    "2",
    "-1",
    "0%",
    "25%",
    "50%",
    "100%",
    "150%",
    "-5%",
    "%",
    "abc",
    "99999999999%",
    "2147483647"
  };

  @FuzzTest(maxDuration = FuzzDuration.MAX)
  void plan(FuzzedDataProvider data) {
    DaemonSet ds = daemonSet(data);
    List<Node> nodes = nodes(data);
    List<Pod> pods = pods(data, nodes);
    PlanOptions options = options(data, nodes);

    Plan plan = Planner.plan(ds, ClusterSnapshot.of(nodes, pods), NOW, options);

    assertThat(Planner.plan(ds, ClusterSnapshot.of(nodes, pods), NOW, options)).isEqualTo(plan);
    assertThat(Planner.plan(ds, ClusterSnapshot.of(reversed(nodes), reversed(pods)), NOW, options))
        .as("the same objects in reverse order")
        .isEqualTo(plan);
    assertThat(plan.verdicts())
        .extracting(NodeVerdict::node)
        .containsExactlyElementsOf(nodes.stream().map(Node::name).sorted().toList());
    Map<String, NodeVerdict.Verdict> verdicts = new HashMap<>();
    plan.verdicts().forEach(v -> verdicts.put(v.node(), v.verdict()));
    Set<String> podNames = new HashSet<>();
    pods.forEach(p -> podNames.add(p.metadata().name()));
    Set<String> createdOn = new HashSet<>();
    Set<String> deleted = new HashSet<>();
    List<Action> all = new ArrayList<>(plan.actions());
    all.addAll(plan.deferred());
    for (Action a : all) {
      if (a instanceof Action.Create c) {
        assertThat(verdicts.get(c.node()))
            .as("create on %s", c.node())
            .isEqualTo(NodeVerdict.Verdict.SHOULD_RUN);
        assertThat(createdOn.add(c.node())).as("one create on %s", c.node()).isTrue();
      } else {
        String pod = ((Action.Delete) a).podName();
        assertThat(podNames).as("deleted pod").contains(pod);
        assertThat(deleted.add(pod)).as("%s deleted once: %s%nfrom %s", pod, all, pods).isTrue();
      }
    }
    if (plan.isStopped()) {
      assertThat(all).isEmpty();
    }
    for (var status : List.of(plan.status(), plan.projectedStatus())) {
      if (plan.isStopped()) {
        continue;
      }
      assertThat(status.desiredNumberScheduled()).isBetween(0, nodes.size());
      assertThat(status.currentNumberScheduled()).isBetween(0, nodes.size());
      assertThat(status.numberMisscheduled()).isBetween(0, nodes.size());
      assertThat(status.numberReady()).isBetween(0, nodes.size());
      assertThat(status.numberAvailable()).isBetween(0, nodes.size());
      assertThat(status.updatedNumberScheduled()).isBetween(0, nodes.size());
      assertThat(status.numberUnavailable()).isBetween(0, nodes.size());
    }
  }

  private static <T> List<T> reversed(List<T> list) {
    List<T> out = new ArrayList<>(list);
    java.util.Collections.reverse(out);
    return out;
  }

  private static String pick(FuzzedDataProvider data, String[] choices) {
    return choices[data.consumeInt(0, choices.length - 1)];
  }

  private static IntOrString budget(FuzzedDataProvider data) {
    String b = pick(data, BUDGETS);
    return b.matches("-?\\d+") && b.length() < 11
        ? IntOrString.of(Integer.parseInt(b))
        : IntOrString.of(b);
  }

  private static DaemonSet daemonSet(FuzzedDataProvider data) {
    PodSpec spec = PodSpec.of(List.of(Container.of("c", "img")));
    if (data.consumeBoolean()) {
      spec = spec.withNodeSelector(Map.of(pick(data, KEYS), pick(data, VALUES)));
    }
    if (data.consumeBoolean()) {
      spec =
          spec.withAffinity(
              new Affinity(new NodeAffinity(List.of(term(data)), List.of(), Map.of()), Map.of()));
    }
    List<Toleration> tolerations = new ArrayList<>();
    for (int i = data.consumeInt(0, 3); i > 0; i--) {
      tolerations.add(
          new Toleration(
              pick(data, KEYS),
              pick(data, OPERATORS),
              pick(data, VALUES),
              pick(data, EFFECTS),
              data.consumeBoolean() ? null : (long) data.consumeInt(-5, 600)));
    }
    spec = spec.withTolerations(tolerations).withHostNetwork(data.consumeBoolean());
    DaemonSetUpdateStrategy strategy =
        switch (data.consumeInt(0, 3)) {
          case 0 -> new DaemonSetUpdateStrategy("OnDelete", null);
          case 1 -> new DaemonSetUpdateStrategy("RollingUpdate", null);
          case 2 -> new DaemonSetUpdateStrategy("Weird", null);
          default ->
              new DaemonSetUpdateStrategy(
                  "RollingUpdate",
                  new RollingUpdateDaemonSet(
                      budget(data), data.consumeBoolean() ? null : budget(data)));
        };
    Map<String, String> selector = data.consumeInt(0, 9) == 0 ? Map.of() : Map.of("app", "ds");
    // drawn in the order they always were, so that the corpus keeps meaning what it meant
    Fixtures.DaemonSetBuilder ds =
        Fixtures.daemonSet("ds")
            .selector(LabelSelector.of(selector))
            .spec(spec)
            .strategy(strategy)
            .minReadySeconds(data.consumeInt(-10, 120));
    int generation = data.consumeInt(0, 5);
    ds.metadata(m -> m.withGeneration(generation));
    if (data.consumeInt(0, 19) == 0) {
      ds.metadata(m -> m.withDeletionTimestamp(NOW.minusSeconds(1)));
    }
    return ds.build();
  }

  private static NodeSelectorTerm term(FuzzedDataProvider data) {
    List<NodeSelectorRequirement> expressions = new ArrayList<>();
    for (int i = data.consumeInt(0, 2); i > 0; i--) {
      List<String> values = new ArrayList<>();
      for (int j = data.consumeInt(0, 2); j > 0; j--) {
        values.add(pick(data, VALUES));
      }
      expressions.add(new NodeSelectorRequirement(pick(data, KEYS), pick(data, OPERATORS), values));
    }
    List<NodeSelectorRequirement> fields =
        data.consumeBoolean()
            ? List.of()
            : List.of(
                new NodeSelectorRequirement(
                    data.consumeBoolean() ? "metadata.name" : "spec.x",
                    pick(data, OPERATORS),
                    List.of("node-" + data.consumeInt(0, 9))));
    return new NodeSelectorTerm(expressions, fields);
  }

  private static List<Node> nodes(FuzzedDataProvider data) {
    List<Node> nodes = new ArrayList<>();
    for (int i = data.consumeInt(0, 40); i > 0; i--) {
      Map<String, String> labels = new TreeMap<>();
      for (int j = data.consumeInt(0, 3); j > 0; j--) {
        labels.put(pick(data, KEYS), pick(data, VALUES));
      }
      List<Taint> taints = new ArrayList<>();
      for (int j = data.consumeInt(0, 2); j > 0; j--) {
        taints.add(new Taint(pick(data, KEYS), pick(data, VALUES), pick(data, EFFECTS), null));
      }
      Node node =
          Fixtures.newNode("node-" + nodes.size(), labels)
              .withTaints(taints)
              .withUnschedulable(data.consumeBoolean());
      nodes.add(node);
    }
    return nodes;
  }

  private static List<Pod> pods(FuzzedDataProvider data, List<Node> nodes) {
    List<Pod> pods = new ArrayList<>();
    for (int i = data.consumeInt(0, 60); i > 0; i--) {
      int target = data.consumeInt(0, nodes.size() + 1);
      String node =
          target < nodes.size() ? nodes.get(target).name() : "vanished-" + (target - nodes.size());
      String name = "p" + pods.size();
      Map<String, String> labels = new TreeMap<>();
      if (data.consumeInt(0, 9) != 0) {
        labels.put("app", "ds");
      }
      if (data.consumeInt(0, 4) != 0) {
        labels.put(HASH_LABEL, data.consumeBoolean() ? "new" : "old");
      }
      Fixtures.PodBuilder pod =
          Fixtures.pod(name).labels(labels).createdAt(NOW.minusSeconds(data.consumeInt(-60, 3600)));
      switch (data.consumeInt(0, 5)) {
        case 0 -> pod.owners(List.of());
        case 1 -> pod.owners(List.of(THEIRS));
        case 2 -> pod.owners(List.of(OURS)).deletedAt(NOW.minusSeconds(data.consumeInt(0, 60)));
        default -> pod.owners(List.of(OURS));
      }
      PodSpec spec = Fixtures.SPEC;
      spec =
          data.consumeInt(0, 9) == 0
              ? spec.withAffinity(
                  new Affinity(
                      new NodeAffinity(
                          List.of(
                              new NodeSelectorTerm(
                                  List.of(),
                                  List.of(
                                      new NodeSelectorRequirement(
                                          "metadata.name", "In", List.of(node))))),
                          List.of(),
                          Map.of()),
                      Map.of()))
              : spec.withNodeName(node);
      String phase = pick(data, PHASES);
      List<Condition> conditions =
          data.consumeBoolean()
              ? List.of(
                  Condition.of(
                      "Ready",
                      data.consumeBoolean() ? "True" : "False",
                      NOW.minusSeconds(data.consumeInt(-5, 120))))
              : List.of();
      pods.add(pod.spec(spec).phase(phase).conditions(conditions).build());
    }
    return pods;
  }

  private static PlanOptions options(FuzzedDataProvider data, List<Node> nodes) {
    Set<String> backoff = new HashSet<>();
    for (int i = data.consumeInt(0, 2); i > 0 && !nodes.isEmpty(); i--) {
      backoff.add(nodes.get(data.consumeInt(0, nodes.size() - 1)).name());
    }
    return PlanOptions.DEFAULTS
        .withMode(data.consumeBoolean() ? PlanOptions.Mode.FULL_SYNC : PlanOptions.Mode.LIVE)
        .withBurstReplicas(data.consumeInt(1, 300))
        .withNodesInBackoff(backoff)
        .withPlanPodsOnVanishedNodes(data.consumeBoolean())
        .withComparisonTolerations(data.consumeBoolean())
        .withCurrentRevisionHash(data.consumeBoolean() ? "new" : null);
  }
}
