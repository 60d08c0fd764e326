package dev.daemonset.core.simulate;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.plan.ClusterSnapshot;
import dev.daemonset.api.simulate.SimulationOptions;
import dev.daemonset.api.simulate.Timeline;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * Simulates a DaemonSet's rollout over time: plans one sync of the controller with {@link
 * dev.daemonset.core.plan.Planner}, applies the plan's creates and deletes to a simulated cluster,
 * advances a simulated clock to the next event, and repeats until the rollout converges, stalls, or
 * reaches the horizon.
 *
 * <p>The planner is the one model of a sync: every decision (which pods to create or delete, in
 * which batch, within which budget) is the planner's. The simulator only plays the rest of the
 * cluster, under the {@link SimulationOptions}: the kubelet (a created pod is bound at once, Ready
 * after its startup time, available {@code minReadySeconds} later; a deleted one gone after its
 * shutdown time, capped by its grace period; injected failures), pod garbage collection (pods of a
 * removed node are gone at once), the controller's failed-pod backoff, and its work queue (every
 * event asks for a sync; events closer than the sync interval share one).
 *
 * <p>A pure function: no clock (time starts at {@code start}), no I/O, no state kept between calls,
 * and no randomness but draws from the options' seed. The same arguments give an equal {@link
 * Timeline}. Thread-safe.
 *
 * <pre>{@code
 * Timeline t = Simulator.simulate(ds, ClusterSnapshot.of(nodes, pods),
 *     Instant.parse("2026-01-01T00:00:00Z"),
 *     SimulationOptions.DEFAULTS.withStartup(Startup.uniform(Duration.ofSeconds(20), Duration.ofSeconds(60))));
 * System.out.println(t.outcome() + " after " + t.duration() + ", " + t.waves() + " waves");
 * }</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class Simulator {
  private Simulator() {}

  /**
   * {@link #simulate(DaemonSet, ClusterSnapshot, Instant, SimulationOptions)} with the defaults.
   */
  public static Timeline simulate(DaemonSet daemonSet, ClusterSnapshot snapshot, Instant start) {
    return simulate(daemonSet, snapshot, start, SimulationOptions.DEFAULTS);
  }

  /**
   * The timeline of {@code daemonSet}'s rollout on {@code snapshot} from {@code start}.
   *
   * @param daemonSet the DaemonSet as it is now (the new template); defaulted as the planner does
   * @param snapshot the cluster at {@code start}: nodes, pods (the old ones with their revision
   *     hash), ControllerRevisions
   * @param start the simulated clock's start
   * @param options the assumptions
   * @return the timeline; never {@code null}
   * @throws NullPointerException if an argument is {@code null}
   */
  public static Timeline simulate(
      DaemonSet daemonSet, ClusterSnapshot snapshot, Instant start, SimulationOptions options) {
    requireNonNull(daemonSet, "daemonSet");
    requireNonNull(snapshot, "snapshot");
    requireNonNull(start, "start");
    requireNonNull(options, "options");
    return new Simulation(daemonSet, snapshot, start, options).run();
  }
}
