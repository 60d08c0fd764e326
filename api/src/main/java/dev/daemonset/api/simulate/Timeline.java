package dev.daemonset.api.simulate;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.daemonset.api.plan.ClusterSnapshot;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A simulated rollout: every action and lifecycle event with its time, node and pod; the status
 * counters sampled at every sync; and the summary: whether it converged (every node that should run
 * the daemon pod runs an updated, available one), when, the most nodes without an available pod at
 * once against what the budget allows, and, if no progress was possible, when, why and on which
 * nodes it stalled.
 *
 * <p>Deterministic: the same DaemonSet, snapshot, start and options (seed included) give an equal
 * timeline. Times are {@link Duration}s since the simulation's start.
 *
 * <pre>{@code
 * Timeline t = Simulator.simulate(ds, snapshot, start, SimulationOptions.DEFAULTS);
 * if (t.converged()) {
 *   System.out.println("done after " + t.duration());
 * } else {
 *   t.stallInfo().ifPresent(s -> System.out.println(s.message() + " " + s.nodes()));
 * }
 * }</pre>
 *
 * @param daemonSet {@code namespace/name}
 * @param currentHash the {@code controller-revision-hash} of the template being rolled out
 * @param outcome how the simulation ended
 * @param duration until convergence, the stall, or the horizon
 * @param maxUnavailableObserved the most nodes that should run the pod and had no available one not
 *     being deleted, at any sync
 * @param maxUnavailableAllowed the most the rolling update's {@code maxUnavailable} allowed at any
 *     sync (scaled against the nodes that should run the pod; 0 for {@code OnDelete})
 * @param budgetViolations every sync at which more nodes were unavailable because the controller
 *     deleted their available pod than the budget allows; empty when the controller kept its
 *     budget, as it must
 * @param syncs how many syncs the controller ran
 * @param waves how many of them created or deleted pods
 * @param stall why no progress was possible, for {@link Outcome#STALLED}; else {@code null}
 * @param events every action and lifecycle event, by time (in the order they happened)
 * @param samples the counters after every sync, by time
 * @param finalState the cluster at the end: nodes, pods (the simulated ones named as the simulation
 *     named them) and the snapshot's revisions
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record Timeline(
    String daemonSet,
    String currentHash,
    Outcome outcome,
    Duration duration,
    int maxUnavailableObserved,
    int maxUnavailableAllowed,
    List<BudgetViolation> budgetViolations,
    int syncs,
    int waves,
    @Nullable Stall stall,
    List<Event> events,
    List<Sample> samples,
    ClusterSnapshot finalState) {

  public Timeline {
    requireNonNull(daemonSet, "daemonSet");
    requireNonNull(currentHash, "currentHash");
    requireNonNull(outcome, "outcome");
    requireNonNull(duration, "duration");
    budgetViolations = List.copyOf(budgetViolations);
    if ((outcome == Outcome.STALLED) != (stall != null)) {
      throw new IllegalArgumentException("a stall is given exactly when the outcome is STALLED");
    }
    events = List.copyOf(events);
    samples = List.copyOf(samples);
    requireNonNull(finalState, "finalState");
  }

  /** True when every node that should run the daemon pod ends with an updated, available one. */
  public boolean converged() {
    return outcome == Outcome.CONVERGED;
  }

  /** True when the rollout could make no more progress. */
  public boolean stalled() {
    return outcome == Outcome.STALLED;
  }

  /** Why no progress was possible, for a stalled timeline. */
  public Optional<Stall> stallInfo() {
    return Optional.ofNullable(stall);
  }

  /** True when the controller never took more nodes out of service than its budget allows. */
  public boolean keptBudget() {
    return budgetViolations.isEmpty();
  }

  /** How a simulation ended. */
  public enum Outcome {
    /** Every node that should run the daemon pod runs an updated, available one. */
    CONVERGED,
    /** No progress is possible: see {@link Timeline#stall()}. */
    STALLED,
    /** The horizon came first. */
    HORIZON
  }

  /**
   * One thing that happened.
   *
   * @param at when, since the start
   * @param type what
   * @param node the node
   * @param pod the pod's name; "" for a node event
   * @param reason for a create or delete, the action's reason code ({@code MISSING}, {@code
   *     OUTDATED}, ...); else ""
   */
  public record Event(Duration at, Type type, String node, String pod, String reason) {
    public Event {
      requireNonNull(at, "at");
      requireNonNull(type, "type");
      requireNonNull(node, "node");
      requireNonNull(pod, "pod");
      requireNonNull(reason, "reason");
    }
  }

  /** The kinds of event. */
  public enum Type {
    /** The controller created a pod (bound to its node at once). */
    CREATE,
    /** The controller (or pod GC) deleted a pod; it terminates. */
    DELETE,
    /** A pod became Ready. */
    READY,
    /** A Ready pod became available ({@code minReadySeconds} later). */
    AVAILABLE,
    /** A deleted pod is gone. */
    TERMINATED,
    /** A pod failed (phase {@code Failed}). */
    FAILED,
    /** A node joined. */
    NODE_ADDED,
    /** A node left. */
    NODE_REMOVED;

    /** The lower-case, hyphenated name JSON uses: {@code create}, {@code node-added}, .... */
    public String code() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /**
   * The counters after one sync.
   *
   * @param at the sync's time
   * @param desired nodes that should run the daemon pod (the controller's desiredNumberScheduled)
   * @param updated of them, nodes whose pod is updated (the controller's updatedNumberScheduled)
   * @param available of them, nodes with an available pod that is not being deleted
   * @param unavailable {@code desired - available}
   * @param allowed what maxUnavailable allows at this moment
   */
  public record Sample(
      Duration at, int desired, int updated, int available, int unavailable, int allowed) {
    public Sample {
      requireNonNull(at, "at");
    }
  }

  /**
   * Why a rollout can make no progress.
   *
   * @param at when it became clear: the sync after which nothing but the stalled nodes changes
   * @param cause why
   * @param message one sentence
   * @param nodes the nodes involved, by name
   */
  public record Stall(Duration at, Cause cause, String message, List<String> nodes) {
    public Stall {
      requireNonNull(at, "at");
      requireNonNull(cause, "cause");
      requireNonNull(message, "message");
      nodes = List.copyOf(nodes);
    }
  }

  /** The causes of a stall. */
  public enum Cause {
    /** New pods that never become available hold the unavailability budget, or their nodes. */
    NEVER_AVAILABLE,
    /** New pods fail again and again; the controller replaces them after its backoff. */
    CRASH_LOOP,
    /** {@code OnDelete}: old pods are replaced only when something else deletes them. */
    ON_DELETE,
    /** maxUnavailable or maxSurge is neither an integer nor a percentage. */
    INVALID_BUDGET,
    /** An old pod bound to a vanished node blocks the surge rolling update. */
    BLOCKED,
    /** The controller does nothing for this DaemonSet (empty selector, being deleted, ...). */
    STOPPED,
    /** Nothing more happens and the rollout has not converged, for another reason. */
    NO_PROGRESS
  }

  /**
   * A moment at which the controller had taken more nodes out of service than its budget allows.
   *
   * @param at the sync's time
   * @param disrupted nodes without an available pod because the controller deleted one
   * @param allowed what maxUnavailable allowed
   * @param nodes the disrupted nodes, by name
   */
  public record BudgetViolation(Duration at, int disrupted, int allowed, List<String> nodes) {
    public BudgetViolation {
      requireNonNull(at, "at");
      nodes = List.copyOf(nodes);
    }
  }
}
