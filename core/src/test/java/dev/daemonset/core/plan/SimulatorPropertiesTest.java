package dev.daemonset.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.model.Node;
import dev.daemonset.api.model.Pod;
import dev.daemonset.api.plan.ClusterSnapshot;
import dev.daemonset.api.plan.NodeVerdict;
import dev.daemonset.api.plan.Plan;
import dev.daemonset.api.plan.PlanOptions;
import dev.daemonset.api.simulate.NodeSet;
import dev.daemonset.api.simulate.SimulationOptions;
import dev.daemonset.api.simulate.Startup;
import dev.daemonset.api.simulate.Timeline;
import dev.daemonset.core.internal.rollout.Budget;
import dev.daemonset.core.simulate.Simulator;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.LongFunction;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Invariants of the simulator over seeded random clusters (the planner's generator, here because it
 * is package-private) and random assumptions: the controller keeps its budget at every sample, the
 * same seed gives the same timeline, a converged timeline ends with every node that should run the
 * pod on an updated, available one, and a rollout that cannot finish is reported as a stall, never
 * run to the horizon.
 *
 * <p>{@code -Dsimulate.clusters=N} sets how many clusters each property draws (default 150); case
 * {@code i} has seed {@code simulate.seed + i}; a failure names its seed and the shrunk scenario.
 */
class SimulatorPropertiesTest {
  private static final long BASE_SEED = Long.getLong("simulate.seed", 20261207L);
  private static final long CLUSTERS = Long.getLong("simulate.clusters", 150L);
  private static final Instant START = RandomClusters.NOW;

  private static Iterable<RandomCase> cases(LongFunction<RandomCase> generator) {
    return () ->
        LongStream.range(0, CLUSTERS).mapToObj(i -> generator.apply(BASE_SEED + i)).iterator();
  }

  /** A rolled-out cluster: every pod old and Ready, some nodes without one. */
  private static RandomCase rolledOut(long seed) {
    RandomClusters r = new RandomClusters(seed ^ 0x51AB1E5L);
    DaemonSet ds = r.daemonSet(false);
    List<Node> nodes = r.nodes(1 + r.random().nextInt(20));
    List<Pod> pods = r.pods(nodes, false).stream().map(SimulatorPropertiesTest::old).toList();
    return new RandomCase(seed, ds, nodes, pods, PlanOptions.DEFAULTS);
  }

  private static Pod old(Pod p) {
    Map<String, String> labels = new HashMap<>(p.metadata().labels());
    labels.put(Pods.HASH_LABEL, "old");
    return p.withMetadata(p.metadata().withLabels(labels));
  }

  /** Random assumptions drawn from the case's seed. */
  private static SimulationOptions options(long seed, boolean failures) {
    Random r = new Random(seed);
    SimulationOptions o =
        SimulationOptions.DEFAULTS
            .withSeed(seed)
            .withShutdown(Duration.ofSeconds(r.nextInt(8)))
            .withStartup(
                r.nextBoolean()
                    ? Startup.fixed(Duration.ofSeconds(5 + r.nextInt(40)))
                    : Startup.uniform(Duration.ofSeconds(5), Duration.ofSeconds(5 + r.nextInt(60))))
            .withHorizon(Duration.ofHours(24));
    if (r.nextBoolean()) {
      o = o.withPlanOptions(o.planOptions().withMode(PlanOptions.Mode.FULL_SYNC));
    }
    if (failures) {
      o = o.withNeverReady(NodeSet.share(r.nextDouble() * 0.3));
      if (r.nextBoolean()) {
        o =
            o.withCrashLoop(
                NodeSet.share(r.nextDouble() * 0.3), Duration.ofSeconds(1 + r.nextInt(20)));
      }
    }
    return o;
  }

  private static Timeline simulate(RandomCase c, SimulationOptions o) {
    return Simulator.simulate(c.ds(), ClusterSnapshot.of(c.nodes(), c.pods()), START, o);
  }

  @Test
  void theBudgetHoldsAtEverySample() {
    RandomCase.check(
        cases(SimulatorPropertiesTest::rolledOut),
        c -> {
          Timeline t = simulate(c, options(c.seed(), true));
          assertThat(t.budgetViolations()).as("seed %d: budget violations", c.seed()).isEmpty();
          int before = unavailableAtStart(c);
          for (Timeline.Sample s : t.samples()) {
            assertThat(s.unavailable())
                .as(
                    "seed %d at %s: unavailable (allowed %d, at the start %d)",
                    c.seed(), s.at(), s.allowed(), before)
                .isLessThanOrEqualTo(Math.max(s.allowed(), before));
          }
        });
  }

  @Test
  void theSameSeedGivesTheSameTimeline() {
    RandomCase.check(
        cases(SimulatorPropertiesTest::rolledOut),
        c -> {
          SimulationOptions o = options(c.seed(), true);
          Timeline first = simulate(c, o);
          Timeline second = simulate(c, o);
          assertThat(second).as("seed %d", c.seed()).isEqualTo(first);
          // and the snapshot's order does not matter
          Timeline reversed =
              Simulator.simulate(
                  c.ds(), ClusterSnapshot.of(reversed(c.nodes()), reversed(c.pods())), START, o);
          assertThat(reversed.events())
              .as("seed %d: reversed input", c.seed())
              .isEqualTo(first.events());
        });
  }

  @Test
  void aConvergedTimelineEndsWithEveryEligibleNodeOnTheNewRevision() {
    RandomCase.check(
        cases(SimulatorPropertiesTest::rolledOut),
        c -> {
          Timeline t = simulate(c, options(c.seed(), false));
          if (Budget.isOnDelete(c.ds())) {
            assertThat(t.outcome())
                .as("seed %d: OnDelete", c.seed())
                .isIn(Timeline.Outcome.CONVERGED, Timeline.Outcome.STALLED);
            return;
          }
          assertThat(t.outcome())
              .as("seed %d: no failures injected", c.seed())
              .isEqualTo(Timeline.Outcome.CONVERGED);
          Instant end = START.plus(t.duration()).plus(Duration.ofHours(1));
          Plan last = Planner.plan(c.ds(), t.finalState(), end);
          for (NodeVerdict v : last.verdicts()) {
            if (v.verdict() != NodeVerdict.Verdict.SHOULD_RUN) {
              continue;
            }
            List<Pod> onNode =
                t.finalState().pods().stream()
                    .filter(p -> v.daemonPods().contains(p.metadata().name()))
                    .toList();
            assertThat(onNode)
                .as("seed %d: node %s runs an updated, available pod", c.seed(), v.node())
                .anyMatch(
                    p ->
                        t.currentHash().equals(p.metadata().labels().get(Pods.HASH_LABEL))
                            && !p.metadata().isDeleting()
                            && Pods.isAvailable(p, c.ds().spec().minReadySeconds(), end));
          }
          assertThat(last.actions()).as("seed %d: nothing left to do", c.seed()).isEmpty();
        });
  }

  @Test
  void aRolloutThatCannotFinishStallsInsteadOfLooping() {
    RandomCase.check(
        cases(SimulatorPropertiesTest::rolledOut),
        c -> {
          Timeline t = simulate(c, options(c.seed(), true));
          assertThat(t.outcome()).as("seed %d", c.seed()).isNotEqualTo(Timeline.Outcome.HORIZON);
          if (t.stalled()) {
            assertThat(
                    t.stall().nodes().isEmpty()
                        && t.stall().cause() != Timeline.Cause.STOPPED
                        && t.stall().cause() != Timeline.Cause.INVALID_BUDGET)
                .as("seed %d: a stall names its nodes: %s", c.seed(), t.stall())
                .isFalse();
          }
        });
  }

  private static <T> List<T> reversed(List<T> list) {
    List<T> copy = new java.util.ArrayList<>(list);
    java.util.Collections.reverse(copy);
    return copy;
  }

  /** Nodes that should run the pod and have no available one at the start. */
  private static int unavailableAtStart(RandomCase c) {
    Plan p = Planner.plan(c.ds(), ClusterSnapshot.of(c.nodes(), c.pods()), START, c.options());
    int desired = p.status().desiredNumberScheduled();
    int available = 0;
    for (NodeVerdict v : p.verdicts()) {
      if (v.verdict().shouldRun()
          && c.pods().stream()
              .anyMatch(
                  pod ->
                      v.daemonPods().contains(pod.metadata().name())
                          && !pod.metadata().isDeleting()
                          && Pods.isAvailable(pod, c.ds().spec().minReadySeconds(), START))) {
        available++;
      }
    }
    return desired - available;
  }
}
