package dev.daemonset.api.simulate;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.daemonset.api.plan.PlanOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The assumptions a rollout is simulated under: how pods start and stop, where they fail, which
 * nodes come and go, how often the controller syncs, and when to give up. {@link #DEFAULTS} holds a
 * default for every one.
 *
 * <p>The simulated kubelet binds a created pod at once; it becomes Ready after {@link #startup()}
 * and available {@code minReadySeconds} later (the controller syncs again then, as upstream's
 * {@code enqueueDaemonSetAfter} does). A deleted pod is gone after {@link #shutdown()}, capped by
 * the pod's {@code terminationGracePeriodSeconds}. On {@link #neverReady()} nodes new pods never
 * become Ready; on {@link #crashLoop()} nodes they fail {@link #crashAfter()} after their start,
 * and the controller replaces them subject to its failed-pod backoff.
 *
 * <pre>{@code
 * SimulationOptions options = SimulationOptions.DEFAULTS
 *     .withStartup(Startup.uniform(Duration.ofSeconds(20), Duration.ofSeconds(60)))
 *     .withNeverReady(NodeSet.share(0.1))
 *     .withSeed(7);
 * }</pre>
 *
 * @param startup from bound to Ready
 * @param shutdown from the delete to the pod being gone, before the grace-period cap; not negative
 * @param syncInterval events closer together than this coalesce into one sync, as the controller's
 *     work queue does; positive
 * @param horizon the simulation stops here if it has neither converged nor stalled; positive
 * @param seed drives every random draw (uniform startup, shares of nodes)
 * @param neverReady nodes on which new pods never become Ready
 * @param crashLoop nodes on which new pods fail {@code crashAfter} after they start
 * @param crashAfter how long a crash-looping pod runs before it fails; not negative
 * @param nodeEvents nodes joining or leaving, sorted by time (then node name)
 * @param planOptions the options of every sync's plan; {@link PlanOptions.Mode#LIVE} by default, as
 *     a live controller behaves; {@code nodesInBackoff} is the simulation's own and ignored
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record SimulationOptions(
    Startup startup,
    Duration shutdown,
    Duration syncInterval,
    Duration horizon,
    long seed,
    NodeSet neverReady,
    NodeSet crashLoop,
    Duration crashAfter,
    List<NodeEvent> nodeEvents,
    PlanOptions planOptions) {

  /**
   * Pods Ready 30 s after their start, gone 5 s after their delete, a 1 s sync interval, a 24 h
   * horizon, seed 1, no failures, no node events, live-mode plans.
   */
  public static final SimulationOptions DEFAULTS =
      new SimulationOptions(
          Startup.fixed(Duration.ofSeconds(30)),
          Duration.ofSeconds(5),
          Duration.ofSeconds(1),
          Duration.ofHours(24),
          1,
          NodeSet.NONE,
          NodeSet.NONE,
          Duration.ofSeconds(10),
          List.of(),
          PlanOptions.DEFAULTS.withMode(PlanOptions.Mode.LIVE));

  public SimulationOptions {
    requireNonNull(startup, "startup");
    requireNotNegative(shutdown, "shutdown");
    requirePositive(syncInterval, "syncInterval");
    requirePositive(horizon, "horizon");
    requireNonNull(neverReady, "neverReady");
    requireNonNull(crashLoop, "crashLoop");
    requireNotNegative(crashAfter, "crashAfter");
    List<NodeEvent> sorted = new ArrayList<>(nodeEvents);
    sorted.forEach(e -> requireNonNull(e, "node event"));
    sorted.sort(Comparator.comparing(NodeEvent::at).thenComparing(NodeEvent::node));
    nodeEvents = List.copyOf(sorted);
    requireNonNull(planOptions, "planOptions");
  }

  static void requireNotNegative(Duration d, String name) {
    requireNonNull(d, name);
    if (d.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative: " + d);
    }
  }

  private static void requirePositive(Duration d, String name) {
    requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + d);
    }
  }

  public SimulationOptions withStartup(Startup newStartup) {
    return new SimulationOptions(
        newStartup,
        shutdown,
        syncInterval,
        horizon,
        seed,
        neverReady,
        crashLoop,
        crashAfter,
        nodeEvents,
        planOptions);
  }

  public SimulationOptions withShutdown(Duration newShutdown) {
    return new SimulationOptions(
        startup,
        newShutdown,
        syncInterval,
        horizon,
        seed,
        neverReady,
        crashLoop,
        crashAfter,
        nodeEvents,
        planOptions);
  }

  public SimulationOptions withSyncInterval(Duration newSyncInterval) {
    return new SimulationOptions(
        startup,
        shutdown,
        newSyncInterval,
        horizon,
        seed,
        neverReady,
        crashLoop,
        crashAfter,
        nodeEvents,
        planOptions);
  }

  public SimulationOptions withHorizon(Duration newHorizon) {
    return new SimulationOptions(
        startup,
        shutdown,
        syncInterval,
        newHorizon,
        seed,
        neverReady,
        crashLoop,
        crashAfter,
        nodeEvents,
        planOptions);
  }

  public SimulationOptions withSeed(long newSeed) {
    return new SimulationOptions(
        startup,
        shutdown,
        syncInterval,
        horizon,
        newSeed,
        neverReady,
        crashLoop,
        crashAfter,
        nodeEvents,
        planOptions);
  }

  public SimulationOptions withNeverReady(NodeSet nodes) {
    return new SimulationOptions(
        startup,
        shutdown,
        syncInterval,
        horizon,
        seed,
        nodes,
        crashLoop,
        crashAfter,
        nodeEvents,
        planOptions);
  }

  public SimulationOptions withCrashLoop(NodeSet nodes, Duration after) {
    return new SimulationOptions(
        startup,
        shutdown,
        syncInterval,
        horizon,
        seed,
        neverReady,
        nodes,
        after,
        nodeEvents,
        planOptions);
  }

  public SimulationOptions withNodeEvents(List<NodeEvent> newNodeEvents) {
    return new SimulationOptions(
        startup,
        shutdown,
        syncInterval,
        horizon,
        seed,
        neverReady,
        crashLoop,
        crashAfter,
        newNodeEvents,
        planOptions);
  }

  public SimulationOptions withPlanOptions(PlanOptions newPlanOptions) {
    return new SimulationOptions(
        startup,
        shutdown,
        syncInterval,
        horizon,
        seed,
        neverReady,
        crashLoop,
        crashAfter,
        nodeEvents,
        newPlanOptions);
  }
}
