package dev.daemonset.core.diff;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.model.JsonValue;
import dev.daemonset.api.model.Pod;
import dev.daemonset.api.plan.ClusterSnapshot;
import dev.daemonset.api.plan.FailedPredicate;
import dev.daemonset.api.plan.NodeVerdict;
import dev.daemonset.api.plan.NodeVerdict.Verdict;
import dev.daemonset.api.plan.Plan;
import dev.daemonset.api.simulate.Impact;
import dev.daemonset.api.simulate.Impact.FieldChange;
import dev.daemonset.api.simulate.Impact.NodeChange;
import dev.daemonset.api.simulate.SimulationOptions;
import dev.daemonset.api.simulate.Timeline;
import dev.daemonset.core.defaults.Defaults;
import dev.daemonset.core.plan.Planner;
import dev.daemonset.core.render.ManifestWriter;
import dev.daemonset.core.simulate.Simulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The change impact of replacing one DaemonSet with another ({@link Impact}).
 *
 * <ul>
 *   <li><b>Fields</b>: both DaemonSets are defaulted as the API server would store them ({@link
 *       Defaults}: {@code cpu: 0.5} becomes {@code 500m}, an omitted {@code updateStrategy} becomes
 *       the default one), rendered as Kubernetes JSON and compared member by member; list elements
 *       by index, or by {@code name} when every element has a distinct one (containers, volumes).
 *       Status and the fields the server owns ({@code uid}, {@code resourceVersion}, {@code
 *       generation}, {@code creationTimestamp}, {@code managedFields}, the template-generation and
 *       last-applied annotations) are left out.
 *   <li><b>Rollout</b>: the planner's revision hash of each template; a change of hash starts a
 *       rollout, any other change (metadata, strategy, minReadySeconds) does not.
 *   <li><b>Nodes</b>, with a snapshot: one plan with each DaemonSet gives each node's verdict
 *       before and after. A node gains the pod when it newly should run it; it loses it when it
 *       must no longer run it, when it should have run the old pod, has none and may start no new
 *       one, or when the simulated rollout deletes its old pod and none may start there (an
 *       untolerated {@code NoSchedule} taint without surge).
 *   <li><b>Replaced pods and duration</b>, with a snapshot and a rollout: from {@link
 *       Simulator#simulate} with the given assumptions, of the new DaemonSet as the API server
 *       stores it: when the template changes, its template generation is one above the old one
 *       (pods labelled with the old generation are not taken for updated ones).
 * </ul>
 *
 * <p>Pure and deterministic, like the planner and the simulator. Thread-safe.
 *
 * <pre>{@code
 * Impact impact = Differ.diff(before, after, snapshot, Instant.parse("2026-11-28T10:00:00Z"));
 * impact.changes().forEach(c -> System.out.println(c.path() + ": " + c.before() + " -> " + c.after()));
 * }</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class Differ {
  private static final Instant EPOCH = Instant.EPOCH;
  private static final Set<String> SERVER_METADATA =
      Set.of(
          "uid", "resourceVersion", "generation", "creationTimestamp", "managedFields", "selfLink");
  private static final Set<String> SERVER_ANNOTATIONS =
      Set.of(
          DaemonSet.TEMPLATE_GENERATION_ANNOTATION,
          "kubectl.kubernetes.io/last-applied-configuration");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

  private Differ() {}

  /** The impact without a cluster: fields and rollout only. */
  public static Impact diff(DaemonSet before, DaemonSet after) {
    requireNonNull(before, "before");
    requireNonNull(after, "after");
    String hashBefore = Planner.plan(before, ClusterSnapshot.EMPTY, EPOCH).currentHash();
    String hashAfter = Planner.plan(after, ClusterSnapshot.EMPTY, EPOCH).currentHash();
    return new Impact(
        key(after),
        !hashBefore.equals(hashAfter),
        hashBefore,
        hashAfter,
        changes(before, after),
        false,
        List.of(),
        List.of(),
        0,
        null,
        null);
  }

  /**
   * {@link #diff(DaemonSet, DaemonSet, ClusterSnapshot, Instant, SimulationOptions)} with the
   * defaults.
   */
  public static Impact diff(
      DaemonSet before, DaemonSet after, ClusterSnapshot snapshot, Instant start) {
    return diff(before, after, snapshot, start, SimulationOptions.DEFAULTS);
  }

  /**
   * The impact against a cluster.
   *
   * @param before the DaemonSet as it is
   * @param after the DaemonSet as it will be
   * @param snapshot the cluster now: nodes, the pods of {@code before}, revisions
   * @param start the time of the change
   * @param options the assumptions of the simulated rollout
   * @throws NullPointerException if an argument is {@code null}
   */
  public static Impact diff(
      DaemonSet before,
      DaemonSet after,
      ClusterSnapshot snapshot,
      Instant start,
      SimulationOptions options) {
    requireNonNull(snapshot, "snapshot");
    requireNonNull(start, "start");
    requireNonNull(options, "options");
    Impact fields = diff(before, after);
    DaemonSet stored = fields.rollout() ? nextTemplateGeneration(before, after) : after;
    Plan planBefore = Planner.plan(before, snapshot, start, options.planOptions());
    Plan planAfter = Planner.plan(stored, snapshot, start, options.planOptions());
    Timeline timeline =
        fields.rollout() ? Simulator.simulate(stored, snapshot, start, options) : null;

    // What the simulated rollout did per node: old pods deleted, and whether a pod is left.
    Set<String> startPods = new HashSet<>();
    snapshot.pods().forEach(p -> startPods.add(p.metadata().name()));
    Map<String, Integer> replacedOn = new HashMap<>();
    Set<String> createdOn = new HashSet<>();
    Set<String> podLeftOn = new HashSet<>();
    int replaced = 0;
    if (timeline != null) {
      for (Timeline.Event e : timeline.events()) {
        if (e.type() == Timeline.Type.DELETE && startPods.contains(e.pod())) {
          replacedOn.merge(e.node(), 1, Integer::sum);
        } else if (e.type() == Timeline.Type.CREATE) {
          createdOn.add(e.node());
        }
      }
      for (Pod p : timeline.finalState().pods()) {
        if (!p.metadata().isDeleting()) {
          podLeftOn.add(p.spec().nodeName());
        }
      }
      for (Map.Entry<String, Integer> e : replacedOn.entrySet()) {
        if (createdOn.contains(e.getKey())) {
          replaced += e.getValue();
        }
      }
    }

    List<NodeChange> gained = new ArrayList<>();
    List<NodeChange> lost = new ArrayList<>();
    for (NodeVerdict now : planAfter.verdicts()) {
      NodeVerdict was = planBefore.verdict(now.node()).orElse(null);
      if (was == null) {
        continue;
      }
      String node = now.node();
      boolean hadPod = !was.daemonPods().isEmpty();
      boolean ranBefore = was.verdict() == Verdict.SHOULD_RUN || hadPod;
      if (now.verdict() == Verdict.SHOULD_RUN) {
        if (was.verdict() != Verdict.SHOULD_RUN) {
          gained.add(
              new NodeChange(
                  node,
                  Impact.Reason.NOW_ELIGIBLE,
                  "The node fits the new DaemonSet; the old one did not: " + first(was)));
        }
      } else if (now.verdict() == Verdict.MUST_NOT_RUN) {
        if (ranBefore && was.verdict() != Verdict.MUST_NOT_RUN) {
          lost.add(new NodeChange(node, Impact.Reason.NOT_ELIGIBLE, first(now)));
        }
      } else if (timeline != null && replacedOn.containsKey(node) && !podLeftOn.contains(node)) {
        lost.add(
            new NodeChange(
                node,
                Impact.Reason.EMPTIED_BY_ROLLOUT,
                "The rolling update deletes the node's old pod and no new one may start there: "
                    + first(now)));
      } else if (was.verdict() == Verdict.SHOULD_RUN && !hadPod) {
        lost.add(new NodeChange(node, Impact.Reason.NO_NEW_POD, first(now)));
      }
    }
    Duration estimate = timeline != null && timeline.converged() ? timeline.duration() : null;
    return new Impact(
        fields.daemonSet(),
        fields.rollout(),
        fields.hashBefore(),
        fields.hashAfter(),
        fields.changes(),
        true,
        gained,
        lost,
        replaced,
        estimate,
        timeline == null ? null : timeline.outcome());
  }

  /**
   * {@code after} as the API server stores it over {@code before} when the template changed (E4,
   * the daemonset strategy's {@code PrepareForUpdate}): the template generation one above the old
   * one. Without it, pods labelled with the old generation would pass for updated ones (E3).
   */
  static DaemonSet nextTemplateGeneration(DaemonSet before, DaemonSet after) {
    java.util.OptionalLong old = before.templateGeneration();
    java.util.OptionalLong now = after.templateGeneration();
    if (old.isEmpty() || (now.isPresent() && now.getAsLong() > old.getAsLong())) {
      return after;
    }
    Map<String, String> annotations = new java.util.TreeMap<>(after.metadata().annotations());
    annotations.put(DaemonSet.TEMPLATE_GENERATION_ANNOTATION, Long.toString(old.getAsLong() + 1));
    return after.withMetadata(after.metadata().withAnnotations(annotations));
  }

  private static String first(NodeVerdict v) {
    List<FailedPredicate> f = v.failures();
    return f.isEmpty() ? "no predicate fails" : f.get(0).message();
  }

  private static String key(DaemonSet ds) {
    return ds.qualifiedName();
  }

  // ---------------------------------------------------------------- fields

  static List<FieldChange> changes(DaemonSet before, DaemonSet after) {
    List<FieldChange> out = new ArrayList<>();
    compare("", tree(before), tree(after), out);
    out.sort(java.util.Comparator.comparing(FieldChange::path));
    return out;
  }

  /** The DaemonSet as the API server stores it, without status and server-owned metadata. */
  private static JsonValue tree(DaemonSet ds) {
    JsonValue.Obj whole = ManifestWriter.tree(Defaults.defaulted(ds));
    Map<String, JsonValue> members = new LinkedHashMap<>(whole.members());
    members.remove("status");
    JsonValue meta = members.get("metadata");
    if (meta != null) {
      Map<String, JsonValue> m = new LinkedHashMap<>(meta.members());
      SERVER_METADATA.forEach(m::remove);
      JsonValue annotations = m.get("annotations");
      if (annotations != null) {
        Map<String, JsonValue> a = new LinkedHashMap<>(annotations.members());
        SERVER_ANNOTATIONS.forEach(a::remove);
        if (a.isEmpty()) {
          m.remove("annotations");
        } else {
          m.put("annotations", new JsonValue.Obj(a));
        }
      }
      members.put("metadata", new JsonValue.Obj(m));
    }
    return new JsonValue.Obj(members);
  }

  private static void compare(
      String path, @Nullable JsonValue a, @Nullable JsonValue b, List<FieldChange> out) {
    if (a == null && b == null) {
      return;
    }
    if (a == null && b != null && b.kind() == JsonValue.Kind.OBJECT) {
      a = new JsonValue.Obj(Map.of()); // a new object: each of its fields is a change
    } else if (b == null && a != null && a.kind() == JsonValue.Kind.OBJECT) {
      b = new JsonValue.Obj(Map.of());
    }
    if (a == null || b == null || a.kind() != b.kind()) {
      out.add(new FieldChange(path, a, b));
      return;
    }
    switch (a.kind()) {
      case OBJECT -> {
        Set<String> keys = new java.util.TreeSet<>(a.members().keySet());
        keys.addAll(b.members().keySet());
        for (String k : keys) {
          compare(member(path, k), a.members().get(k), b.members().get(k), out);
        }
      }
      case ARRAY -> compareArrays(path, a.elements(), b.elements(), out);
      default -> {
        if (!same(a, b)) {
          out.add(new FieldChange(path, a, b));
        }
      }
    }
  }

  private static boolean same(JsonValue a, JsonValue b) {
    if (a instanceof JsonValue.Num x && b instanceof JsonValue.Num y) {
      return x.equals(y)
          || new java.math.BigDecimal(x.literal()).compareTo(new java.math.BigDecimal(y.literal()))
              == 0;
    }
    return a.equals(b);
  }

  private static void compareArrays(
      String path, List<JsonValue> a, List<JsonValue> b, List<FieldChange> out) {
    Map<String, Integer> namesA = names(a);
    Map<String, Integer> namesB = names(b);
    if (namesA != null && namesB != null) {
      // by name, reported at the new index (the old one for an element that is gone)
      for (Map.Entry<String, Integer> e : namesB.entrySet()) {
        Integer i = namesA.get(e.getKey());
        compare(
            path + "[" + e.getValue() + "]", i == null ? null : a.get(i), b.get(e.getValue()), out);
      }
      for (Map.Entry<String, Integer> e : namesA.entrySet()) {
        if (!namesB.containsKey(e.getKey())) {
          // field by field, as an added element is
          compare(path + "[" + e.getValue() + "]", a.get(e.getValue()), null, out);
        }
      }
      return;
    }
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      compare(
          path + "[" + i + "]",
          i < a.size() ? a.get(i) : null,
          i < b.size() ? b.get(i) : null,
          out);
    }
  }

  /** Each element's {@code name} and index, if every element is an object with a distinct one. */
  private static @Nullable Map<String, Integer> names(List<JsonValue> list) {
    if (list.isEmpty()) {
      return null;
    }
    Map<String, Integer> out = new LinkedHashMap<>();
    for (int i = 0; i < list.size(); i++) {
      JsonValue name = list.get(i).members().get("name");
      if (name == null || name.asString().isEmpty() || out.put(name.asString().get(), i) != null) {
        return null;
      }
    }
    return out;
  }

  private static String member(String path, String key) {
    if (IDENTIFIER.matcher(key).matches()) {
      return path.isEmpty() ? key : path + "." + key;
    }
    return path + "[" + key + "]";
  }
}
