package dev.daemonset.core.simulate;

import static dev.daemonset.core.simulate.Clusters.START;
import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.model.Node;
import dev.daemonset.api.plan.ClusterSnapshot;
import dev.daemonset.api.plan.PlanOptions;
import dev.daemonset.api.simulate.NodeEvent;
import dev.daemonset.api.simulate.NodeSet;
import dev.daemonset.api.simulate.SimulationOptions;
import dev.daemonset.api.simulate.Startup;
import dev.daemonset.api.simulate.Timeline;
import dev.daemonset.api.simulate.Timeline.Event;
import dev.daemonset.core.Fixtures;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Rollouts whose timing can be worked out by hand, asserted exactly. With N nodes, a budget of k,
 * startup s, minReadySeconds m, shutdown 0 and sync interval I, a wave of the non-surge path takes
 * s + m + I: the rolling update deletes k old pods in one sync, and {@code manage} creates their
 * replacements in the next one, an interval later, once the deletes are observed; the next wave
 * starts when the last of them is available. The rollout converges after ⌈N/k⌉ waves: ⌈N/k⌉·(s + m
 * + I). With surge in live mode the same holds ({@code manage} deletes the replaced old pods and
 * the rolling update starts the next surge an interval later); in full-sync mode both happen in one
 * sync, and a rollout takes ⌈N/k⌉·(s + m) plus the one interval it takes to see the last old pods
 * gone.
 */
class AnalyticTest {
  private static final SimulationOptions BASE =
      SimulationOptions.DEFAULTS.withShutdown(Duration.ZERO);

  static Timeline simulate(DaemonSet ds, ClusterSnapshot snapshot, SimulationOptions options) {
    return Simulator.simulate(ds, snapshot, START, options);
  }

  @ParameterizedTest(name = "N={0} maxUnavailable={1} s={2} m={3}")
  @CsvSource({
    "10, 2, 30, 10",
    "10, 3, 30, 0",
    "100, 10, 40, 10",
    "7, 7, 20, 5",
    "1, 1, 30, 0",
  })
  void nonSurgeTakesWavesOfStartupPlusMinReadyPlusOneInterval(int n, int k, int s, int m) {
    Timeline t =
        simulate(
            Fixtures.daemonSet(Clusters.AGENT)
                .strategy(Clusters.maxUnavailable(k))
                .minReadySeconds(m)
                .build(),
            Clusters.rolledOut(n),
            BASE.withStartup(Startup.fixed(Duration.ofSeconds(s))));
    long waves = (n + k - 1L) / k;
    assertThat(t.outcome()).isEqualTo(Timeline.Outcome.CONVERGED);
    assertThat(t.duration()).isEqualTo(Duration.ofSeconds(waves * (s + m + 1)));
    assertThat(t.maxUnavailableObserved()).isEqualTo(Math.min(k, n));
    assertThat(t.maxUnavailableAllowed()).isEqualTo(k);
    assertThat(t.keptBudget()).isTrue();
    assertThat(count(t, Timeline.Type.DELETE)).isEqualTo(n);
    assertThat(count(t, Timeline.Type.CREATE)).isEqualTo(n);
    assertThat(deletesByTime(t).values()).allMatch(c -> c <= k);
  }

  @Test
  void percentageBudgetsRoundUp() {
    // 10% of 25 nodes is 2.5: upstream rounds maxUnavailable up, to 3; 9 waves
    Timeline t =
        simulate(
            Fixtures.daemonSet(Clusters.AGENT).strategy(Clusters.maxUnavailable("10%")).build(),
            Clusters.rolledOut(25),
            BASE.withStartup(Startup.fixed(Duration.ofSeconds(30))));
    assertThat(t.maxUnavailableAllowed()).isEqualTo(3);
    assertThat(t.duration()).isEqualTo(Duration.ofSeconds(9 * 31));
  }

  @Test
  void shutdownLongerThanTheIntervalReplacesIt() {
    // the replacement is created once the old pod is gone: a wave is s + m + shutdown
    Timeline t =
        simulate(
            Fixtures.daemonSet(Clusters.AGENT)
                .strategy(Clusters.maxUnavailable(2))
                .minReadySeconds(10)
                .build(),
            Clusters.rolledOut(10),
            BASE.withShutdown(Duration.ofSeconds(5))
                .withStartup(Startup.fixed(Duration.ofSeconds(30))));
    assertThat(t.duration()).isEqualTo(Duration.ofSeconds(5 * (30 + 10 + 5)));
  }

  @ParameterizedTest(name = "N={0} maxSurge={1} s={2} m={3}")
  @CsvSource({"10, 2, 30, 10", "9, 3, 20, 0", "50, 5, 40, 10"})
  void surgeLiveTakesWavesOfStartupPlusMinReadyPlusOneInterval(int n, int k, int s, int m) {
    Timeline t =
        simulate(
            Fixtures.daemonSet(Clusters.AGENT)
                .strategy(Clusters.maxSurge(k))
                .minReadySeconds(m)
                .build(),
            Clusters.rolledOut(n),
            BASE.withStartup(Startup.fixed(Duration.ofSeconds(s))));
    long waves = (n + k - 1L) / k;
    assertThat(t.outcome()).isEqualTo(Timeline.Outcome.CONVERGED);
    assertThat(t.duration()).isEqualTo(Duration.ofSeconds(waves * (s + m + 1)));
    assertThat(t.maxUnavailableObserved()).isZero();
    assertThat(t.keptBudget()).isTrue();
    assertThat(reasons(t, Timeline.Type.CREATE)).containsOnlyKeys("SURGE");
    assertThat(reasons(t, Timeline.Type.DELETE)).containsOnlyKeys("SURGE_OLD_REPLACED");
  }

  @ParameterizedTest(name = "N={0} maxSurge={1} s={2} m={3}")
  @CsvSource({"10, 2, 30, 10", "9, 3, 20, 0"})
  void surgeFullSyncTakesWavesOfStartupPlusMinReady(int n, int k, int s, int m) {
    Timeline t =
        simulate(
            Fixtures.daemonSet(Clusters.AGENT)
                .strategy(Clusters.maxSurge(k))
                .minReadySeconds(m)
                .build(),
            Clusters.rolledOut(n),
            BASE.withStartup(Startup.fixed(Duration.ofSeconds(s)))
                .withPlanOptions(PlanOptions.DEFAULTS));
    long waves = (n + k - 1L) / k;
    assertThat(t.duration()).isEqualTo(Duration.ofSeconds(waves * (s + m) + 1));
  }

  @Test
  void onDeleteNeverRolls() {
    Timeline t =
        simulate(
            Fixtures.daemonSet(Clusters.AGENT).strategy(Clusters.ON_DELETE).build(),
            Clusters.rolledOut(5),
            BASE);
    assertThat(t.outcome()).isEqualTo(Timeline.Outcome.STALLED);
    assertThat(t.stall().cause()).isEqualTo(Timeline.Cause.ON_DELETE);
    assertThat(t.stall().at()).isEqualTo(Duration.ZERO);
    assertThat(t.stall().nodes()).hasSize(5);
    assertThat(t.events()).isEmpty();
    assertThat(t.waves()).isZero();
  }

  @Test
  void aNeverReadyNodeStallsAMaxUnavailableOneRolloutAtThatNode() {
    Timeline t =
        simulate(
            Fixtures.daemonSet(Clusters.AGENT).strategy(Clusters.maxUnavailable(1)).build(),
            Clusters.rolledOut(5),
            BASE.withStartup(Startup.fixed(Duration.ofSeconds(30)))
                .withNeverReady(NodeSet.names(Set.of("node-002"))));
    assertThat(t.outcome()).isEqualTo(Timeline.Outcome.STALLED);
    Timeline.Stall stall = t.stall();
    assertThat(stall.cause()).isEqualTo(Timeline.Cause.NEVER_AVAILABLE);
    assertThat(stall.nodes()).containsExactly("node-002");
    assertThat(stall.message()).contains("maxUnavailable budget of 1");
    // node-000 and node-001 take a wave of s + I each; node-002's pod is created at 2·31 + 1 and
    // the sync that observes it, an interval later, finds nothing left to do
    assertThat(stall.at()).isEqualTo(Duration.ofSeconds(2 * 31 + 2));
    assertThat(nodesOf(t, Timeline.Type.DELETE))
        .containsExactly("node-000", "node-001", "node-002");
    assertThat(nodesOf(t, Timeline.Type.READY)).containsExactly("node-000", "node-001");
  }

  @Test
  void crashLoopingPodsStallTheRolloutInsteadOfLooping() {
    Timeline t =
        simulate(
            Fixtures.daemonSet(Clusters.AGENT).strategy(Clusters.maxUnavailable(1)).build(),
            Clusters.rolledOut(3),
            BASE.withStartup(Startup.fixed(Duration.ofSeconds(30)))
                .withCrashLoop(NodeSet.names(Set.of("node-001")), Duration.ofSeconds(10)));
    assertThat(t.outcome()).isEqualTo(Timeline.Outcome.STALLED);
    assertThat(t.stall().cause()).isEqualTo(Timeline.Cause.CRASH_LOOP);
    assertThat(t.stall().nodes()).containsExactly("node-001");
    assertThat(count(t, Timeline.Type.FAILED)).isGreaterThanOrEqualTo(1);
    assertThat(t.duration()).isLessThan(Duration.ofHours(1));
  }

  @Test
  void aNodeAddedMidRolloutGetsAnUpdatedPod() {
    Node added = Node.of("node-new", Map.of("zone", "z9"));
    Timeline t =
        simulate(
            Fixtures.daemonSet(Clusters.AGENT).strategy(Clusters.maxUnavailable(1)).build(),
            Clusters.rolledOut(4),
            BASE.withStartup(Startup.fixed(Duration.ofSeconds(30)))
                .withNodeEvents(List.of(new NodeEvent.Added(Duration.ofSeconds(50), added))));
    assertThat(t.outcome()).isEqualTo(Timeline.Outcome.CONVERGED);
    Event create =
        t.events().stream()
            .filter(e -> e.type() == Timeline.Type.CREATE && e.node().equals("node-new"))
            .findFirst()
            .orElseThrow();
    assertThat(create.at()).isEqualTo(Duration.ofSeconds(50));
    assertThat(create.reason()).isEqualTo("MISSING");
    assertThat(
            t.finalState().pods().stream()
                .filter(p -> p.spec().nodeName().equals("node-new"))
                .map(p -> p.metadata().labels().get("controller-revision-hash")))
        .containsExactly(t.currentHash());
    // The added node's pod, created at 50 s and Ready at 80 s, holds the budget of 1 meanwhile:
    // node-001's pod is Ready at 62 s, but node-002 waits until 80 s; then two waves of s + I.
    assertThat(nodeDeletes(t))
        .containsExactly(
            Map.entry("node-000", Duration.ZERO),
            Map.entry("node-001", Duration.ofSeconds(31)),
            Map.entry("node-002", Duration.ofSeconds(80)),
            Map.entry("node-003", Duration.ofSeconds(111)));
    assertThat(t.duration()).isEqualTo(Duration.ofSeconds(142));
  }

  @Test
  void aNodeRemovedMidRolloutLosesItsPodsToPodGc() {
    Timeline t =
        simulate(
            Fixtures.daemonSet(Clusters.AGENT).strategy(Clusters.maxUnavailable(1)).build(),
            Clusters.rolledOut(4),
            BASE.withStartup(Startup.fixed(Duration.ofSeconds(30)))
                .withNodeEvents(
                    List.of(new NodeEvent.Removed(Duration.ofSeconds(10), "node-003"))));
    assertThat(t.outcome()).isEqualTo(Timeline.Outcome.CONVERGED);
    assertThat(reasons(t, Timeline.Type.DELETE)).containsEntry("NODE_GONE", 1L);
    assertThat(t.duration()).isEqualTo(Duration.ofSeconds(3 * 31));
  }

  @Test
  void burstLimitsCreate250PodsPerSync() {
    List<Node> nodes = Clusters.nodes(600);
    Timeline t =
        simulate(
            Fixtures.daemonSet(Clusters.AGENT).strategy(Clusters.maxUnavailable(1)).build(),
            ClusterSnapshot.of(nodes, List.of()),
            BASE.withStartup(Startup.fixed(Duration.ofSeconds(30))));
    Map<Duration, Long> creates =
        t.events().stream()
            .filter(e -> e.type() == Timeline.Type.CREATE)
            .collect(Collectors.groupingBy(Event::at, TreeMap::new, Collectors.counting()));
    assertThat(creates)
        .containsExactly(
            Map.entry(Duration.ZERO, 250L),
            Map.entry(Duration.ofSeconds(1), 250L),
            Map.entry(Duration.ofSeconds(2), 100L));
    // the last pods are Ready 30 s after their create
    assertThat(t.duration()).isEqualTo(Duration.ofSeconds(32));
  }

  @Test
  void burstLimitsCapTheRollingUpdatesDeletes() {
    Timeline t =
        simulate(
            Fixtures.daemonSet(Clusters.AGENT).strategy(Clusters.maxUnavailable("100%")).build(),
            Clusters.rolledOut(600),
            BASE.withStartup(Startup.fixed(Duration.ofSeconds(30))));
    Map<Duration, Long> deletes = deletesByTime(t);
    assertThat(deletes.values()).allMatch(c -> c <= 250);
    assertThat(deletes.get(Duration.ZERO)).isEqualTo(250L);
    assertThat(t.outcome()).isEqualTo(Timeline.Outcome.CONVERGED);
  }

  @Test
  void nothingToDoConvergesAtOnce() {
    DaemonSet ds = Fixtures.daemonSet(Clusters.AGENT).strategy(Clusters.maxUnavailable(1)).build();
    Timeline first = simulate(ds, Clusters.rolledOut(3), BASE);
    Timeline again =
        Simulator.simulate(
            ds, first.finalState(), START.plus(first.duration()).plusSeconds(60), BASE);
    assertThat(again.outcome()).isEqualTo(Timeline.Outcome.CONVERGED);
    assertThat(again.duration()).isEqualTo(Duration.ZERO);
    assertThat(again.waves()).isZero();
  }

  static long count(Timeline t, Timeline.Type type) {
    return t.events().stream().filter(e -> e.type() == type).count();
  }

  static Map<String, Long> reasons(Timeline t, Timeline.Type type) {
    return t.events().stream()
        .filter(e -> e.type() == type)
        .collect(Collectors.groupingBy(Event::reason, TreeMap::new, Collectors.counting()));
  }

  static List<String> nodesOf(Timeline t, Timeline.Type type) {
    return t.events().stream().filter(e -> e.type() == type).map(Event::node).toList();
  }

  static Map<String, Duration> nodeDeletes(Timeline t) {
    return t.events().stream()
        .filter(e -> e.type() == Timeline.Type.DELETE)
        .collect(Collectors.toMap(Event::node, Event::at, (a, b) -> a, TreeMap::new));
  }

  static Map<Duration, Long> deletesByTime(Timeline t) {
    return t.events().stream()
        .filter(e -> e.type() == Timeline.Type.DELETE)
        .collect(Collectors.groupingBy(Event::at, TreeMap::new, Collectors.counting()));
  }
}
