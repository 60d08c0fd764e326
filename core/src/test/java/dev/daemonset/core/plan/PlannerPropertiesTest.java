package dev.daemonset.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.model.Condition;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.model.DaemonSetStatus;
import dev.daemonset.api.model.IntOrString;
import dev.daemonset.api.model.Node;
import dev.daemonset.api.model.Pod;
import dev.daemonset.api.model.PodStatus;
import dev.daemonset.api.plan.Action;
import dev.daemonset.api.plan.ClusterSnapshot;
import dev.daemonset.api.plan.NodeVerdict;
import dev.daemonset.api.plan.Plan;
import dev.daemonset.api.plan.PlanOptions;
import dev.daemonset.core.defaults.Defaults;
import dev.daemonset.core.internal.rollout.Budget;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Invariants of the planner over seeded random clusters: 11,000 in every build (7,000 plans checked
 * in any input order, 2,000 clusters driven to convergence, 1,000 rolling updates checked step by
 * step, 1,000 clusters of several read-ahead batches). Each property runs both ways: the shuffled
 * and reversed inputs are planned with the fast paths off ({@link FastPaths#NONE}) and must give
 * the plan made with them on; the driven clusters alternate between the two.
 *
 * <p>{@code -Dplan.clusters=N} sets the total, for example the long run {@code mvn -B -o -pl core
 * -am test -Dtest=PlannerPropertiesTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dplan.clusters=1000000} (about an hour and a half on one core). Case {@code i} of each property
 * has seed {@code plan.seed + i}; a failing case is shrunk (nodes, then pods, removed one at a time
 * while it still fails) and reported with its seed and the minimal scenario; rerun exactly that
 * case with {@code -Dplan.seed=<seed> -Dplan.clusters=1}.
 */
class PlannerPropertiesTest {
  private static final long BASE_SEED = Long.getLong("plan.seed", 20260101L);
  private static final long CLUSTERS = Long.getLong("plan.clusters", 10_000L);
  private static final PlanOptions OPTIONS = PlanOptions.DEFAULTS.withCurrentRevisionHash("new");

  /** {@code share} tenths of the clusters, seeded from {@code plan.seed}, generated lazily. */
  private static Iterable<RandomCase> cases(int share, LongFunction<RandomCase> generator) {
    long count = Math.max(1, CLUSTERS * share / 10);
    return () ->
        LongStream.range(0, count).mapToObj(i -> generator.apply(BASE_SEED + i)).iterator();
  }

  /**
   * Half of the driven clusters run with the fast paths, half without ({@link FastPaths}); the
   * order properties compare the two on every case.
   */
  private static FastPaths fast(long seed) {
    return (seed & 1) == 0 ? FastPaths.ALL : FastPaths.NONE;
  }

  @Test
  void anyInputOrderGivesTheSamePlanAndCreatesOnlyWhereAllowed() {
    RandomCase.check(
        cases(
            7,
            seed -> {
              RandomClusters r = new RandomClusters(seed);
              DaemonSet ds = r.daemonSet(false);
              List<Node> nodes = r.nodes(1 + r.random().nextInt(25));
              List<Pod> pods = r.pods(nodes, true);
              PlanOptions options =
                  r.random().nextBoolean()
                      ? OPTIONS
                      : OPTIONS.withMode(PlanOptions.Mode.LIVE).withBurstReplicas(3);
              return new RandomCase(seed, ds, nodes, pods, options);
            }),
        c -> {
          Plan plan =
              Planner.plan(
                  c.ds(), ClusterSnapshot.of(c.nodes(), c.pods()), RandomClusters.NOW, c.options());
          Random random = new Random(c.seed());
          List<Node> shuffledNodes = new ArrayList<>(c.nodes());
          List<Pod> shuffledPods = new ArrayList<>(c.pods());
          Collections.shuffle(shuffledNodes, random);
          Collections.shuffle(shuffledPods, random);
          assertThat(
                  Planner.plan(
                      c.ds(),
                      ClusterSnapshot.of(shuffledNodes, shuffledPods),
                      RandomClusters.NOW,
                      c.options(),
                      FastPaths.NONE))
              .as("seed %d: shuffled input, fast paths off", c.seed())
              .isEqualTo(plan);
          checkStep(c.seed(), plan, c.pods());
        });
  }

  /**
   * Snapshots of several {@link ReadAhead} batches, the last one partial: every node of the
   * snapshot gets its verdict, every claimed pod is listed once, in any input order.
   */
  @Test
  void snapshotsOfSeveralReadAheadBatchesArePlannedWhole() {
    RandomCase.check(
        cases(
            1,
            seed -> {
              RandomClusters r = new RandomClusters(seed ^ 0xBA7C4L);
              List<Node> nodes =
                  r.nodes(ReadAhead.BATCH - 1 + r.random().nextInt(3 * ReadAhead.BATCH));
              return new RandomCase(seed, r.daemonSet(false), nodes, r.pods(nodes, true), OPTIONS);
            }),
        c -> {
          Plan plan =
              Planner.plan(
                  c.ds(), ClusterSnapshot.of(c.nodes(), c.pods()), RandomClusters.NOW, c.options());
          assertThat(plan.verdicts())
              .extracting(NodeVerdict::node)
              .as("seed %d: one verdict per node", c.seed())
              .containsExactlyElementsOf(c.nodes().stream().map(Node::name).sorted().toList());
          Set<String> listed = new HashSet<>();
          plan.verdicts().forEach(v -> listed.addAll(v.daemonPods()));
          Set<String> ours = new HashSet<>();
          Ownership ownership = new Ownership(Defaults.defaulted(c.ds()));
          for (Pod p : c.pods()) {
            Ownership.Claim claim = ownership.claim(p);
            boolean kept =
                (claim == Ownership.Claim.OWNED || claim == Ownership.Claim.ADOPTED)
                    && !(p.isTerminal() && p.metadata().isDeleting())
                    && String.valueOf(Ownership.targetNode(p)).startsWith("node-");
            if (kept) {
              ours.add(p.metadata().name());
            }
          }
          assertThat(listed)
              .as("seed %d: the claimed pods on the snapshot's nodes", c.seed())
              .isEqualTo(ours);
          List<Node> reversedNodes = new ArrayList<>(c.nodes());
          List<Pod> reversedPods = new ArrayList<>(c.pods());
          Collections.reverse(reversedNodes);
          Collections.reverse(reversedPods);
          assertThat(
                  Planner.plan(
                      c.ds(),
                      ClusterSnapshot.of(reversedNodes, reversedPods),
                      RandomClusters.NOW,
                      c.options(),
                      FastPaths.NONE))
              .as("seed %d: reversed input, fast paths off", c.seed())
              .isEqualTo(plan);
        });
  }

  @Test
  void applyingThePlanConverges() {
    RandomCase.check(
        cases(
            2,
            seed -> {
              RandomClusters r = new RandomClusters(seed ^ 0x5DEECE66DL);
              DaemonSet ds = r.daemonSet(false);
              List<Node> nodes = r.nodes(1 + r.random().nextInt(20));
              return new RandomCase(seed, ds, nodes, r.pods(nodes, true), OPTIONS);
            }),
        c -> {
          long seed = c.seed();
          DaemonSet ds = c.ds();
          List<Pod> pods = c.pods();
          Random random = new Random(seed);
          Instant now = RandomClusters.NOW;
          Plan plan = null;
          int step = 0;
          for (; step < 150; step++) {
            plan =
                Planner.plan(ds, ClusterSnapshot.of(c.nodes(), pods), now, c.options(), fast(seed));
            checkStep(seed, plan, pods);
            if (plan.actions().isEmpty() && plan.deferred().isEmpty() && settled(pods, ds, now)) {
              break; // no action and nothing left to happen: a plan that waits for availability is
              // not the end
            }
            pods = kubelet(PlanScenarioTest.applied(pods, plan, now, step), now, random, 1.0);
            now = now.plusSeconds(31);
          }
          assertThat(step).as("seed %d: converges", seed).isLessThan(150);
          for (NodeVerdict v : plan.verdicts()) {
            int expected =
                switch (v.verdict()) {
                  case SHOULD_RUN -> 1;
                  case MAY_KEEP_RUNNING -> Math.min(1, v.daemonPods().size());
                  case MUST_NOT_RUN -> 0;
                };
            assertThat(v.daemonPods())
                .as("seed %d: pods on %s once converged", seed, v.node())
                .hasSize(expected);
          }
          int desired = plan.status().desiredNumberScheduled();
          assertThat(plan.status().currentNumberScheduled())
              .as("seed %d: current", seed)
              .isEqualTo(desired);
          assertThat(plan.status().numberAvailable())
              .as("seed %d: available", seed)
              .isEqualTo(desired);
          if (!Budget.isOnDelete(ds)) {
            assertThat(plan.status().updatedNumberScheduled())
                .as("seed %d: updated", seed)
                .isEqualTo(desired);
          }
        });
  }

  @Test
  void rollingUpdateNeverExceedsTheUnavailableBudget() {
    RandomCase.check(
        cases(
            1,
            seed -> {
              RandomClusters r = new RandomClusters(seed ^ 0x2545F4914F6CDD1DL);
              DaemonSet ds = r.daemonSet(true);
              List<Node> nodes = r.nodes(1 + r.random().nextInt(20));
              List<Pod> pods = new ArrayList<>();
              for (Pod p : r.pods(nodes, false)) {
                Map<String, String> labels = new HashMap<>(p.metadata().labels());
                labels.put(Pods.HASH_LABEL, "old");
                boolean ready = r.random().nextInt(8) != 0;
                pods.add(
                    p.withMetadata(p.metadata().withLabels(labels))
                        .withStatus(
                            ready ? p.status() : new PodStatus("Running", List.of(), Map.of())));
              }
              return new RandomCase(seed, ds, nodes, pods, OPTIONS);
            }),
        c -> {
          long seed = c.seed();
          DaemonSet ds = c.ds();
          List<Pod> pods = c.pods();
          Random random = new Random(seed);
          Instant now = RandomClusters.NOW;
          Plan plan = null;
          int step = 0;
          for (; step < 200; step++) {
            plan =
                Planner.plan(ds, ClusterSnapshot.of(c.nodes(), pods), now, c.options(), fast(seed));
            checkStep(seed, plan, pods);
            DaemonSetStatus status = plan.status();
            if (plan.actions().isEmpty()
                && plan.deferred().isEmpty()
                && status.numberUnavailable() == 0
                && status.updatedNumberScheduled() == status.desiredNumberScheduled()) {
              break;
            }
            Set<String> shouldRun = new HashSet<>();
            plan.verdicts().stream()
                .filter(v -> v.verdict() == NodeVerdict.Verdict.SHOULD_RUN)
                .forEach(v -> shouldRun.add(v.node()));
            int budget = budget(ds, shouldRun.size());
            int before = unavailable(pods, shouldRun, ds, now);
            pods = PlanScenarioTest.applied(pods, plan, now, step);
            int after = unavailable(pods, shouldRun, ds, now);
            assertThat(after)
                .as(
                    "seed %d step %d: unavailable nodes (budget %d, before %d)",
                    seed, step, budget, before)
                .isLessThanOrEqualTo(Math.max(budget, before));
            pods = kubelet(pods, now, random, 0.5);
            now = now.plusSeconds(31);
          }
          assertThat(step).as("seed %d: rolling update finishes", seed).isLessThan(200);
          assertThat(plan.status().updatedNumberScheduled())
              .as("seed %d: all updated", seed)
              .isEqualTo(plan.status().desiredNumberScheduled());
        });
  }

  /** Invariants of a single plan against the pods it was planned from. */
  private static void checkStep(long seed, Plan plan, List<Pod> pods) {
    Map<String, NodeVerdict> verdicts = new HashMap<>();
    plan.verdicts().forEach(v -> verdicts.put(v.node(), v));
    Set<String> createdOn = new HashSet<>();
    Set<String> deleted = new HashSet<>();
    for (Action a : concat(plan.actions(), plan.deferred())) {
      if (a instanceof Action.Create c) {
        NodeVerdict v = verdicts.get(c.node());
        assertThat(v.verdict())
            .as("seed %d: create on %s", seed, c.node())
            .isEqualTo(NodeVerdict.Verdict.SHOULD_RUN);
        assertThat(createdOn.add(c.node()))
            .as("seed %d: one create per node (%s)", seed, c.node())
            .isTrue();
        assertThat(c.pod().metadata().labels()).containsEntry(Pods.HASH_LABEL, plan.currentHash());
      } else {
        assertThat(deleted.add(((Action.Delete) a).podName()))
            .as("seed %d: %s deleted once", seed, a)
            .isTrue();
      }
    }
    Map<String, List<Pod>> byNode = new HashMap<>();
    for (Pod p : pods) {
      String node = Ownership.targetNode(p);
      if (node != null && (isOurs(p) || p.metadata().ownerReferences().isEmpty())) {
        byNode.computeIfAbsent(node, k -> new ArrayList<>()).add(p);
      }
    }
    byNode.forEach(
        (node, onNode) -> {
          NodeVerdict v = verdicts.get(node);
          if (v == null) {
            return;
          }
          boolean liveUpdated =
              onNode.stream()
                  .anyMatch(
                      p ->
                          !p.metadata().isDeleting()
                              && !p.isTerminal()
                              && plan.currentHash()
                                  .equals(p.metadata().labels().get(Pods.HASH_LABEL)));
          if (liveUpdated) {
            assertThat(createdOn)
                .as("seed %d: no second new pod on %s", seed, node)
                .doesNotContain(node);
          }
          if (v.verdict() == NodeVerdict.Verdict.SHOULD_RUN && onNode.size() == 1) {
            Pod only = onNode.get(0);
            if (!only.metadata().isDeleting()
                && !only.isTerminal()
                && Pods.isReady(only)
                && plan.currentHash().equals(only.metadata().labels().get(Pods.HASH_LABEL))) {
              assertThat(deleted)
                  .as("seed %d: the only, updated pod on %s stays", seed, node)
                  .doesNotContain(only.metadata().name());
            }
          }
        });
  }

  private static boolean isOurs(Pod p) {
    return p.metadata().ownerReferences().equals(List.of(RandomClusters.OWNER));
  }

  private static List<Action> concat(List<Action> a, List<Action> b) {
    List<Action> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  /** Nodes that should run the pod and have no available one. */
  private static int unavailable(List<Pod> pods, Set<String> shouldRun, DaemonSet ds, Instant now) {
    Set<String> available = new HashSet<>();
    for (Pod p : pods) {
      if (isOurs(p)
          && !p.metadata().isDeleting()
          && Pods.isAvailable(p, ds.spec().minReadySeconds(), now)) {
        available.add(p.spec().nodeName());
      }
    }
    return (int) shouldRun.stream().filter(n -> !available.contains(n)).count();
  }

  /** maxUnavailable as the generator writes it, scaled independently of the engine. */
  private static int budget(DaemonSet ds, int desired) {
    IntOrString mu = ds.spec().updateStrategy().rollingUpdate().maxUnavailable();
    IntOrString ms = ds.spec().updateStrategy().rollingUpdate().maxSurge();
    int surge =
        ms == null
            ? 0
            : ms.isInt()
                ? ms.intValue()
                : (int) Math.ceil(ms.percent().getAsInt() * desired / 100.0);
    int unavailable =
        mu.isInt() ? mu.intValue() : (int) Math.ceil(mu.percent().getAsInt() * desired / 100.0);
    return desired > 0 && surge == 0 && unavailable == 0 ? 1 : unavailable;
  }

  /**
   * True when nothing is left to happen: no pod terminating, starting, unready or not yet
   * available.
   */
  private static boolean settled(List<Pod> pods, DaemonSet ds, Instant now) {
    return pods.stream()
        .allMatch(
            p ->
                !p.metadata().isDeleting()
                    && (p.isTerminal() || Pods.isAvailable(p, ds.spec().minReadySeconds(), now)));
  }

  /**
   * The cluster moving on: terminating pods finish, and each pending or unready pod becomes Ready
   * now with probability {@code p}.
   */
  private static List<Pod> kubelet(List<Pod> pods, Instant now, Random random, double p) {
    List<Pod> out = new ArrayList<>();
    for (Pod pod : pods) {
      if (pod.metadata().isDeleting()) {
        continue;
      }
      if (!pod.isTerminal() && !Pods.isReady(pod) && random.nextDouble() < p) {
        pod =
            pod.withStatus(
                new PodStatus("Running", List.of(Condition.of("Ready", "True", now)), Map.of()));
      }
      out.add(pod);
    }
    return out;
  }
}
