package dev.daemonset.core.simulate;

import dev.daemonset.api.model.Condition;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.model.DaemonSetStatus;
import dev.daemonset.api.model.Node;
import dev.daemonset.api.model.Pod;
import dev.daemonset.api.model.PodStatus;
import dev.daemonset.api.plan.Action;
import dev.daemonset.api.plan.ClusterSnapshot;
import dev.daemonset.api.plan.NodeVerdict;
import dev.daemonset.api.plan.Plan;
import dev.daemonset.api.plan.PlanOptions;
import dev.daemonset.api.simulate.NodeEvent;
import dev.daemonset.api.simulate.NodeSet;
import dev.daemonset.api.simulate.SimulationOptions;
import dev.daemonset.api.simulate.Startup;
import dev.daemonset.api.simulate.Timeline;
import dev.daemonset.core.defaults.Defaults;
import dev.daemonset.core.internal.rollout.Budget;
import dev.daemonset.core.plan.Planner;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * One run of the simulator: a discrete-event simulation with a priority queue of lifecycle events
 * (by time, then by the order they were scheduled) and the controller's work queue reduced to one
 * pending sync request.
 *
 * <p>The loop takes whichever comes first: the next event (events due at the same time are taken
 * together, before a sync due then), or the pending sync, due at the later of the earliest request
 * and the previous sync plus the sync interval; so events within one interval of a sync share the
 * next one, as upstream's work queue folds repeated adds of one key. Every event asks for a sync,
 * and so does every sync that acted: the controller observes its own creates and deletes.
 *
 * <p>A sync plans with {@link Planner#plan}, applies the creates (a pod bound to its node, named
 * {@code generateName} + a counter, its fate drawn: Ready after the startup time, never, or Failed
 * after {@code crashAfter}) and the deletes ({@code deletionTimestamp} set, gone after the shutdown
 * time capped by the pod's grace period; at once for a finished pod or one whose node is gone),
 * records a sample, checks the budget and whether the rollout converged or stalled.
 *
 * <p>Time is kept in milliseconds since the start.
 */
final class Simulation {
  private static final long NEVER = Long.MAX_VALUE;
  private static final long DEFAULT_GRACE_SECONDS = 30;

  private final DaemonSet ds;
  private final DaemonSet defaulted;
  private final Instant start;
  private final SimulationOptions options;
  private final List<dev.daemonset.api.model.ControllerRevision> revisions;
  private final long interval;
  private final long horizon;
  private final long minReady;
  private final Draws draws;
  private final Backoff backoff = new Backoff();

  // The cluster.
  private final List<Node> nodes = new ArrayList<>();
  private final Map<String, Integer> nodeIndex = new HashMap<>();
  private final List<Pod> podList = new ArrayList<>();
  private final Map<String, SimPod> pods = new HashMap<>();
  private final Map<String, Fate> fates = new HashMap<>();
  private final Map<String, Integer> attempts = new HashMap<>();
  private final Map<String, Long> wakes = new HashMap<>();
  private final Set<String> crashed = new HashSet<>();
  private long podCounter;

  // The event queue and the work queue.
  private final PriorityQueue<Pending> queue = new PriorityQueue<>();
  private long sequence;
  private int pendingHealthy;
  private long syncRequestedAt = NEVER;
  private long lastSync = Long.MIN_VALUE;

  // What the timeline reports.
  private final List<Timeline.Event> events = new ArrayList<>();
  private final List<Timeline.Sample> samples = new ArrayList<>();
  private final List<Timeline.BudgetViolation> violations = new ArrayList<>();
  private final Set<String> disrupted = new HashSet<>();

  // Kept as pods change, so that a sync costs time in what changed, not in the nodes: per node, its
  // available pods and whether it should run one; how many should, and how many of those have one.
  private final Map<String, NodeState> states = new HashMap<>();
  private int desiredCount;
  private int availableDesired;
  private boolean verdictsStale = true;
  private int syncs;
  private int waves;
  private int maxUnavailableObserved;
  private int maxUnavailableAllowed;
  private String currentHash = "";
  private boolean firstSync = true;
  private long convergedSince = NEVER;
  private Timeline.@Nullable Stall stall;
  private long now;

  /** What the simulated kubelet does with the new pods of one node. */
  private enum Fate {
    STARTS,
    NEVER_READY,
    CRASH_LOOPS
  }

  /** One pod of the simulated cluster and what the simulation knows of it. */
  private static final class SimPod {
    Pod pod;
    final String name;
    final String node;
    int listIndex;

    /** When it became (or becomes) Ready, {@link #NEVER} if it does not. */
    long readyAt = NEVER;

    boolean deleting;
    boolean failed;

    /** Ready for minReadySeconds, not failed, not being deleted. */
    boolean available;

    SimPod(Pod pod, String node) {
      this.pod = pod;
      this.name = pod.metadata().name();
      this.node = node;
    }
  }

  /** What the simulation keeps per node name (of a node, or of a vanished one pods name). */
  private static final class NodeState {
    final List<SimPod> pods = new ArrayList<>(2);
    int available;
    boolean desired;
  }

  private NodeState state(String node) {
    return states.computeIfAbsent(node, k -> new NodeState());
  }

  private void markAvailable(SimPod sp) {
    if (sp.available || sp.deleting || sp.failed) {
      return;
    }
    sp.available = true;
    NodeState n = state(sp.node);
    if (n.available++ == 0) {
      disrupted.remove(sp.node);
      if (n.desired) {
        availableDesired++;
      }
    }
  }

  private void markUnavailable(SimPod sp) {
    if (!sp.available) {
      return;
    }
    sp.available = false;
    NodeState n = state(sp.node);
    if (--n.available == 0 && n.desired) {
      availableDesired--;
    }
  }

  /** Which nodes should run the pod, from a plan's verdicts: at the start and after node events. */
  private void refreshDesired(Plan plan) {
    for (Map.Entry<String, NodeState> e : states.entrySet()) {
      setDesired(e.getKey(), e.getValue(), false);
    }
    for (NodeVerdict v : plan.verdicts()) {
      if (v.verdict().shouldRun()) {
        setDesired(v.node(), state(v.node()), true);
      }
    }
    verdictsStale = false;
  }

  private void setDesired(String node, NodeState n, boolean desired) {
    if (n.desired == desired) {
      return;
    }
    n.desired = desired;
    int sign = desired ? 1 : -1;
    desiredCount += sign;
    if (n.available > 0) {
      availableDesired += sign;
    }
    if (!desired) {
      disrupted.remove(node);
    }
  }

  /** The kinds of queued event. */
  private enum Kind {
    READY,
    AVAILABLE,
    FAILED,
    GONE,
    NODE_ADDED,
    NODE_REMOVED,
    WAKE
  }

  /** A queued event. */
  private record Pending(
      long at,
      long seq,
      Kind kind,
      String node,
      @Nullable SimPod pod,
      @Nullable NodeEvent event,
      boolean healthy)
      implements Comparable<Pending> {
    @Override
    public int compareTo(Pending o) {
      int c = Long.compare(at, o.at);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }

  Simulation(DaemonSet ds, ClusterSnapshot snapshot, Instant start, SimulationOptions options) {
    this.ds = ds;
    this.defaulted = Defaults.defaulted(ds);
    this.start = start;
    this.options = options;
    this.revisions = snapshot.revisions();
    this.interval = options.syncInterval().toMillis() == 0 ? 1 : options.syncInterval().toMillis();
    this.horizon = options.horizon().toMillis();
    this.minReady = Math.max(0, defaulted.spec().minReadySeconds()) * 1000L;
    this.draws = new Draws(options.seed());
    for (Node n : snapshot.nodes()) {
      putNode(n);
    }
    for (Pod p : snapshot.pods()) {
      String node = p.spec().nodeName();
      SimPod sp = new SimPod(p, node);
      addPod(sp);
    }
    for (NodeEvent e : options.nodeEvents()) {
      schedule(
          e.at().toMillis(),
          e.kind() == NodeEvent.Kind.ADDED ? Kind.NODE_ADDED : Kind.NODE_REMOVED,
          e.node(),
          null,
          e,
          true);
    }
    syncRequestedAt = 0;
  }

  Timeline run() {
    while (stall == null) {
      long nextEvent = queue.isEmpty() ? NEVER : queue.peek().at();
      long nextSync =
          syncRequestedAt == NEVER ? NEVER : Math.max(syncRequestedAt, lastSync + interval);
      if (nextEvent == NEVER && nextSync == NEVER) {
        break;
      }
      long t = Math.min(nextEvent, nextSync);
      if (t > horizon) {
        break;
      }
      now = t;
      if (nextEvent <= nextSync) {
        while (!queue.isEmpty() && queue.peek().at() == t) {
          handle(queue.poll());
        }
      } else {
        sync();
      }
    }
    if (stall == null && convergedSince == NEVER && queue.isEmpty() && syncRequestedAt == NEVER) {
      // Nothing more happens and the rollout has not converged: the last sync's stall check ran
      // with a sync still pending; say so here.
      stall = classifyStall(lastPlan);
    }
    Timeline.Outcome outcome;
    Duration duration;
    if (convergedSince != NEVER) {
      outcome = Timeline.Outcome.CONVERGED;
      duration = Duration.ofMillis(convergedSince);
      stall = null;
    } else if (stall != null) {
      outcome = Timeline.Outcome.STALLED;
      duration = stall.at();
    } else {
      outcome = Timeline.Outcome.HORIZON;
      duration = options.horizon();
    }
    return new Timeline(
        planKey(),
        currentHash,
        outcome,
        duration,
        maxUnavailableObserved,
        maxUnavailableAllowed,
        violations,
        syncs,
        waves,
        stall,
        events,
        samples,
        new ClusterSnapshot(nodes, podList, revisions));
  }

  private String planKey() {
    return defaulted.qualifiedName();
  }

  // ---------------------------------------------------------------- the cluster

  private void putNode(Node n) {
    Integer i = nodeIndex.get(n.name());
    if (i == null) {
      nodeIndex.put(n.name(), nodes.size());
      nodes.add(n);
    } else {
      nodes.set(i, n);
    }
    fates.remove(n.name());
  }

  private void removeNode(String name) {
    Integer i = nodeIndex.remove(name);
    if (i == null) {
      return;
    }
    int last = nodes.size() - 1;
    Node moved = nodes.remove(last);
    if (i != last) {
      nodes.set(i, moved);
      nodeIndex.put(moved.name(), i);
    }
  }

  private void addPod(SimPod sp) {
    sp.listIndex = podList.size();
    podList.add(sp.pod);
    pods.put(sp.name, sp);
    state(sp.node).pods.add(sp);
  }

  private void update(SimPod sp, Pod pod) {
    sp.pod = pod;
    podList.set(sp.listIndex, pod);
  }

  private void removePod(SimPod sp) {
    int last = podList.size() - 1;
    Pod moved = podList.remove(last);
    if (sp.listIndex != last) {
      podList.set(sp.listIndex, moved);
      SimPod movedPod = pods.get(moved.metadata().name());
      if (movedPod == null) {
        throw new IllegalStateException(
            "pod list and pod map disagree on " + moved.metadata().name());
      }
      movedPod.listIndex = sp.listIndex;
    }
    pods.remove(sp.name);
    markUnavailable(sp);
    state(sp.node).pods.remove(sp);
  }

  /** The fate of new pods on {@code node}, decided once per node from the options and the seed. */
  private Fate fate(String node) {
    Fate f = fates.get(node);
    if (f == null) {
      Integer i = nodeIndex.get(node);
      Map<String, String> labels = i == null ? Map.of() : nodes.get(i).metadata().labels();
      f =
          contains(options.neverReady(), node, labels, 1)
              ? Fate.NEVER_READY
              : contains(options.crashLoop(), node, labels, 2) ? Fate.CRASH_LOOPS : Fate.STARTS;
      fates.put(node, f);
    }
    return f;
  }

  private boolean contains(NodeSet set, String node, Map<String, String> labels, long salt) {
    return switch (set.kind()) {
      case NONE -> false;
      case SHARE -> draws.unit(node, -salt) < ((NodeSet.Share) set).fraction();
      case SELECTOR -> labels.entrySet().containsAll(((NodeSet.Selector) set).labels().entrySet());
      case NAMES -> ((NodeSet.Names) set).names().contains(node);
    };
  }

  private boolean healthy(String node) {
    return fate(node) == Fate.STARTS;
  }

  /** The startup time (millis) of the {@code attempt}-th pod created on {@code node}. */
  private long startup(Startup s, String node, long attempt) {
    return switch (s.kind()) {
      case FIXED -> ((Startup.Fixed) s).time().toMillis();
      case UNIFORM -> {
        Startup.Uniform u = (Startup.Uniform) s;
        long min = u.min().toMillis();
        long span = u.max().toMillis() - min;
        yield min + Math.round(draws.unit(node, attempt) * span);
      }
      case BY_SELECTOR -> {
        Startup.BySelector b = (Startup.BySelector) s;
        Integer i = nodeIndex.get(node);
        Map<String, String> labels = i == null ? Map.of() : nodes.get(i).metadata().labels();
        Startup chosen = b.otherwise();
        for (Startup.Rule r : b.rules()) {
          if (labels.entrySet().containsAll(r.nodeLabels().entrySet())) {
            chosen = r.startup();
            break;
          }
        }
        yield startup(chosen, node, attempt);
      }
    };
  }

  // ---------------------------------------------------------------- events

  private void schedule(
      long at,
      Kind kind,
      String node,
      @Nullable SimPod pod,
      @Nullable NodeEvent e,
      boolean isHealthy) {
    queue.add(new Pending(at, sequence++, kind, node, pod, e, isHealthy));
    if (isHealthy) {
      pendingHealthy++;
    }
  }

  private void requestSync() {
    if (syncRequestedAt == NEVER) {
      syncRequestedAt = now;
    }
  }

  private void record(Timeline.Type type, String node, String pod, String reason) {
    events.add(new Timeline.Event(Duration.ofMillis(now), type, node, pod, reason));
  }

  private void handle(Pending e) {
    if (e.healthy()) {
      pendingHealthy--;
    }
    SimPod sp = e.pod();
    switch (e.kind()) {
      case READY -> {
        if (sp == null || sp.deleting || pods.get(sp.name) != sp) {
          return;
        }
        sp.readyAt = now;
        update(
            sp,
            sp.pod.withStatus(
                new PodStatus(
                    "Running", List.of(Condition.of("Ready", "True", instant())), Map.of())));
        record(Timeline.Type.READY, sp.node, sp.name, "");
        if (minReady > 0) {
          schedule(now + minReady, Kind.AVAILABLE, sp.node, sp, null, e.healthy());
        } else {
          markAvailable(sp);
          record(Timeline.Type.AVAILABLE, sp.node, sp.name, "");
        }
        requestSync();
      }
      case AVAILABLE -> {
        if (sp == null || sp.deleting || pods.get(sp.name) != sp) {
          return;
        }
        markAvailable(sp);
        record(Timeline.Type.AVAILABLE, sp.node, sp.name, "");
        requestSync(); // upstream's enqueueDaemonSetAfter(minReadySeconds)
      }
      case FAILED -> {
        if (sp == null || sp.deleting || pods.get(sp.name) != sp) {
          return;
        }
        markUnavailable(sp);
        sp.failed = true;
        update(
            sp,
            sp.pod.withStatus(
                new PodStatus(
                    "Failed", List.of(Condition.of("Ready", "False", instant())), Map.of())));
        record(Timeline.Type.FAILED, sp.node, sp.name, "");
        requestSync();
      }
      case GONE -> {
        if (sp == null || pods.get(sp.name) != sp) {
          return;
        }
        removePod(sp);
        record(Timeline.Type.TERMINATED, sp.node, sp.name, "");
        requestSync();
      }
      case NODE_ADDED -> {
        if (!(e.event() instanceof NodeEvent.Added added)) {
          throw new IllegalStateException("NODE_ADDED without its node: " + e.node());
        }
        putNode(added.value());
        verdictsStale = true;
        record(Timeline.Type.NODE_ADDED, e.node(), "", "");
        requestSync();
      }
      case NODE_REMOVED -> {
        removeNode(e.node());
        verdictsStale = true;
        record(Timeline.Type.NODE_REMOVED, e.node(), "", "");
        requestSync();
      }
      case WAKE -> {
        wakes.remove(e.node());
        requestSync();
      }
    }
  }

  private Instant instant() {
    return start.plusMillis(now);
  }

  // ---------------------------------------------------------------- syncs

  private @Nullable Plan lastPlan;
  private @Nullable String fixedHash;

  private void sync() {
    syncRequestedAt = NEVER;
    lastSync = now;
    syncs++;
    PlanOptions planOptions = options.planOptions().withNodesInBackoff(backoff.nodesInBackoff(now));
    if (fixedHash != null) {
      planOptions = planOptions.withCurrentRevisionHash(fixedHash);
    }
    Plan plan =
        Planner.plan(ds, new ClusterSnapshot(nodes, podList, revisions), instant(), planOptions);
    lastPlan = plan;
    currentHash = plan.currentHash();
    if (plan.hashSource() == Plan.HashSource.COMPUTED) {
      // The template does not change: its hash is computed once, not in every sync.
      fixedHash = currentHash;
    }
    if (plan.isStopped()) {
      stall =
          new Timeline.Stall(
              Duration.ofMillis(now), Timeline.Cause.STOPPED, plan.outcome().message(), List.of());
      return;
    }
    if (firstSync) {
      firstSync = false;
      startSnapshotPods(plan);
    }
    if (verdictsStale) {
      refreshDesired(plan);
    }
    boolean actedOnHealthy = false;
    boolean deletedAvailable = false;
    for (Action a : plan.actions()) {
      if (healthy(a.node())) {
        actedOnHealthy = true;
      }
      if (a instanceof Action.Create c) {
        create(c);
      } else if (a instanceof Action.Delete d) {
        deletedAvailable |= delete(d);
      }
    }
    if (!plan.actions().isEmpty()) {
      waves++;
      requestSync(); // the controller observes its own writes
    }
    scheduleWakes(plan);
    Tally tally = tally();
    samples.add(
        new Timeline.Sample(
            Duration.ofMillis(now),
            tally.desired,
            plan.status().updatedNumberScheduled(),
            tally.available,
            tally.desired - tally.available,
            tally.allowed));
    maxUnavailableObserved = Math.max(maxUnavailableObserved, tally.desired - tally.available);
    maxUnavailableAllowed = Math.max(maxUnavailableAllowed, tally.allowed);
    if (deletedAvailable && disrupted.size() > tally.allowed) {
      violations.add(
          new Timeline.BudgetViolation(
              Duration.ofMillis(now),
              disrupted.size(),
              tally.allowed,
              new TreeSet<>(disrupted).stream().toList()));
    }
    DaemonSetStatus s = plan.status();
    boolean converged =
        s.updatedNumberScheduled() == s.desiredNumberScheduled()
            && s.numberAvailable() == s.desiredNumberScheduled()
            && s.currentNumberScheduled() == s.desiredNumberScheduled()
            && tally.available == tally.desired;
    if (!converged) {
      convergedSince = NEVER;
    } else if (convergedSince == NEVER) {
      convergedSince = now;
    }
    if (!converged && !actedOnHealthy && pendingHealthy == 0 && !waits(plan)) {
      stall = classifyStall(plan);
    }
  }

  /** {@link PlanOptions.Mode#LIVE}: the rolling update waited for manage's actions this sync. */
  private static boolean waits(Plan plan) {
    for (Plan.Notice n : plan.notices()) {
      if (n.code() == Plan.NoticeCode.ROLLING_UPDATE_WAITS) {
        return true;
      }
    }
    return false;
  }

  /**
   * Gives the snapshot's daemon pods their lifecycle: a Ready pod not yet available is so at its
   * Ready time plus minReadySeconds (the controller syncs then); one that is not Ready, not
   * finished and not being deleted is Ready after the startup time from its creation; one being
   * deleted is gone after the shutdown time from its deletion.
   */
  private void startSnapshotPods(Plan plan) {
    for (NodeVerdict v : plan.verdicts()) {
      for (String name : v.daemonPods()) {
        SimPod sp = pods.get(name);
        if (sp == null) {
          continue;
        }
        Pod p = sp.pod;
        Condition ready = p.status().condition("Ready").orElse(null);
        if (p.metadata().isDeleting()) {
          sp.deleting = true;
          long since = millis(p.metadata().deletionTimestamp());
          schedule(Math.max(0, since + shutdown(p)), Kind.GONE, sp.node, sp, null, true);
        } else if (p.isTerminal()) {
          sp.failed = true;
        } else if (ready != null && ready.isTrue()) {
          sp.readyAt =
              ready.lastTransitionTime() == null
                  ? Long.MIN_VALUE / 2
                  : millis(ready.lastTransitionTime());
          if (sp.readyAt + minReady > 0) {
            schedule(sp.readyAt + minReady, Kind.AVAILABLE, sp.node, sp, null, true);
          } else {
            markAvailable(sp);
          }
        } else {
          long created = millis(p.metadata().creationTimestamp());
          long attempt = attempts.merge(sp.node, 1, Integer::sum) - 1L;
          long at = Math.max(0, created + startup(options.startup(), sp.node, attempt));
          schedule(at, Kind.READY, sp.node, sp, null, true);
        }
      }
    }
  }

  private long millis(@Nullable Instant t) {
    return t == null ? 0 : Duration.between(start, t).toMillis();
  }

  private long shutdown(Pod p) {
    Long grace = p.spec().terminationGracePeriodSeconds();
    long cap = (grace == null ? DEFAULT_GRACE_SECONDS : Math.max(0, grace)) * 1000;
    return Math.min(options.shutdown().toMillis(), cap);
  }

  private void create(Action.Create c) {
    Pod p = c.pod();
    String name = p.metadata().generateName() + suffix(podCounter++);
    while (pods.containsKey(name)) { // a name the snapshot already uses, as a real server avoids
      name = p.metadata().generateName() + suffix(podCounter++);
    }
    Pod bound =
        p.withMetadata(
                p.metadata().withName(name).withUid("sim-" + name).withCreationTimestamp(instant()))
            .withSpec(p.spec().withNodeName(c.node()))
            .withStatus(new PodStatus("Pending", List.of(), Map.of()));
    SimPod sp = new SimPod(bound, c.node());
    addPod(sp);
    record(Timeline.Type.CREATE, c.node(), name, c.reason().name());
    long attempt = attempts.merge(c.node(), 1, Integer::sum) - 1L;
    switch (fate(c.node())) {
      case STARTS ->
          schedule(
              now + startup(options.startup(), c.node(), attempt),
              Kind.READY,
              c.node(),
              sp,
              null,
              true);
      // The first crash on a node is awaited before a stall is called, so that the timeline
      // shows it; the later ones repeat it.
      case CRASH_LOOPS ->
          schedule(
              now + options.crashAfter().toMillis(),
              Kind.FAILED,
              c.node(),
              sp,
              null,
              crashed.add(c.node()));
      case NEVER_READY -> {}
    }
  }

  /** Applies a delete; true if it took an available pod from a node left with none. */
  private boolean delete(Action.Delete d) {
    SimPod sp = pods.get(podName(d));
    if (sp == null || sp.deleting) {
      return false;
    }
    boolean wasAvailable = sp.available;
    markUnavailable(sp);
    sp.deleting = true;
    update(sp, sp.pod.withMetadata(sp.pod.metadata().withDeletionTimestamp(instant())));
    record(Timeline.Type.DELETE, sp.node, sp.name, d.reason().name());
    if (d.reason() == Action.DeleteReason.FAILED) {
      backoff.next(sp.node, now);
    }
    boolean immediate =
        sp.failed
            || sp.pod.isTerminal()
            || !nodeIndex.containsKey(sp.node)
            || d.reason().isPodGcWork();
    // A pod going away is progress whatever its node: the stall check waits for it.
    schedule(immediate ? now : now + shutdown(sp.pod), Kind.GONE, sp.node, sp, null, true);
    if (wasAvailable && !hasAvailable(sp.node) && state(sp.node).desired) {
      disrupted.add(sp.node);
      return true;
    }
    return false;
  }

  /** The delete's pod name: the one place that knows the accessor's name. */
  static String podName(Action.Delete d) {
    return d.podName();
  }

  private boolean hasAvailable(String node) {
    NodeState n = states.get(node);
    return n != null && n.available > 0;
  }

  /**
   * Upstream re-queues a DaemonSet whose failed pod waits in the backoff after the remaining delay
   * (C5, H3): a wake-up at the end of the backoff of every node that holds a failed pod.
   */
  private void scheduleWakes(Plan plan) {
    for (String node : plan.notices().isEmpty() ? Set.<String>of() : backoff.nodesInBackoff(now)) {
      NodeState n = states.get(node);
      if (n == null || n.pods.stream().noneMatch(p -> p.failed && !p.deleting)) {
        continue;
      }
      long at = backoff.expiry(node);
      Long scheduled = wakes.get(node);
      if (scheduled == null || scheduled != at) {
        wakes.put(node, at);
        schedule(at, Kind.WAKE, node, null, null, healthy(node));
      }
    }
  }

  private static String suffix(long n) {
    // upstream names pods generateName + 5 random characters of this alphabet; ours count
    String alphabet = "bcdfghjklmnpqrstvwxz2456789";
    char[] out = new char[5];
    long v = n;
    for (int i = 4; i >= 0; i--) {
      out[i] = alphabet.charAt((int) (v % alphabet.length()));
      v /= alphabet.length();
    }
    return v == 0 ? new String(out) : new String(out) + n;
  }

  /** The counters of one sync. */
  private static final class Tally {
    int desired;
    int available;
    int allowed;
  }

  private Tally tally() {
    Tally t = new Tally();
    t.desired = desiredCount;
    t.available = availableDesired;
    t.allowed = allowed(t.desired);
    return t;
  }

  /** maxUnavailable scaled against {@code desired} as the rolling update scales it (D4, D5). */
  private int allowed(int desired) {
    if (Budget.isOnDelete(defaulted)) {
      return 0;
    }
    try {
      int unavailable = Budget.maxUnavailable(defaulted, desired);
      int surge = Budget.maxSurge(defaulted, desired);
      return desired > 0 && unavailable == 0 && surge == 0 ? 1 : unavailable;
    } catch (IllegalArgumentException e) {
      return 0;
    }
  }

  // ---------------------------------------------------------------- stalls

  private Timeline.Stall classifyStall(@Nullable Plan plan) {
    Duration at = Duration.ofMillis(now);
    if (plan == null) {
      return new Timeline.Stall(
          at, Timeline.Cause.NO_PROGRESS, "The controller never synced.", List.of());
    }
    for (Plan.Notice n : plan.notices()) {
      if (n.code() == Plan.NoticeCode.INVALID_BUDGET) {
        return new Timeline.Stall(at, Timeline.Cause.INVALID_BUDGET, n.message(), List.of());
      }
      if (n.code() == Plan.NoticeCode.ROLLING_UPDATE_BLOCKED) {
        return new Timeline.Stall(at, Timeline.Cause.BLOCKED, n.message(), List.of());
      }
    }
    List<String> outdated = new ArrayList<>();
    List<String> neverReady = new ArrayList<>();
    List<String> crashing = new ArrayList<>();
    List<String> unavailable = new ArrayList<>();
    for (NodeVerdict v : plan.verdicts()) {
      NodeState state = states.get(v.node());
      List<SimPod> onNode = state == null ? List.of() : state.pods;
      for (SimPod p : onNode) {
        if (!p.deleting
            && v.daemonPods().contains(p.name)
            && !currentHash.equals(p.pod.metadata().labels().get("controller-revision-hash"))) {
          outdated.add(v.node());
          break;
        }
      }
      if (v.verdict().shouldRun() && !hasAvailable(v.node())) {
        unavailable.add(v.node());
        switch (fate(v.node())) {
          case NEVER_READY -> neverReady.add(v.node());
          case CRASH_LOOPS -> crashing.add(v.node());
          case STARTS -> {}
        }
      }
    }
    if (Budget.isOnDelete(defaulted) && !outdated.isEmpty()) {
      return new Timeline.Stall(
          at,
          Timeline.Cause.ON_DELETE,
          "The update strategy is OnDelete: "
              + outdated.size()
              + " old pods are replaced only when something else deletes them.",
          outdated);
    }
    if (!crashing.isEmpty()) {
      return new Timeline.Stall(
          at,
          Timeline.Cause.CRASH_LOOP,
          "New pods on "
              + crashing.size()
              + " nodes fail again and again; "
              + stalledBudget(unavailable.size())
              + ".",
          crashing);
    }
    if (!neverReady.isEmpty()) {
      return new Timeline.Stall(
          at,
          Timeline.Cause.NEVER_AVAILABLE,
          "New pods on "
              + neverReady.size()
              + " nodes never become available; "
              + stalledBudget(unavailable.size())
              + ".",
          neverReady);
    }
    List<String> nodesInvolved = unavailable.isEmpty() ? outdated : unavailable;
    return new Timeline.Stall(
        at,
        Timeline.Cause.NO_PROGRESS,
        "Nothing more happens, and "
            + nodesInvolved.size()
            + " nodes are not on an updated, available pod.",
        nodesInvolved);
  }

  private String stalledBudget(int unavailableNodes) {
    int allowed = allowed(lastPlan == null ? 0 : lastPlan.status().desiredNumberScheduled());
    return unavailableNodes >= allowed && !Budget.allowsSurge(defaulted)
        ? "they hold the maxUnavailable budget of " + allowed + ", so the rollout cannot go on"
        : "the rest of the rollout is done";
  }
}
