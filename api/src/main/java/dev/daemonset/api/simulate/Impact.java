package dev.daemonset.api.simulate;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.daemonset.api.model.JsonValue;
import dev.daemonset.api.simulate.Timeline.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What replacing one DaemonSet with another changes: the fields that differ once both are defaulted
 * as the API server would store them, whether the change starts a rollout (the pod template, and so
 * its revision hash, changes), and, against a cluster snapshot, the nodes that gain or lose the
 * daemon pod with the reason, the pods that are replaced, and how long the rollout takes under the
 * default {@link SimulationOptions}.
 *
 * <p>Nodes the rollout itself empties count as lost: without surge, the rolling update deletes an
 * old pod on a node whose {@code NoSchedule} taint the template does not tolerate, and no new pod
 * may start there.
 *
 * <pre>{@code
 * Impact impact = Differ.diff(before, after, snapshot, start);
 * if (impact.rollout()) {
 *   System.out.println(impact.podsReplaced() + " pods restart over " + impact.estimatedRollout());
 * }
 * impact.nodesLost().forEach(n -> System.out.println(n.node() + ": " + n.message()));
 * }</pre>
 *
 * @param daemonSet {@code namespace/name} of the new DaemonSet
 * @param rollout whether the change starts a rollout (the template hash changes)
 * @param hashBefore the template hash of the old DaemonSet
 * @param hashAfter the template hash of the new DaemonSet
 * @param changes every field that differs after defaulting, in path order
 * @param withSnapshot whether a cluster snapshot was given (without one the node lists are empty)
 * @param nodesGained nodes that run the daemon pod after the change and did not before, by name
 * @param nodesLost nodes that run it before the change and not after, by name
 * @param podsReplaced old pods the rollout replaces with new ones
 * @param estimatedRollout how long the simulated rollout takes with the default assumptions; {@code
 *     null} without a snapshot, without a rollout, or when it does not converge
 * @param rolloutOutcome how the simulated rollout ended; {@code null} when none was simulated
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record Impact(
    String daemonSet,
    boolean rollout,
    String hashBefore,
    String hashAfter,
    List<FieldChange> changes,
    boolean withSnapshot,
    List<NodeChange> nodesGained,
    List<NodeChange> nodesLost,
    int podsReplaced,
    @Nullable Duration estimatedRollout,
    @Nullable Outcome rolloutOutcome) {

  public Impact {
    requireNonNull(daemonSet, "daemonSet");
    requireNonNull(hashBefore, "hashBefore");
    requireNonNull(hashAfter, "hashAfter");
    changes = List.copyOf(changes);
    nodesGained = List.copyOf(nodesGained);
    nodesLost = List.copyOf(nodesLost);
  }

  /** {@link #estimatedRollout()} as an Optional. */
  public Optional<Duration> rolloutDuration() {
    return Optional.ofNullable(estimatedRollout);
  }

  /**
   * One field that differs.
   *
   * @param path in Kubernetes notation, such as {@code spec.template.spec.containers[0].image}
   * @param before the old value, {@code null} when the field is new
   * @param after the new value, {@code null} when the field is gone
   */
  public record FieldChange(String path, @Nullable JsonValue before, @Nullable JsonValue after) {
    public FieldChange {
      requireNonNull(path, "path");
      if (before == null && after == null) {
        throw new IllegalArgumentException("a change needs a value before or after: " + path);
      }
    }
  }

  /**
   * A node that gains or loses the daemon pod.
   *
   * @param node the node's name
   * @param reason why, as a code
   * @param message one sentence
   */
  public record NodeChange(String node, Reason reason, String message) {
    public NodeChange {
      requireNonNull(node, "node");
      requireNonNull(reason, "reason");
      requireNonNull(message, "message");
    }
  }

  /** Why a node gains or loses the daemon pod. */
  public enum Reason {
    /** Gained: the node fits the new DaemonSet and did not fit the old one. */
    NOW_ELIGIBLE,
    /** Lost: the node must not run the new DaemonSet's pods; running ones are deleted. */
    NOT_ELIGIBLE,
    /**
     * Lost: the node should have run the old DaemonSet's pod and has none, and no new pod may start
     * there (an untolerated {@code NoSchedule} taint).
     */
    NO_NEW_POD,
    /**
     * Lost: the rollout deletes the node's old pod and no new pod may start there (an untolerated
     * {@code NoSchedule} taint): the agent silently disappears.
     */
    EMPTIED_BY_ROLLOUT
  }
}
