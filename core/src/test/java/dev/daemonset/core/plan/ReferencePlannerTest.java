package dev.daemonset.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.model.Node;
import dev.daemonset.api.model.Pod;
import dev.daemonset.api.plan.Action;
import dev.daemonset.api.plan.ClusterSnapshot;
import dev.daemonset.api.plan.NodeVerdict;
import dev.daemonset.api.plan.Plan;
import dev.daemonset.api.plan.PlanOptions;
import dev.daemonset.core.Seeds;
import dev.daemonset.core.defaults.Defaults;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The engine against the naive {@link ReferencePlanner}, plan for plan, on seeded random clusters
 * (messy ones: orphans, pods of other controllers, deleting, failed, succeeded and unready pods,
 * duplicates, pods on vanished nodes, every update strategy), with the fast paths on and off: the
 * verdict of every node, the pods created (by node) and the pods deleted (by name) agree.
 *
 * <p>The engine runs in {@link PlanOptions.Mode#LIVE} (upstream's order within one sync), with a
 * burst large enough never to defer, and without pod-GC deletes (not the DaemonSet controller's
 * work). {@code -Dreference.seed=N} and {@code -Dreference.clusters=N} (default 4,000) repeat or
 * widen a run.
 */
@ExtendWith(Seeds.class)
class ReferencePlannerTest {
  private static final long SEED = Long.getLong("reference.seed", 20261207L);
  private static final int CLUSTERS = Integer.getInteger("reference.clusters", 4_000);
  private static final PlanOptions OPTIONS =
      PlanOptions.DEFAULTS
          .withCurrentRevisionHash("new")
          .withMode(PlanOptions.Mode.LIVE)
          .withBurstReplicas(100_000)
          .withPlanPodsOnVanishedNodes(false);

  @Test
  void theEngineAgreesWithTheReferenceOnRandomClusters() {
    Seeds.use(SEED, "-Dreference.seed=" + SEED);
    int creates = 0;
    int deletes = 0;
    for (int i = 0; i < CLUSTERS; i++) {
      long seed = SEED + i;
      RandomClusters r = new RandomClusters(seed);
      DaemonSet ds = r.daemonSet(false);
      List<Node> nodes = r.nodes(1 + r.random().nextInt(25));
      List<Pod> pods = r.pods(nodes, true);
      ReferencePlanner.Result expected =
          ReferencePlanner.sync(Defaults.defaulted(ds), nodes, pods, "new", RandomClusters.NOW);
      for (FastPaths fast : FastPaths.both()) {
        Plan plan =
            Planner.plan(ds, ClusterSnapshot.of(nodes, pods), RandomClusters.NOW, OPTIONS, fast);
        String what = "cluster seed " + seed + ", " + fast;
        assertThat(verdicts(plan)).as(what + ": verdicts").isEqualTo(expected.verdicts());
        assertThat(createdNodes(plan))
            .as(what + ": creates")
            .containsExactlyInAnyOrderElementsOf(expected.creates());
        assertThat(deletedPods(plan))
            .as(what + ": deletes")
            .containsExactlyInAnyOrderElementsOf(expected.deletes());
      }
      creates += expected.creates().size();
      deletes += expected.deletes().size();
    }
    // the clusters exercise both halves of a sync, not only empty plans
    assertThat(creates).isGreaterThan(CLUSTERS);
    assertThat(deletes).isGreaterThan(CLUSTERS / 2);
  }

  private static Map<String, List<Boolean>> verdicts(Plan plan) {
    Map<String, List<Boolean>> out = new TreeMap<>();
    for (NodeVerdict v : plan.verdicts()) {
      out.put(
          v.node(),
          switch (v.verdict()) {
            case SHOULD_RUN -> List.of(true, true);
            case MAY_KEEP_RUNNING -> List.of(false, true);
            case MUST_NOT_RUN -> List.of(false, false);
          });
    }
    return out;
  }

  private static List<String> createdNodes(Plan plan) {
    List<String> out = new ArrayList<>();
    for (Action a : all(plan)) {
      if (a instanceof Action.Create c) {
        out.add(c.node());
      }
    }
    return out;
  }

  private static List<String> deletedPods(Plan plan) {
    List<String> out = new ArrayList<>();
    for (Action a : all(plan)) {
      if (a instanceof Action.Delete d) {
        out.add(d.podName());
      }
    }
    return out;
  }

  private static List<Action> all(Plan plan) {
    List<Action> all = new ArrayList<>(plan.actions());
    all.addAll(plan.deferred());
    return all;
  }
}
