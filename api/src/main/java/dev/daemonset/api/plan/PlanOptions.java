package dev.daemonset.api.plan;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The toggles and limits of one plan, where upstream is stateful, random or split across
 * controllers. {@link #DEFAULTS} is what upstream's own unit tests assert.
 *
 * <pre>{@code
 * PlanOptions live = PlanOptions.DEFAULTS.withMode(PlanOptions.Mode.LIVE).withBurstReplicas(50);
 * }</pre>
 *
 * @param mode how {@code manage} and the rolling update combine in one sync
 * @param burstReplicas creates (and deletes) per controller call before the rest is deferred; ≥ 1
 * @param nodesInBackoff names of nodes whose failed daemon pods are in the failed-pod backoff (they
 *     are left alone); sorted
 * @param planPodsOnVanishedNodes whether pods bound to nodes missing from the snapshot are planned
 *     as deletes ({@link Action.DeleteReason#NODE_GONE}, pod-GC work) instead of being left alone
 *     as the DaemonSet controller does
 * @param comparisonTolerations the {@code TaintTolerationComparisonOperators} feature gate:
 *     tolerations with operator {@code Lt} / {@code Gt} tolerate numerically (off: they tolerate
 *     nothing)
 * @param currentRevisionHash the current {@code controller-revision-hash}, used when no
 *     ControllerRevision in the snapshot matches the template; {@code null} to let the planner
 *     compute its own
 * @since 0.2
 */
@API(status = STABLE, since = "0.2")
public record PlanOptions(
    Mode mode,
    int burstReplicas,
    Set<String> nodesInBackoff,
    boolean planPodsOnVanishedNodes,
    boolean comparisonTolerations,
    @Nullable String currentRevisionHash) {

  /** Upstream's test harness: full sync, 250 per call, no backoff, vanished-node pods planned. */
  public static final PlanOptions DEFAULTS =
      new PlanOptions(Mode.FULL_SYNC, 250, Set.of(), true, false, null);

  /** How {@code manage} and the rolling update combine (upstream S7, S8). */
  public enum Mode {
    /**
     * Expectations satisfied at once, as upstream's unit tests run the controller: the rolling
     * update is planned on the state after {@code manage}'s actions.
     */
    FULL_SYNC,
    /**
     * As a live controller usually behaves: the rolling update acts only in a sync in which {@code
     * manage} planned nothing.
     */
    LIVE
  }

  public PlanOptions {
    requireNonNull(mode, "mode");
    if (burstReplicas < 1) {
      throw new IllegalArgumentException("burstReplicas must be at least 1: " + burstReplicas);
    }
    SortedSet<String> sorted = new TreeSet<>();
    nodesInBackoff.forEach(n -> sorted.add(requireNonNull(n, "node name")));
    nodesInBackoff = java.util.Collections.unmodifiableSortedSet(sorted);
    if (currentRevisionHash != null && currentRevisionHash.isEmpty()) {
      currentRevisionHash = null;
    }
  }

  public PlanOptions withMode(Mode newMode) {
    return new PlanOptions(
        newMode,
        burstReplicas,
        nodesInBackoff,
        planPodsOnVanishedNodes,
        comparisonTolerations,
        currentRevisionHash);
  }

  public PlanOptions withBurstReplicas(int newBurstReplicas) {
    return new PlanOptions(
        mode,
        newBurstReplicas,
        nodesInBackoff,
        planPodsOnVanishedNodes,
        comparisonTolerations,
        currentRevisionHash);
  }

  public PlanOptions withNodesInBackoff(Set<String> newNodesInBackoff) {
    return new PlanOptions(
        mode,
        burstReplicas,
        newNodesInBackoff,
        planPodsOnVanishedNodes,
        comparisonTolerations,
        currentRevisionHash);
  }

  public PlanOptions withPlanPodsOnVanishedNodes(boolean plan) {
    return new PlanOptions(
        mode, burstReplicas, nodesInBackoff, plan, comparisonTolerations, currentRevisionHash);
  }

  public PlanOptions withComparisonTolerations(boolean enabled) {
    return new PlanOptions(
        mode, burstReplicas, nodesInBackoff, planPodsOnVanishedNodes, enabled, currentRevisionHash);
  }

  public PlanOptions withCurrentRevisionHash(@Nullable String hash) {
    return new PlanOptions(
        mode, burstReplicas, nodesInBackoff, planPodsOnVanishedNodes, comparisonTolerations, hash);
  }
}
