package dev.daemonset.core.plan;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.model.DaemonSetStatus;
import dev.daemonset.api.model.Toleration;
import dev.daemonset.api.plan.Action;
import dev.daemonset.api.plan.Action.DeleteReason;
import dev.daemonset.api.plan.ClusterSnapshot;
import dev.daemonset.api.plan.NodeVerdict;
import dev.daemonset.api.plan.NodeVerdict.Verdict;
import dev.daemonset.api.plan.Plan;
import dev.daemonset.api.plan.Plan.Notice;
import dev.daemonset.api.plan.Plan.NoticeCode;
import dev.daemonset.api.plan.PlanOptions;
import dev.daemonset.core.defaults.Defaults;
import dev.daemonset.core.internal.rollout.Budget;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import org.apiguardian.api.API;

/**
 * Plans one sync of one DaemonSet as the upstream DaemonSet controller ({@code syncDaemonSet},
 * Kubernetes 1.35) would run it: which daemon pods it creates and deletes, with a reason for each,
 * the verdict for every node, and the status it would write.
 *
 * <p>A pure function: it reads no clock (time is {@code now}), does no I/O, keeps no state and
 * modifies none of its arguments. It is deterministic: the same DaemonSet and the same snapshot
 * objects in any order give an equal {@link Plan}. Thread-safe.
 *
 * <p>The algorithm, in the order of upstream's {@code syncDaemonSet}:
 *
 * <ol>
 *   <li>Stop for an empty selector (S3) or a DaemonSet being deleted (S4).
 *   <li>Current hash from the snapshot's ControllerRevisions, the option, or our own hash (E1).
 *   <li>Index: claim pods (A1, A2), drop terminal deleting ones (A3), group by node (A4); one
 *       verdict per node (B). Everything after walks these indexes: no loop over all pods inside a
 *       loop over nodes.
 *   <li>{@code manage} (C), issued as one {@code syncNodes} call (F).
 *   <li>Pods bound to vanished nodes: deleted as pod-GC work, if the option says so (A5).
 *   <li>Rolling update (D) on the state after the steps above ({@link PlanOptions.Mode#FULL_SYNC}),
 *       or only when {@code manage} planned nothing ({@link PlanOptions.Mode#LIVE}).
 *   <li>Status for the observed state and for the state after the actions (G).
 * </ol>
 *
 * <pre>{@code
 * Plan plan = Planner.plan(daemonSet, ClusterSnapshot.of(nodes, pods), Instant.parse("2026-01-01T00:00:00Z"));
 * plan.actions().forEach(a -> System.out.println(a.kind() + " " + a.node() + ": " + a.message()));
 * }</pre>
 *
 * @since 0.2
 */
@API(status = STABLE, since = "0.2")
public final class Planner {
  private Planner() {}

  /**
   * {@link #plan(DaemonSet, ClusterSnapshot, Instant, PlanOptions)} with {@link
   * PlanOptions#DEFAULTS}.
   */
  public static Plan plan(DaemonSet ds, ClusterSnapshot snapshot, Instant now) {
    return plan(ds, snapshot, now, PlanOptions.DEFAULTS);
  }

  /**
   * The plan for one sync of {@code ds} against {@code snapshot} at time {@code now}.
   *
   * @param daemonSet the DaemonSet, as written or as stored: the API server's defaults are applied
   *     here, since the controller only ever sees the stored (defaulted) object; this makes the
   *     template compare equal to the ControllerRevisions the server stored and shapes created pods
   *     as the controller would
   * @param snapshot the nodes, pods and ControllerRevisions, in any order
   * @param now the controller's clock, for availability (minReadySeconds)
   * @param options limits and toggles
   * @return the plan; never {@code null}
   * @throws NullPointerException if an argument is {@code null}
   */
  public static Plan plan(
      DaemonSet daemonSet, ClusterSnapshot snapshot, Instant now, PlanOptions options) {
    return plan(daemonSet, snapshot, now, options, FastPaths.ALL);
  }

  /**
   * The plan, with the fast paths {@code fast} on (the tests run every plan with {@link
   * FastPaths#NONE} too: the plan must not depend on them).
   */
  static Plan plan(
      DaemonSet daemonSet,
      ClusterSnapshot snapshot,
      Instant now,
      PlanOptions options,
      FastPaths fast) {
    requireNonNull(daemonSet, "daemonSet");
    requireNonNull(snapshot, "snapshot");
    requireNonNull(now, "now");
    requireNonNull(options, "options");
    requireNonNull(fast, "fast");
    DaemonSet ds = Defaults.defaulted(daemonSet);
    String key = ds.namespaceOrDefault() + "/" + ds.metadata().name();
    Revisions.Current current = Revisions.current(ds, daemonSet, snapshot.revisions(), options);
    OptionalLong generation = ds.templateGeneration();
    List<Toleration> tolerations = Tolerations.withDaemonDefaults(ds.spec().template().spec());

    Plan.Outcome outcome =
        ds.spec().selector() != null && ds.spec().selector().isEmpty()
            ? Plan.Outcome.STOPPED_EMPTY_SELECTOR
            : ds.metadata().isDeleting() ? Plan.Outcome.STOPPED_DELETING : Plan.Outcome.PLANNED;
    String generationLabel = generation.isPresent() ? Long.toString(generation.getAsLong()) : null;
    DaemonPod.Reader reader =
        new DaemonPod.Reader(current.hash(), generationLabel, ds.spec().minReadySeconds(), now);
    // Verdicts, one per node, in name order.
    Placement placement =
        new Placement(
            ds.spec().template().spec(),
            tolerations,
            options.comparisonTolerations(),
            fast.taintMemo());
    NodeIndex.Builder index = new NodeIndex.Builder(snapshot.nodes(), placement, fast);
    Ownership.Claimed claimed =
        outcome.isStopped()
            ? Ownership.Claimed.NONE
            : new Ownership(ds).claimPods(snapshot.pods(), reader, index, fast.readAhead());
    NodeIndex nodes = index.build();
    NodePods observed = NodePods.group(nodes, claimed.pods(), reader);
    Sync sync =
        new Sync(ds, options, nodes, new PodFactory(ds, current.hash(), generation, tolerations));
    if (outcome.isStopped()) {
      return new Plan(
          key,
          outcome,
          List.of(),
          List.of(),
          verdicts(nodes, observed),
          ds.status(),
          ds.status(),
          current.hash(),
          current.source(),
          List.of(),
          List.of(),
          List.of(),
          List.of());
    }

    List<Notice> notices = new ArrayList<>();
    nodes
        .duplicates()
        .forEach(
            (name, count) ->
                notices.add(
                    new Notice(
                        NoticeCode.DUPLICATE_NODE,
                        "Node "
                            + name
                            + " appears "
                            + count
                            + " times in the snapshot; the plan uses one of them, chosen by content.")));
    notices.addAll(claimed.notices());

    List<Action> actions = new ArrayList<>();
    List<Action> deferred = new ArrayList<>();
    Sync.Call manage = Reconciler.manage(sync, observed);
    notices.addAll(manage.notices);
    sync.issue(manage, actions, deferred);

    Sync.Call podGc = vanishedNodePods(sync, observed, notices);
    actions.addAll(podGc.deletes);

    if (!Budget.isOnDelete(ds)) {
      if (options.mode() == PlanOptions.Mode.LIVE && !manage.isEmpty()) {
        notices.add(
            new Notice(
                NoticeCode.ROLLING_UPDATE_WAITS,
                "The rolling update waits until the controller has observed this sync's creates and deletes."));
      } else {
        // The state after all of this sync's work, deferred (over the burst) included: a pod that
        // manage deletes later is not the rolling update's to delete again.
        List<Action> planned = new ArrayList<>(actions);
        planned.addAll(deferred);
        NodePods afterManage = observed.apply(planned);
        Sync.Call update = RollingUpdate.plan(sync, afterManage);
        notices.addAll(update.notices);
        sync.issue(update, actions, deferred);
      }
    }

    StatusCounter counted = StatusCounter.count(sync, observed);
    DaemonSetStatus status = counted.status();
    DaemonSetStatus projected = counted.after(observed, observed.apply(actions), actions).status();
    return new Plan(
        key,
        outcome,
        actions,
        deferred,
        verdicts(nodes, observed),
        status,
        projected,
        current.hash(),
        current.source(),
        claimed.adopted(),
        claimed.released(),
        notices,
        List.of());
  }

  /**
   * A5 and our decision: pods bound to a node missing from the snapshot are pod GC's work; they are
   * planned as {@link DeleteReason#NODE_GONE} deletes unless the option turns that off.
   */
  private static Sync.Call vanishedNodePods(Sync sync, NodePods pods, List<Notice> notices) {
    Sync.Call call = new Sync.Call();
    NodeIndex nodes = sync.nodes();
    for (int position = 0; position < nodes.size(); position++) {
      if (nodes.verdict(position) != null) {
        continue;
      }
      String node = nodes.name(position);
      for (DaemonPod d : pods.on(position)) {
        if (d.isUnscheduled() || d.isDeleting()) {
          continue;
        }
        if (sync.options().planPodsOnVanishedNodes()) {
          call.deletes.add(
              Reconciler.delete(
                  d,
                  node,
                  DeleteReason.NODE_GONE,
                  "Pod "
                      + d.name()
                      + " is bound to node "
                      + node
                      + ", which no longer exists; pod garbage collection removes it."));
        } else {
          notices.add(
              new Notice(
                  NoticeCode.POD_ON_VANISHED_NODE,
                  "Pod "
                      + d.name()
                      + " is bound to node "
                      + node
                      + ", which no longer exists; it is left to pod garbage collection."));
        }
      }
    }
    return call;
  }

  private static List<NodeVerdict> verdicts(NodeIndex nodes, NodePods pods) {
    // An array made into an immutable list (one copy; two when vanished nodes leave it short),
    // which the Plan keeps as it is; an ArrayList would be copied twice on its way in
    // (List.copyOf).
    NodeVerdict[] out = new NodeVerdict[nodes.size()];
    int count = 0;
    for (int position = 0; position < nodes.size(); position++) {
      Verdict verdict = nodes.verdict(position);
      if (verdict == null) {
        continue; // a vanished node has no verdict
      }
      List<DaemonPod> onNode = pods.on(position);
      // One verdict per node of the cluster: no list is made for the usual zero or one pod.
      List<String> names =
          switch (onNode.size()) {
            case 0 -> List.of();
            case 1 -> List.of(onNode.get(0).name());
            default -> {
              List<String> all = new ArrayList<>(onNode.size());
              for (DaemonPod d : onNode) {
                all.add(d.name());
              }
              yield all;
            }
          };
      out[count++] =
          new NodeVerdict(nodes.name(position), verdict, nodes.failures(position), names);
    }
    return List.of(count == out.length ? out : Arrays.copyOf(out, count));
  }
}
