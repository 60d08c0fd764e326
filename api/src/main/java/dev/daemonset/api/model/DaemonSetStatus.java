package dev.daemonset.api.model;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code status} of a DaemonSet: the counters the DaemonSet controller reports.
 *
 * @param currentNumberScheduled nodes that should run the pod and run at least one
 * @param numberMisscheduled nodes that run the pod but should not
 * @param desiredNumberScheduled nodes that should run the pod
 * @param numberReady nodes whose pod is Ready
 * @param observedGeneration the generation the controller last acted on
 * @param updatedNumberScheduled nodes whose pod runs the current template
 * @param numberAvailable nodes whose pod is available (Ready for minReadySeconds)
 * @param numberUnavailable nodes that should run the pod without an available one
 * @param collisionCount hash collision counter, if set
 * @param conditions status conditions
 * @param other untyped fields
 * @since 0.2
 */
@API(status = STABLE, since = "0.2")
public record DaemonSetStatus(
    int currentNumberScheduled,
    int numberMisscheduled,
    int desiredNumberScheduled,
    int numberReady,
    long observedGeneration,
    int updatedNumberScheduled,
    int numberAvailable,
    int numberUnavailable,
    @Nullable Integer collisionCount,
    List<Condition> conditions,
    Map<String, JsonValue> other) {

  /** All counters zero. */
  public static final DaemonSetStatus EMPTY =
      new DaemonSetStatus(0, 0, 0, 0, 0, 0, 0, 0, null, List.of(), Map.of());

  public DaemonSetStatus {
    conditions = Copies.list(conditions, "conditions");
    other = Copies.other(other, "other");
  }

  /** The seven counters and observedGeneration, nothing else. */
  public static DaemonSetStatus of(
      int desiredNumberScheduled,
      int currentNumberScheduled,
      int numberMisscheduled,
      int numberReady,
      int updatedNumberScheduled,
      int numberAvailable,
      int numberUnavailable,
      long observedGeneration) {
    return new DaemonSetStatus(
        currentNumberScheduled,
        numberMisscheduled,
        desiredNumberScheduled,
        numberReady,
        observedGeneration,
        updatedNumberScheduled,
        numberAvailable,
        numberUnavailable,
        null,
        List.of(),
        Map.of());
  }
}
