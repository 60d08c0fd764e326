package dev.daemonset.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.ReadResult;
import dev.daemonset.api.Severity;
import dev.daemonset.api.Span;
import dev.daemonset.api.plan.ClusterSnapshot;
import dev.daemonset.api.plan.Plan;
import dev.daemonset.core.internal.tree.DroppedValues;
import dev.daemonset.core.lint.Linter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A value the reader cannot take (wrong type, no JSON form) is reported once, by the reader: the
 * validation and policy findings that only arise because the value is missing from the model are
 * not reported beside it, in lint, validate and plan alike.
 */
class DroppedValueEchoTest {

  private static final DaemonSetEngine ENGINE = DaemonSetEngine.defaults();

  /** A valid DaemonSet whose one container ends with {@code containerLines}. */
  private static String daemonSet(String containerLines) {
    return """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: ds, namespace: default}
        spec:
          selector:
            matchLabels: {app: ds}
          template:
            metadata:
              labels: {app: ds}
            spec:
              containers:
              - name: c
                image: img:1
        """
        + containerLines
        + "\n";
  }

  private static List<String> errors(List<Diagnostic> diagnostics) {
    return diagnostics.stream()
        .filter(Diagnostic::isError)
        .map(d -> d.code() + " " + d.path())
        .toList();
  }

  @Test
  void aWrongTypeIsReportedOnceNotAgainAsRequired() {
    String yaml = daemonSet("        ports:\n        - containerPort: \"abc\"");
    ReadResult read = ENGINE.read(yaml);

    assertThat(errors(ENGINE.lint(read)))
        .containsExactly("invalid-type spec.template.spec.containers[0].ports[0].containerPort");
    assertThat(errors(ENGINE.validate(read)))
        .containsExactly("invalid-type spec.template.spec.containers[0].ports[0].containerPort");
    List<Plan> plans = ENGINE.plan(read, ClusterSnapshot.EMPTY, Instant.EPOCH);
    assertThat(plans)
        .singleElement()
        .satisfies(p -> assertThat(p.outcome()).isEqualTo(Plan.Outcome.REJECTED));
    assertThat(errors(plans.get(0).errors()))
        .containsExactly("invalid-type spec.template.spec.containers[0].ports[0].containerPort");
  }

  @Test
  void aValueOutOfItsIntegerRangeIsReportedOnce() {
    String yaml = daemonSet("        ports:\n        - containerPort: 4294967376");
    assertThat(errors(ENGINE.lint(yaml)))
        .containsExactly("invalid-type spec.template.spec.containers[0].ports[0].containerPort");
  }

  @Test
  void findingsUnderADroppedValueGoTooButOthersStay() {
    // containers of the wrong type: no "containers: Required value" and no policy finding about
    // the containers that were not read; the wrong minReadySeconds elsewhere is its own error,
    // and a real validation error at another field is still there.
    String yaml =
        """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: ds, namespace: default}
        spec:
          minReadySeconds: -1
          revisionHistoryLimit: "ten"
          selector:
            matchLabels: {app: ds}
          template:
            metadata:
              labels: {app: ds}
            spec:
              containers: "c"
        """;
    List<Diagnostic> found = ENGINE.lint(yaml);
    assertThat(errors(found))
        .containsExactlyInAnyOrder(
            "FieldValueInvalid spec.minReadySeconds",
            "invalid-type spec.revisionHistoryLimit",
            "invalid-type spec.template.spec.containers");
    assertThat(found)
        .noneMatch(
            d ->
                d.path().startsWith("spec.template.spec.containers")
                    && !d.code().equals("invalid-type"));
  }

  @Test
  void aFindingAtAnotherFieldStaysEvenWhenTheDroppedValueCausedIt() {
    String yaml =
        """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: ds, namespace: default}
        spec:
          selector:
            matchLabels: "x"
          template:
            metadata:
              labels: {app: ds}
            spec:
              containers:
              - {name: c, image: 'img:1'}
        """;
    assertThat(errors(ENGINE.lint(yaml)))
        .contains("invalid-type spec.selector.matchLabels")
        .anyMatch(e -> e.endsWith(" spec.selector"));
  }

  @Test
  void anUpstreamPathWithoutTheListIndexIsMatchedToo() {
    // upstream names an owner reference's fields without the index: metadata.ownerReferences.name
    String yaml =
        """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: ds
          namespace: default
          ownerReferences:
          - {apiVersion: v1, kind: ConfigMap, name: false, uid: u}
        spec:
          selector:
            matchLabels: {app: ds}
          template:
            metadata:
              labels: {app: ds}
            spec:
              containers:
              - {name: c, image: 'img:1'}
        """;
    assertThat(errors(ENGINE.lint(yaml)))
        .containsExactly("invalid-type metadata.ownerReferences[0].name");
  }

  @Test
  void anUnsupportedYamlValueIsNotAlsoRequired() {
    String yaml = daemonSet("        ports:\n        - containerPort: .inf");
    assertThat(errors(ENGINE.lint(yaml)))
        .isNotEmpty()
        .noneMatch(e -> e.startsWith("FieldValueRequired"));
  }

  @Test
  void theLinterAloneDropsTheEchoesToo() {
    String yaml = daemonSet("        ports:\n        - containerPort: \"abc\"");
    assertThat(errors(Linter.defaults().lint(yaml)))
        .containsExactly("invalid-type spec.template.spec.containers[0].ports[0].containerPort");
  }

  @Test
  void coversThePathItsChildrenAndItsKeysButNotASiblingWithTheSamePrefix() {
    DroppedValues dropped =
        DroppedValues.of(
            List.of(
                finding("invalid-type", "spec.selector", 0),
                finding("unsupported-value", "metadata.labels[a.b]", 0),
                finding("unknown-field", "spec.foo", 0),
                finding("invalid-type", "spec.template", 1),
                finding("invalid-type", "metadata.ownerReferences[3].name", 0)));

    assertThat(dropped.isEmpty()).isFalse();
    assertThat(
            List.of(
                    "spec.selector",
                    "spec.selector.matchLabels",
                    "spec.selector.matchExpressions[0].key",
                    "spec.selectorX",
                    "spec",
                    "metadata.labels[a.b]",
                    "metadata.labels[a.b].x",
                    "metadata.labels[a]",
                    "metadata.labels[a.b.c]",
                    "spec.foo",
                    "spec.foo.bar",
                    "spec.template.spec",
                    "metadata.ownerReferences.name",
                    "metadata.ownerReferences[1].name",
                    "")
                .stream()
                .map(p -> tuple(p, dropped.covers(finding("FieldValueRequired", p, 0))))
                .toList())
        .containsExactly(
            tuple("spec.selector", true),
            tuple("spec.selector.matchLabels", true),
            tuple("spec.selector.matchExpressions[0].key", true),
            tuple("spec.selectorX", false),
            tuple("spec", false),
            tuple("metadata.labels[a.b]", true),
            tuple("metadata.labels[a.b].x", true),
            tuple("metadata.labels[a]", false),
            tuple("metadata.labels[a.b.c]", false),
            tuple("spec.foo", false), // an unknown field drops nothing the model has
            tuple("spec.foo.bar", false),
            tuple("spec.template.spec", false), // document 1's hole, not document 0's
            tuple("metadata.ownerReferences.name", true), // upstream's path without the index
            tuple("metadata.ownerReferences[1].name", false), // another item's field
            tuple("", false));
    assertThat(dropped.covers(finding("FieldValueRequired", "spec.template.spec", 1))).isTrue();
  }

  @Test
  void warningsDropNothingAndNoFindingsMeansNothingToDrop() {
    Diagnostic warning =
        new Diagnostic(Severity.WARNING, "invalid-type", "spec.selector", "m", Span.unknown(0));
    assertThat(DroppedValues.of(List.of(warning)).isEmpty()).isTrue();
    List<Diagnostic> findings = List.of(finding("FieldValueRequired", "spec.selector", 0));
    assertThat(DroppedValues.of(List.of()).without(findings)).isEqualTo(findings);
  }

  private static Diagnostic finding(String code, String path, int document) {
    return new Diagnostic(Severity.ERROR, code, path, "m", Span.unknown(document));
  }
}
