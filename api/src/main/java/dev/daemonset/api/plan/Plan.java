package dev.daemonset.api.plan;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.model.DaemonSetStatus;
import java.util.List;
import org.apiguardian.api.API;

/**
 * What the DaemonSet controller would do in one sync of one DaemonSet, with the reason for every
 * decision.
 *
 * <p><b>Order of {@link #actions()}</b> (the order upstream issues them, F1):
 *
 * <ol>
 *   <li>{@code manage}'s creates, by node name;
 *   <li>{@code manage}'s deletes, node by node in name order (on one node: failed and succeeded
 *       pods, then excess pods, each in upstream's pod order), then unscheduled pods whose node is
 *       gone;
 *   <li>pod-GC deletes of pods bound to vanished nodes ({@link Action.DeleteReason#NODE_GONE}), by
 *       node name, when {@link PlanOptions#planPodsOnVanishedNodes()} is on;
 *   <li>the rolling update's creates (replacements first, then surge candidates, each by node
 *       name), then its deletes: without surge, old pods that are not available (replaced whatever
 *       the budget) and then the available ones within the budget; with surge, old pods beside an
 *       available new one and then surplus pods on nodes where new ones may not start; each group
 *       by node name.
 * </ol>
 *
 * Each controller call ({@code manage}, the rolling update) issues at most {@link
 * PlanOptions#burstReplicas()} creates and as many deletes; the rest is in {@link #deferred()}, in
 * the same order. Pod-GC deletes are not capped.
 *
 * <p><b>Status.</b> {@link #status()} holds the counters for the observed state; {@link
 * #projectedStatus()} the counters once {@link #actions()} are applied (deleted pods gone, created
 * pods present and not Ready). Both carry {@code observedGeneration} = {@code metadata.generation}.
 * A {@linkplain #isStopped() stopped} plan writes no status, so both equal the DaemonSet's own
 * status.
 *
 * <p><b>Rejected.</b> {@code Planner.plan} plans whatever it is given, as the controller would plan
 * what the API server stored. The entry point {@code DaemonSetEngine.plan} first validates the
 * DaemonSet as the API server would; one the server would reject is never stored, so nothing is
 * planned: the plan's outcome is {@link Outcome#REJECTED}, {@link #errors()} holds the API server's
 * errors (and reading errors of the DaemonSet's document), and the plan has no actions, no verdicts
 * and no hash ({@link HashSource#NONE}).
 *
 * <pre>{@code
 * Plan plan = Planner.plan(ds, snapshot, now);
 * if (plan.isStopped()) {
 *   report(plan.outcome().message());
 * }
 * for (Action.Create c : plan.creates()) {
 *   apply(c.pod());                      // generateName, labels, owner, tolerations, pinned affinity
 * }
 * int unavailable = plan.projectedStatus().numberUnavailable();
 * }</pre>
 *
 * <p>Two plans are equal when all their components are; the planner returns equal plans for the
 * same inputs in any order.
 *
 * @param daemonSet {@code namespace/name} of the DaemonSet
 * @param outcome whether the sync ran or stopped early, and why
 * @param actions what is done in this sync, in the order above
 * @param deferred actions beyond {@code burstReplicas}, left to later syncs
 * @param verdicts one per node of the snapshot, by node name
 * @param status the counters of the observed state
 * @param projectedStatus the counters after {@link #actions()}
 * @param currentHash the {@code controller-revision-hash} of the current template
 * @param hashSource where {@code currentHash} came from
 * @param adopted orphan pods the controller adopts (their labels match the selector), by name
 * @param released pods the controller owns whose labels no longer match, released, by name
 * @param notices other things the sync ran into, in the order met
 * @param errors why the DaemonSet was {@linkplain Outcome#REJECTED rejected}, in position order;
 *     empty for every other outcome
 * @since 0.2
 */
@API(status = STABLE, since = "0.2")
public record Plan(
    String daemonSet,
    Outcome outcome,
    List<Action> actions,
    List<Action> deferred,
    List<NodeVerdict> verdicts,
    DaemonSetStatus status,
    DaemonSetStatus projectedStatus,
    String currentHash,
    HashSource hashSource,
    List<String> adopted,
    List<String> released,
    List<Notice> notices,
    List<Diagnostic> errors) {

  public Plan {
    requireNonNull(daemonSet, "daemonSet");
    requireNonNull(outcome, "outcome");
    actions = List.copyOf(actions);
    deferred = List.copyOf(deferred);
    verdicts = List.copyOf(verdicts);
    requireNonNull(status, "status");
    requireNonNull(projectedStatus, "projectedStatus");
    requireNonNull(currentHash, "currentHash");
    requireNonNull(hashSource, "hashSource");
    adopted = List.copyOf(adopted);
    released = List.copyOf(released);
    notices = List.copyOf(notices);
    errors = List.copyOf(errors);
    if (errors.isEmpty() == (outcome == Outcome.REJECTED)) {
      throw new IllegalArgumentException(
          outcome == Outcome.REJECTED
              ? "a REJECTED plan names its errors"
              : "only a REJECTED plan has errors, not " + outcome);
    }
  }

  /**
   * The plan for a DaemonSet the API server would reject: nothing is planned, both statuses are
   * {@code status} as given, and {@code errors} say why.
   *
   * @param daemonSet {@code namespace/name} of the DaemonSet
   * @param status the DaemonSet's own status
   * @param errors the API server's errors; not empty
   * @throws IllegalArgumentException if {@code errors} is empty
   */
  public static Plan rejected(String daemonSet, DaemonSetStatus status, List<Diagnostic> errors) {
    return new Plan(
        daemonSet,
        Outcome.REJECTED,
        List.of(),
        List.of(),
        List.of(),
        status,
        status,
        "",
        HashSource.NONE,
        List.of(),
        List.of(),
        List.of(),
        errors);
  }

  /**
   * True when nothing was planned: the sync stopped early, or the DaemonSet was rejected ({@link
   * Outcome#isStopped()}).
   */
  public boolean isStopped() {
    return outcome.isStopped();
  }

  /**
   * The verdict for the node of this name, if the snapshot has such a node.
   *
   * <p>A planner's verdicts are in name order, one per node, so a node the plan has is found by
   * binary search: asking for every node of a 65,000-node plan costs 65,000 searches, not 65,000
   * scans of the list. A name the plan does not have costs a scan as well, since a plan built by
   * hand may hold its verdicts in another order; it is answered either way (of several verdicts for
   * one name, which one is found is not defined).
   *
   * @throws NullPointerException if {@code node} is {@code null}
   */
  public java.util.Optional<NodeVerdict> verdict(String node) {
    requireNonNull(node, "node");
    int low = 0;
    int high = verdicts.size() - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int c = verdicts.get(mid).node().compareTo(node);
      if (c == 0) {
        return java.util.Optional.of(verdicts.get(mid));
      }
      if (c < 0) {
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    for (NodeVerdict v : verdicts) {
      if (v.node().equals(node)) {
        return java.util.Optional.of(v);
      }
    }
    return java.util.Optional.empty();
  }

  /** The creates among {@link #actions()}, in order. */
  public List<Action.Create> creates() {
    return actions.stream()
        .filter(Action.Create.class::isInstance)
        .map(Action.Create.class::cast)
        .toList();
  }

  /** The deletes among {@link #actions()}, in order. */
  public List<Action.Delete> deletes() {
    return actions.stream()
        .filter(Action.Delete.class::isInstance)
        .map(Action.Delete.class::cast)
        .toList();
  }

  /** How the sync went. */
  public enum Outcome {
    /** The sync ran: actions, verdicts and status are planned. */
    PLANNED(""),
    /**
     * {@code spec.selector} is empty (neither matchLabels nor matchExpressions): upstream stops
     * (S3).
     */
    STOPPED_EMPTY_SELECTOR(
        "The DaemonSet selects all pods: a non-empty selector is required, so the controller does nothing."),
    /** The DaemonSet is being deleted: the garbage collector removes its pods (S4). */
    STOPPED_DELETING(
        "The DaemonSet is being deleted: the controller does nothing and the garbage collector removes its pods."),
    /**
     * The API server would reject the DaemonSet ({@link Plan#errors()} says why), so the controller
     * never sees it. Only the validating entry point {@code DaemonSetEngine.plan} gives this
     * outcome; {@code Planner.plan} never does.
     */
    REJECTED(
        "The API server would reject this DaemonSet, so the controller never sees it: nothing is planned.");

    private final String message;

    Outcome(String message) {
      this.message = message;
    }

    /** True for every outcome but {@link #PLANNED}: nothing was planned. */
    public boolean isStopped() {
      return this != PLANNED;
    }

    /** Why the sync stopped; "" for {@link #PLANNED}. */
    public String message() {
      return message;
    }
  }

  /** Where the current revision hash came from. */
  public enum HashSource {
    /**
     * The {@code controller-revision-hash} of a ControllerRevision in the snapshot whose data
     * equals the template.
     */
    CONTROLLER_REVISION,
    /** {@link PlanOptions#currentRevisionHash()}. */
    OPTION,
    /** No hash: the DaemonSet was {@linkplain Outcome#REJECTED rejected}; the hash is empty. */
    NONE,
    /**
     * The planner's own stable hash of the template (FNV-1a over a canonical JSON rendering); not
     * the value upstream would compute.
     */
    COMPUTED
  }

  /**
   * Something the sync ran into that is not an action.
   *
   * @param code what it is
   * @param message one sentence
   */
  public record Notice(NoticeCode code, String message) {
    public Notice {
      requireNonNull(code, "code");
      requireNonNull(message, "message");
    }
  }

  /** The kinds of notice. */
  public enum NoticeCode {
    /** A failed pod is left alone because its node is in the failed-pod backoff. */
    FAILED_POD_IN_BACKOFF,
    /**
     * {@link PlanOptions.Mode#LIVE}: the rolling update waits for {@code manage}'s actions to be
     * observed.
     */
    ROLLING_UPDATE_WAITS,
    /** maxUnavailable or maxSurge is not an integer or a percentage: the rolling update fails. */
    INVALID_BUDGET,
    /**
     * Surge: an old pod bound to a vanished node blocks the rolling update until pod GC removes it
     * (D13).
     */
    ROLLING_UPDATE_BLOCKED,
    /**
     * A claimed pod names no node (neither nodeName nor a pinning affinity) and is ignored (A4).
     */
    POD_WITHOUT_NODE,
    /** A pod bound to a vanished node is left to pod GC (planPodsOnVanishedNodes off). */
    POD_ON_VANISHED_NODE,
    /** The snapshot holds several nodes with one name; one of them is used, chosen by content. */
    DUPLICATE_NODE
  }
}
