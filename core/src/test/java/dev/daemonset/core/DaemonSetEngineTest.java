package dev.daemonset.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.ReadResult;
import dev.daemonset.api.Span;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.plan.Action;
import dev.daemonset.api.plan.ClusterSnapshot;
import dev.daemonset.api.plan.Plan;
import dev.daemonset.api.plan.PlanOptions;
import dev.daemonset.core.lint.Linter;
import dev.daemonset.core.read.ReadLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one entry point: read, validate, lint and plan, with the traps of issue 16 closed. */
class DaemonSetEngineTest {

  static final Instant NOW = Instant.parse("2026-01-01T01:00:00Z");
  static final Path EXAMPLES = TestData.path("examples");

  /** A DaemonSet mid-rollout from img:1 (revision rev1) to img:2 (revision rev2). */
  static final String DAEMON_SET =
      """
      apiVersion: apps/v1
      kind: DaemonSet
      metadata: {name: ds, namespace: default, uid: ds-uid, generation: 2}
      spec:
        selector:
          matchLabels: {app: ds}
        template:
          metadata:
            labels: {app: ds}
          spec:
            containers:
            - {name: c, image: 'img:2'}
        updateStrategy:
          type: RollingUpdate
          rollingUpdate: {maxUnavailable: 1}
      """;

  /** Two nodes, a pod of each revision, and both ControllerRevisions. */
  static final String CLUSTER =
      """
      apiVersion: v1
      kind: List
      items:
      - {apiVersion: v1, kind: Node, metadata: {name: a}}
      - {apiVersion: v1, kind: Node, metadata: {name: b}}
      - apiVersion: v1
        kind: Pod
        metadata: {name: a-1, namespace: default, uid: uid-a-1, labels: {app: ds, controller-revision-hash: rev2}, creationTimestamp: '2026-01-01T00:00:00Z', ownerReferences: [{apiVersion: apps/v1, kind: DaemonSet, name: ds, uid: ds-uid, controller: true}]}
        spec: {containers: [{name: c, image: 'img:2'}], nodeName: a}
        status: {phase: Running, conditions: [{type: Ready, status: 'True', lastTransitionTime: '2026-01-01T00:00:00Z'}]}
      - apiVersion: v1
        kind: Pod
        metadata: {name: b-1, namespace: default, uid: uid-b-1, labels: {app: ds, controller-revision-hash: rev1}, creationTimestamp: '2026-01-01T00:00:00Z', ownerReferences: [{apiVersion: apps/v1, kind: DaemonSet, name: ds, uid: ds-uid, controller: true}]}
        spec: {containers: [{name: c, image: 'img:1'}], nodeName: b}
        status: {phase: Running, conditions: [{type: Ready, status: 'True', lastTransitionTime: '2026-01-01T00:00:00Z'}]}
      - apiVersion: apps/v1
        kind: ControllerRevision
        metadata: {name: ds-rev1, namespace: default, labels: {app: ds, controller-revision-hash: rev1}}
        revision: 1
        data: {spec: {template: {metadata: {labels: {app: ds}}, spec: {containers: [{name: c, image: 'img:1'}]}, $patch: replace}}}
      - apiVersion: apps/v1
        kind: ControllerRevision
        metadata: {name: ds-rev2, namespace: default, labels: {app: ds, controller-revision-hash: rev2}}
        revision: 2
        data: {spec: {template: {metadata: {labels: {app: ds}}, spec: {containers: [{name: c, image: 'img:2'}]}, $patch: replace}}}
      """;

  static List<String> describe(Plan plan) {
    return plan.actions().stream()
        .map(
            a ->
                a instanceof Action.Delete d
                    ? "delete " + d.podName() + " on " + d.node() + " " + d.reason().name()
                    : "create on " + a.node() + " " + a.reason().name())
        .toList();
  }

  @Test
  void aSnapshotFromAReadResultKeepsTheControllerRevisions() {
    DaemonSetEngine engine = DaemonSetEngine.defaults();
    ReadResult manifests = engine.read(DAEMON_SET);
    ReadResult cluster = engine.read(CLUSTER);
    assertThat(cluster.diagnostics()).isEmpty();

    ClusterSnapshot snapshot = ClusterSnapshot.from(cluster);
    assertThat(snapshot.revisions())
        .extracting(r -> r.metadata().name())
        .containsExactly("ds-rev1", "ds-rev2");
    Plan plan = engine.plan(manifests, snapshot, NOW).get(0);
    assertThat(plan.currentHash()).isEqualTo("rev2");
    assertThat(plan.hashSource()).isEqualTo(Plan.HashSource.CONTROLLER_REVISION);
    assertThat(describe(plan)).containsExactly("delete b-1 on b OUTDATED");

    // the trap this replaces: nodes and pods only, so the hash is our own and every pod looks old
    Plan withoutRevisions =
        engine.plan(manifests, ClusterSnapshot.of(cluster.nodes(), cluster.pods()), NOW).get(0);
    assertThat(withoutRevisions.hashSource()).isEqualTo(Plan.HashSource.COMPUTED);
    assertThat(describe(withoutRevisions)).containsExactly("delete a-1 on a OUTDATED");

    // several results: the same snapshot as one
    ReadResult nodesOnly = engine.read(CLUSTER.substring(0, CLUSTER.indexOf("- apiVersion: v1\n")));
    assertThat(ClusterSnapshot.from(List.of(nodesOnly, cluster)).nodes()).hasSize(4);
  }

  static final String INVALID =
      """
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: agent
      spec:
        minReadySeconds: -1
        selector: {matchLabels: {app: agent}}
        template:
          metadata: {labels: {app: other}}
          spec:
            containers: [{name: agent, image: "agent:1.0"}]
      """;

  @Test
  void aDaemonSetTheApiServerWouldRejectIsNotPlanned() {
    DaemonSetEngine engine = DaemonSetEngine.defaults();
    ClusterSnapshot cluster = ClusterSnapshot.from(engine.read(CLUSTER));
    List<Plan> plans = engine.plan(engine.read(INVALID), cluster, NOW);
    assertThat(plans).hasSize(1);
    Plan plan = plans.get(0);
    assertThat(plan.daemonSet()).isEqualTo("default/agent");
    assertThat(plan.outcome()).isEqualTo(Plan.Outcome.REJECTED);
    assertThat(plan.actions()).isEmpty();
    assertThat(plan.errors())
        .extracting(Diagnostic::code, Diagnostic::path, Diagnostic::message, d -> d.span().line())
        .containsExactly(
            tuple(
                "FieldValueInvalid",
                "spec.minReadySeconds",
                "Invalid value: -1: must be greater than or equal to 0",
                6),
            tuple(
                "FieldValueInvalid",
                "spec.template.metadata.labels",
                "Invalid value: {\"app\":\"other\"}: `selector` does not match template `labels`",
                9));

    // the option to skip validation plans it all the same, as Planner.plan does
    Plan unchecked =
        engine.withValidationBeforePlanning(false).plan(engine.read(INVALID), cluster, NOW).get(0);
    assertThat(unchecked.outcome()).isEqualTo(Plan.Outcome.PLANNED);
    assertThat(unchecked.errors()).isEmpty();
    assertThat(describe(unchecked)).containsExactly("create on a MISSING", "create on b MISSING");
  }

  @Test
  void aDaemonSetBuiltInCodeIsRejectedWithUnknownPositions() {
    DaemonSetEngine engine = DaemonSetEngine.defaults();
    DaemonSet ds = engine.read(INVALID).daemonSets().get(0);
    Plan plan = engine.plan(ds, ClusterSnapshot.EMPTY, NOW);
    assertThat(plan.outcome()).isEqualTo(Plan.Outcome.REJECTED);
    assertThat(plan.errors()).extracting(Diagnostic::span).containsOnly(Span.UNKNOWN);
    assertThat(plan.errors()).hasSize(2);
  }

  @Test
  void readingErrorsOfTheDocumentRejectItToo() {
    String unknownField =
        DAEMON_SET.replace("  updateStrategy:", "  updateStrategyy: {}\n  updateStrategy:");
    DaemonSetEngine engine = DaemonSetEngine.defaults();
    ReadResult read = engine.read(unknownField);
    Plan plan = engine.plan(read, ClusterSnapshot.EMPTY, NOW).get(0);
    assertThat(plan.outcome()).isEqualTo(Plan.Outcome.REJECTED);
    assertThat(plan.errors())
        .extracting(Diagnostic::code, d -> d.span().line())
        .containsExactly(tuple("unknown-field", 13));
  }

  @Test
  void readsAndLintsFiles(@TempDir Path dir) throws IOException {
    DaemonSetEngine engine = DaemonSetEngine.defaults();
    Path file = EXAMPLES.resolve("my-daemonset.yaml");
    ReadResult fromPath = engine.read(file);
    ReadResult fromText = engine.read(Files.readString(file));
    assertThat(fromPath.daemonSets()).isEqualTo(fromText.daemonSets()).hasSize(1);
    assertThat(fromPath.diagnostics()).isEqualTo(fromText.diagnostics());
    assertThat(engine.lint(file))
        .extracting(d -> d.span().line() + ":" + d.span().column() + " " + d.code())
        .containsExactly(
            "13:5 os-selector-missing",
            "13:5 priority-class-missing",
            "14:7 readiness-probe-missing",
            "15:9 memory-limit-missing",
            "15:9 resources-missing",
            "16:16 image-tag-latest");
    assertThat(engine.validate(engine.read(file))).isEmpty();
    assertThat(engine.validate(engine.read(INVALID)))
        .extracting(Diagnostic::code)
        .containsExactly("FieldValueInvalid", "FieldValueInvalid");

    Path missing = dir.resolve("missing.yaml");
    assertThatThrownBy(() -> engine.read(missing)).isInstanceOf(NoSuchFileException.class);
    Path large = Files.writeString(dir.resolve("large.yaml"), "a: " + "b".repeat(100));
    assertThat(
            engine
                .withReadLimits(ReadLimits.DEFAULTS.withMaxTotalSize(50))
                .read(large)
                .diagnostics())
        .extracting(Diagnostic::code, Diagnostic::message)
        .containsExactly(
            tuple(
                "document-too-large",
                "the input is at least 103 bytes long, more than the limit of 50 bytes"));
  }

  @Test
  void configurationMakesNewEnginesAndLeavesTheOldOneAlone() {
    DaemonSetEngine engine = DaemonSetEngine.defaults();
    PlanOptions live = PlanOptions.DEFAULTS.withMode(PlanOptions.Mode.LIVE);
    DaemonSetEngine configured =
        engine
            .withPlanOptions(live)
            .withLinter(Linter.builder().noPolicies().build())
            .withReadLimits(ReadLimits.DEFAULTS.withMaxDepth(8))
            .withValidationBeforePlanning(false);
    assertThat(engine.planOptions()).isEqualTo(PlanOptions.DEFAULTS);
    assertThat(engine.validatesBeforePlanning()).isTrue();
    assertThat(engine.reader().limits()).isEqualTo(ReadLimits.DEFAULTS);
    assertThat(configured.planOptions()).isEqualTo(live);
    assertThat(configured.validatesBeforePlanning()).isFalse();
    assertThat(configured.reader().limits().maxDepth()).isEqualTo(8);
    assertThat(configured.lint(DAEMON_SET)).isEmpty(); // no policies, and the manifest is valid
    assertThat(engine.lint(DAEMON_SET))
        .extracting(Diagnostic::code)
        .containsExactly(
            "os-selector-missing",
            "priority-class-missing",
            "readiness-probe-missing",
            "memory-limit-missing",
            "resources-missing");
  }
}
