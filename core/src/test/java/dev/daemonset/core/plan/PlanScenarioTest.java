package dev.daemonset.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.daemonset.api.ReadResult;
import dev.daemonset.api.model.Condition;
import dev.daemonset.api.model.ControllerRevision;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.model.DaemonSetStatus;
import dev.daemonset.api.model.KubernetesObject;
import dev.daemonset.api.model.Node;
import dev.daemonset.api.model.NodeSelectorRequirement;
import dev.daemonset.api.model.NodeSelectorTerm;
import dev.daemonset.api.model.Pod;
import dev.daemonset.api.model.PodStatus;
import dev.daemonset.api.plan.Action;
import dev.daemonset.api.plan.ClusterSnapshot;
import dev.daemonset.api.plan.FailedPredicate;
import dev.daemonset.api.plan.NodeVerdict;
import dev.daemonset.api.plan.Plan;
import dev.daemonset.api.plan.PlanOptions;
import dev.daemonset.core.TestData;
import dev.daemonset.core.internal.snapshot.Slim;
import dev.daemonset.core.read.ManifestReader;
import dev.daemonset.core.read.SnapshotReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every planner scenario in {@code src/conformance/planner/} (format: that folder's
 * README.md). The scenario's own structure is parsed with Jackson; its Kubernetes objects are read
 * by {@link ManifestReader}, as a user's manifests would be. One dynamic test per file; a
 * multi-step scenario applies each step's plan (deleted pods gone, created pods bound and Pending)
 * before the next step.
 */
class PlanScenarioTest {
  static final Path DIR = TestData.path("conformance/planner");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ManifestReader READER = ManifestReader.defaults();

  @TestFactory
  Stream<DynamicTest> scenarios() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(DIR)) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThan(10);
    // Each scenario twice: with the planner's fast paths and the straightforward way (FastPaths).
    return files.stream()
        .flatMap(
            f ->
                Stream.of(
                    DynamicTest.dynamicTest(
                        f.getFileName().toString(), f.toUri(), () -> run(f, FastPaths.ALL)),
                    DynamicTest.dynamicTest(
                        f.getFileName() + " [fast paths off]",
                        f.toUri(),
                        () -> run(f, FastPaths.NONE))));
  }

  /**
   * Every scenario again, its cluster read by {@link SnapshotReader} from one {@code v1 List} of
   * all its Nodes, Pods and ControllerRevisions, as JSON and as YAML: the objects are those the
   * full reader reads, as {@link Slim} keeps them, and every step plans the same plan as with the
   * full objects.
   */
  @TestFactory
  Stream<DynamicTest> scenariosWithTheClusterReadAsASnapshot() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(DIR)) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    return files.stream()
        .flatMap(
            f ->
                Stream.of(false, true)
                    .map(
                        yaml ->
                            DynamicTest.dynamicTest(
                                f.getFileName() + (yaml ? " (YAML)" : " (JSON)"),
                                f.toUri(),
                                () -> runWithSnapshot(f, yaml))));
  }

  static void run(Path file, FastPaths fast) throws IOException {
    JsonNode root = YAML.readTree(file.toFile());
    run(file, root, cluster(root), null, fast);
  }

  /** The scenario's cluster, each object read by the full reader. */
  private static ClusterSnapshot cluster(JsonNode root) {
    return new ClusterSnapshot(
        list(root.path("nodes"), n -> object(n, Node.class)),
        list(root.path("pods"), n -> object(n, Pod.class)),
        list(root.path("revisions"), n -> object(n, ControllerRevision.class)));
  }

  private static void runWithSnapshot(Path file, boolean yaml) throws IOException {
    JsonNode root = YAML.readTree(file.toFile());
    ClusterSnapshot full = cluster(root);
    ObjectNode list = JSON.createObjectNode().put("apiVersion", "v1").put("kind", "List");
    ArrayNode items = list.putArray("items");
    for (String key : List.of("nodes", "pods", "revisions")) {
      root.path(key).forEach(items::add);
    }
    String text = (yaml ? YAML : JSON).writeValueAsString(list);
    ReadResult read = SnapshotReader.defaults().read(text);
    assertThat(read.diagnostics()).as("snapshot diagnostics").isEmpty();
    ClusterSnapshot slim = ClusterSnapshot.from(read);
    assertThat(slim.nodes()).isEqualTo(full.nodes().stream().map(Slim::node).toList());
    assertThat(slim.pods()).isEqualTo(full.pods().stream().map(Slim::pod).toList());
    assertThat(slim.revisions()).isEqualTo(full.revisions().stream().map(Slim::revision).toList());
    run(file, root, slim, full, FastPaths.ALL);
  }

  /**
   * Runs the scenario's steps against {@code snapshot}; with {@code same}, every plan must also be
   * the plan of the same step against {@code same} (the full objects of a snapshot read).
   */
  @SuppressWarnings("ReferenceEquality") // step != root: the first step is the root node itself
  private static void run(
      Path file,
      JsonNode root,
      ClusterSnapshot snapshot,
      @Nullable ClusterSnapshot same,
      FastPaths fast) {
    DaemonSet ds = object(root.path("daemonSet"), DaemonSet.class);
    PlanOptions options = options(PlanOptions.DEFAULTS, root.path("options"));
    List<JsonNode> steps = new ArrayList<>();
    if (root.has("steps")) {
      root.get("steps").forEach(steps::add);
    } else {
      steps.add(root);
    }
    for (int i = 0; i < steps.size(); i++) {
      JsonNode step = steps.get(i);
      Instant now = Instant.parse(step.path("now").asText());
      if (step != root && step.has("daemonSet")) {
        ds = object(step.get("daemonSet"), DaemonSet.class);
      }
      if (step != root) {
        options = options(options, step.path("options"));
      }
      snapshot = before(snapshot, step.path("before"), now);
      Plan plan = Planner.plan(ds, snapshot, now, options, fast);
      check("step " + (i + 1) + " of " + file.getFileName(), plan, step.path("expect"));
      snapshot = snapshot.withPods(applied(snapshot.pods(), plan, now, i + 1));
      if (same != null) {
        same = before(same, step.path("before"), now);
        Plan full = Planner.plan(ds, same, now, options);
        assertThat(plan).as("step " + (i + 1) + ": the plan of the full objects").isEqualTo(full);
        same = same.withPods(applied(same.pods(), full, now, i + 1));
      }
    }
  }

  /**
   * One Kubernetes object of the scenario, read by {@link ManifestReader} like any manifest; it
   * must read cleanly.
   */
  private static <T extends KubernetesObject> T object(JsonNode node, Class<T> type) {
    ReadResult result;
    try {
      result = READER.read(JSON.writeValueAsString(node));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(result.diagnostics()).as("diagnostics reading %s", node).isEmpty();
    List<T> objects = result.objects(type);
    assertThat(objects).as("a %s in %s", type.getSimpleName(), node).hasSize(1);
    return objects.get(0);
  }

  static <T> List<T> list(JsonNode n, Function<JsonNode, T> f) {
    List<T> out = new ArrayList<>();
    n.forEach(e -> out.add(f.apply(e)));
    return out;
  }

  private static PlanOptions options(PlanOptions base, JsonNode o) {
    PlanOptions options = base;
    if (o.has("mode")) {
      options = options.withMode(PlanOptions.Mode.valueOf(o.get("mode").asText()));
    }
    if (o.has("burstReplicas")) {
      options = options.withBurstReplicas(o.get("burstReplicas").asInt());
    }
    if (o.has("nodesInBackoff")) {
      options =
          options.withNodesInBackoff(
              new TreeSet<>(list(o.get("nodesInBackoff"), JsonNode::asText)));
    }
    if (o.has("planPodsOnVanishedNodes")) {
      options = options.withPlanPodsOnVanishedNodes(o.get("planPodsOnVanishedNodes").asBoolean());
    }
    if (o.has("comparisonTolerations")) {
      options = options.withComparisonTolerations(o.get("comparisonTolerations").asBoolean());
    }
    if (o.has("currentRevisionHash")) {
      options = options.withCurrentRevisionHash(o.get("currentRevisionHash").asText());
    }
    return options;
  }

  /**
   * The step's {@code before:} changes, at {@code at} (default: the step's {@code now}): {@code
   * ready: [node...]} makes the unready pods on those nodes Ready, {@code unready: [pod...]} makes
   * those pods not Ready, {@code gone: [pod...]} removes pods.
   */
  private static ClusterSnapshot before(ClusterSnapshot snapshot, JsonNode before, Instant now) {
    Instant at = before.has("at") ? Instant.parse(before.get("at").asText()) : now;
    Set<String> ready = new TreeSet<>(list(before.path("ready"), JsonNode::asText));
    Set<String> unready = new TreeSet<>(list(before.path("unready"), JsonNode::asText));
    Set<String> gone = new TreeSet<>(list(before.path("gone"), JsonNode::asText));
    List<Pod> pods = new ArrayList<>();
    for (Pod p : snapshot.pods()) {
      if (gone.contains(p.metadata().name())) {
        continue;
      }
      if (ready.contains(p.spec().nodeName())
          && !p.metadata().isDeleting()
          && !"True".equals(p.status().condition("Ready").map(Condition::status).orElse(""))) {
        p =
            p.withStatus(
                new PodStatus("Running", List.of(Condition.of("Ready", "True", at)), Map.of()));
      }
      if (unready.contains(p.metadata().name())) {
        p =
            p.withStatus(
                new PodStatus("Running", List.of(Condition.of("Ready", "False", at)), Map.of()));
      }
      pods.add(p);
    }
    return snapshot.withPods(pods);
  }

  /**
   * The pods after the plan's actions: deleted ones gone, created ones bound to their node and
   * Pending.
   */
  static List<Pod> applied(List<Pod> pods, Plan plan, Instant now, int step) {
    Set<String> deleted = new TreeSet<>();
    List<Pod> out = new ArrayList<>();
    for (Action a : plan.actions()) {
      if (a instanceof Action.Delete d) {
        deleted.add(d.podName());
      } else if (a instanceof Action.Create c) {
        Pod p = c.pod();
        out.add(
            p.withMetadata(
                    p.metadata()
                        .withName(p.metadata().generateName() + c.node() + "-s" + step)
                        .withCreationTimestamp(now))
                .withSpec(p.spec().withNodeName(c.node()))
                .withStatus(new PodStatus("Pending", List.of(), Map.of())));
      }
    }
    List<Pod> kept =
        new ArrayList<>(pods.stream().filter(p -> !deleted.contains(p.metadata().name())).toList());
    kept.addAll(out);
    return kept;
  }

  private static void check(String where, Plan plan, JsonNode expect) {
    assertThat(plan.outcome().name())
        .as(where + ": outcome")
        .isEqualTo(expect.path("outcome").asText("PLANNED"));
    assertThat(describe(plan.actions()))
        .as(where + ": actions")
        .containsExactlyElementsOf(list(expect.path("actions"), JsonNode::asText));
    assertThat(describe(plan.deferred()))
        .as(where + ": deferred")
        .containsExactlyElementsOf(list(expect.path("deferred"), JsonNode::asText));
    assertThat(plan.notices().stream().map(n -> n.code().name()).toList())
        .as(where + ": notices")
        .containsExactlyElementsOf(list(expect.path("notices"), JsonNode::asText));
    if (expect.has("status")) {
      assertThat(counters(plan.status()))
          .as(where + ": status")
          .isEqualTo(counters(expect.get("status")));
    }
    if (expect.has("projectedStatus")) {
      assertThat(counters(plan.projectedStatus()))
          .as(where + ": projectedStatus")
          .isEqualTo(counters(expect.get("projectedStatus")));
    }
    if (expect.has("observedGeneration")) {
      assertThat(
              List.of(
                  plan.status().observedGeneration(), plan.projectedStatus().observedGeneration()))
          .as(where + ": observedGeneration")
          .containsOnly(expect.get("observedGeneration").asLong());
    }
    if (expect.has("verdicts")) {
      Map<String, String> verdicts = new TreeMap<>();
      plan.verdicts().forEach(v -> verdicts.put(v.node(), v.verdict().name()));
      Map<String, String> want = new TreeMap<>();
      expect.get("verdicts").properties().forEach(e -> want.put(e.getKey(), e.getValue().asText()));
      assertThat(verdicts).as(where + ": verdicts").isEqualTo(want);
    }
    if (expect.has("failures")) {
      expect
          .get("failures")
          .properties()
          .forEach(
              e -> {
                NodeVerdict v =
                    plan.verdicts().stream()
                        .filter(x -> x.node().equals(e.getKey()))
                        .findFirst()
                        .orElseThrow();
                assertThat(v.failures().stream().map(PlanScenarioTest::describe).toList())
                    .as(where + ": failures of " + e.getKey())
                    .containsExactlyElementsOf(list(e.getValue(), JsonNode::asText));
              });
    }
    if (expect.has("hash")) {
      assertThat(plan.currentHash()).as(where + ": hash").isEqualTo(expect.get("hash").asText());
    }
    if (expect.has("hashSource")) {
      assertThat(plan.hashSource().name())
          .as(where + ": hashSource")
          .isEqualTo(expect.get("hashSource").asText());
    }
    if (expect.has("adopted")) {
      assertThat(plan.adopted())
          .as(where + ": adopted")
          .containsExactlyElementsOf(list(expect.get("adopted"), JsonNode::asText));
    }
    if (expect.has("released")) {
      assertThat(plan.released())
          .as(where + ": released")
          .containsExactlyElementsOf(list(expect.get("released"), JsonNode::asText));
    }
    if (expect.path("createdPinned").asBoolean(false)) {
      assertThat(plan.creates()).as(where + ": creates").isNotEmpty();
      plan.creates()
          .forEach(
              c ->
                  assertThat(c.pod().spec().requiredNodeAffinityTerms())
                      .as(where + ": pinned affinity")
                      .isEqualTo(
                          List.of(
                              new NodeSelectorTerm(
                                  List.of(),
                                  List.of(
                                      new NodeSelectorRequirement(
                                          "metadata.name", "In", List.of(c.node())))))));
    }
    if (expect.has("createdLabels")) {
      Map<String, String> want = new TreeMap<>();
      expect
          .get("createdLabels")
          .properties()
          .forEach(e -> want.put(e.getKey(), e.getValue().asText()));
      assertThat(plan.creates()).as(where + ": creates").isNotEmpty();
      plan.creates()
          .forEach(
              c -> assertThat(c.pod().metadata().labels()).as(where + ": labels").isEqualTo(want));
    }
  }

  /** {@code create <node> <REASON> #<batch>} and {@code delete <pod> on <node> <REASON>}. */
  static List<String> describe(List<Action> actions) {
    return actions.stream()
        .map(
            a ->
                a instanceof Action.Create c
                    ? "create " + c.node() + " " + c.reason() + " #" + c.batch()
                    : "delete "
                        + ((Action.Delete) a).podName()
                        + " on "
                        + a.node()
                        + " "
                        + a.reason().name())
        .toList();
  }

  /** A compact, exact rendering of a failed predicate for scenario files. */
  static String describe(FailedPredicate f) {
    if (f instanceof FailedPredicate.NodeNameMismatch m) {
      return "NODE_NAME " + m.templateNodeName();
    }
    if (f instanceof FailedPredicate.NodeSelectorMismatch m) {
      return "NODE_SELECTOR " + m.key() + "=" + m.expected() + " actual " + m.actual();
    }
    if (f instanceof FailedPredicate.NodeAffinityMismatch m) {
      StringBuilder s = new StringBuilder("NODE_AFFINITY");
      for (FailedPredicate.TermFailure t : m.terms()) {
        s.append(" term").append(t.termIndex()).append(':');
        if (t.requirements().isEmpty()) {
          s.append(" EMPTY");
        }
        t.requirements()
            .forEach(r -> s.append(' ').append(r.path()).append(' ').append(r.problem()));
      }
      return s.toString();
    }
    FailedPredicate.UntoleratedTaint t = (FailedPredicate.UntoleratedTaint) f;
    return "TAINT "
        + t.taint()
        + (t.evicts() ? " evicts" : "")
        + " fix "
        + t.fix().key()
        + " "
        + t.fix().operator()
        + " "
        + t.fix().value()
        + " "
        + t.fix().effect();
  }

  private static Map<String, Long> counters(DaemonSetStatus s) {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("desired", (long) s.desiredNumberScheduled());
    m.put("current", (long) s.currentNumberScheduled());
    m.put("misscheduled", (long) s.numberMisscheduled());
    m.put("ready", (long) s.numberReady());
    m.put("updated", (long) s.updatedNumberScheduled());
    m.put("available", (long) s.numberAvailable());
    m.put("unavailable", (long) s.numberUnavailable());
    return m;
  }

  private static Map<String, Long> counters(JsonNode n) {
    Map<String, Long> m = new LinkedHashMap<>();
    for (String k :
        List.of(
            "desired", "current", "misscheduled", "ready", "updated", "available", "unavailable")) {
      assertThat(n.has(k)).as("status key " + k).isTrue();
      m.put(k, n.get(k).asLong());
    }
    return m;
  }
}
