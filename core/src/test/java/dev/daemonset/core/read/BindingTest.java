package dev.daemonset.core.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.ReadResult;
import dev.daemonset.api.Span;
import dev.daemonset.api.model.Container;
import dev.daemonset.api.model.ControllerRevision;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.model.IntOrString;
import dev.daemonset.api.model.JsonValue;
import dev.daemonset.api.model.Node;
import dev.daemonset.api.model.Pod;
import dev.daemonset.api.model.Taint;
import dev.daemonset.core.TestData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Typed binding of each kind, free-keyed maps, merge keys, skipped kinds. */
class BindingTest {

  @Test
  void tutorialDaemonSet() throws IOException {
    byte[] bytes = Files.readAllBytes(TestData.path("examples/my-daemonset.yaml"));
    ReadResult r = ManifestReader.defaults().read(new ByteArrayInputStream(bytes));
    assertThat(r.diagnostics()).isEmpty();
    DaemonSet ds = r.daemonSets().get(0);
    assertThat(ds.metadata().name()).isEqualTo("my-daemonset");
    assertThat(ds.spec().selector().matchLabels()).isEqualTo(Map.of("app", "my-app"));
    assertThat(ds.spec().template().metadata().labels()).isEqualTo(Map.of("app", "my-app"));
    assertThat(ds.spec().template().spec().containers())
        .containsExactly(Container.of("my-container", "my-image:latest"));
    assertThat(r.documents().get(0).sourceMap().value("spec.template.spec.containers[0].image"))
        .contains(new Span(0, 16, 16, 16, 31));
    assertThat(r.documents().get(0).sourceMap().key("spec.template.metadata.labels[app]"))
        .contains(new Span(0, 12, 9, 12, 12));
  }

  @Test
  void typedDaemonSetFields() {
    ReadResult r =
        ManifestReader.defaults()
            .read(
                """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: agent
          namespace: kube-system
          creationTimestamp: "2024-01-31T12:00:00Z"
          annotations: {note: x}
        spec:
          selector: {matchLabels: {app: a}}
          updateStrategy:
            rollingUpdate: {maxUnavailable: 10%, maxSurge: 1}
          minReadySeconds: 5
          revisionHistoryLimit: 0
          template:
            spec:
              hostNetwork: true
              nodeSelector: {kubernetes.io/os: linux}
              tolerations: [{operator: Exists}]
              containers:
              - name: c
                image: i
                resources: {limits: {cpu: 1, memory: 1Gi}}
                livenessProbe: {httpGet: {port: http, path: /}, periodSeconds: 10}
                extraThing: 1
        """);
    assertThat(r.diagnostics())
        .extracting(Diagnostic::code, Diagnostic::path)
        .containsExactly(tuple("unknown-field", "spec.template.spec.containers[0].extraThing"));
    DaemonSet ds = r.daemonSets().get(0);
    assertThat(ds.metadata().creationTimestamp()).isEqualTo(Instant.parse("2024-01-31T12:00:00Z"));
    assertThat(ds.spec().updateStrategy().rollingUpdate().maxUnavailable())
        .isEqualTo(IntOrString.of("10%"));
    assertThat(ds.spec().updateStrategy().rollingUpdate().maxSurge()).isEqualTo(IntOrString.of(1));
    assertThat(ds.spec().minReadySeconds()).isEqualTo(5);
    assertThat(ds.spec().revisionHistoryLimit()).isZero();
    Container c = ds.spec().template().spec().containers().get(0);
    assertThat(c.resources().limits()).isEqualTo(Map.of("cpu", "1", "memory", "1Gi"));
    assertThat(c.livenessProbe().httpGet().port()).isEqualTo(IntOrString.of("http"));
    assertThat(c.other()).isEqualTo(Map.of("extraThing", JsonValue.of(1)));
    assertThat(ds.spec().template().spec().nodeSelector())
        .isEqualTo(Map.of("kubernetes.io/os", "linux"));
    assertThat(ds.spec().template().spec().hostNetwork()).isTrue();
  }

  @Test
  void kubectlGetNodesAndPodsList() {
    ReadResult r =
        ManifestReader.defaults()
            .read(
                """
        {"apiVersion": "v1", "kind": "List", "metadata": {"resourceVersion": ""}, "items": [
          {"apiVersion": "v1", "kind": "Node", "metadata": {"name": "n1", "labels": {"zone": "a"}},
           "spec": {"unschedulable": true, "podCIDR": "10.0.0.0/24",
                    "taints": [{"key": "k", "effect": "NoSchedule", "timeAdded": "2024-01-01T00:00:00Z"}]},
           "status": {"conditions": [{"type": "Ready", "status": "True"}], "capacity": {"cpu": "4"}}},
          {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p1", "namespace": "ns"},
           "spec": {"nodeName": "n1", "containers": [{"name": "c", "image": "i"}]},
           "status": {"phase": "Running"}},
          {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "svc"}}
        ]}
        """);
    assertThat(r.diagnostics())
        .extracting(Diagnostic::severity, Diagnostic::code, Diagnostic::message)
        .containsExactly(
            tuple(
                dev.daemonset.api.Severity.INFO,
                "skipped-kind",
                "skipped Service/svc: not a DaemonSet, Node, Pod or ControllerRevision"));
    assertThat(r.diagnostics().get(0).span().document()).isEqualTo(2);
    Node n = r.nodes().get(0);
    assertThat(n.unschedulable()).isTrue();
    assertThat(n.taints())
        .containsExactly(new Taint("k", "", "NoSchedule", Instant.parse("2024-01-01T00:00:00Z")));
    assertThat(n.otherSpec()).containsOnlyKeys("podCIDR");
    assertThat(n.otherStatus()).containsOnlyKeys("capacity");
    assertThat(n.conditions().get(0).isTrue()).isTrue();
    Pod p = r.pods().get(0);
    assertThat(p.spec().nodeName()).isEqualTo("n1");
    assertThat(p.status().phase()).isEqualTo("Running");
    assertThat(p.qualifiedName()).isEqualTo("ns/p1");
  }

  @Test
  void controllerRevisionKeepsItsData() {
    ReadResult r =
        ManifestReader.defaults()
            .read(
                """
        apiVersion: apps/v1
        kind: ControllerRevision
        metadata: {name: agent-5d4f, labels: {controller-revision-hash: 5d4f}}
        revision: 3
        data: {spec: {template: {$patch: replace}}}
        """);
    assertThat(r.diagnostics()).isEmpty();
    ControllerRevision cr = r.controllerRevisions().get(0);
    assertThat(cr.revision()).isEqualTo(3);
    assertThat(cr.data().members()).containsOnlyKeys("spec");
  }

  @Test
  void mergeKeysFollowGoYamlV2() {
    ReadResult r =
        ManifestReader.defaults()
            .read(
                """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: x
          labels: &common {app: a, tier: node}
        spec:
          selector:
            matchLabels:
              <<: *common
              tier: agent
          template: {}
        """);
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.daemonSets().get(0).spec().selector().matchLabels())
        .isEqualTo(Map.of("app", "a", "tier", "agent"));
  }

  @Test
  void mergeKeyWithAListOfMapsLetsTheEarlierMapWin() {
    ReadResult r =
        ManifestReader.defaults()
            .read(
                """
        apiVersion: v1
        kind: Node
        metadata:
          name: node1
          labels:
            <<: [{a: "1", b: "1"}, {b: "2", c: "2"}]
            c: "3"
        """);
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.nodes().get(0).metadata().labels())
        .isEqualTo(Map.of("a", "1", "b", "1", "c", "3"));
  }

  @Test
  void wrongTypesNameTheExpectedType() {
    ReadResult r =
        ManifestReader.defaults()
            .read(
                """
        apiVersion: v1
        kind: Pod
        metadata: {name: p, labels: [a]}
        spec:
          containers: {name: c}
          hostNetwork: "true"
          activeDeadlineSeconds: 1.5
        status: {conditions: [{type: Ready, lastTransitionTime: yesterday}]}
        """);
    assertThat(r.diagnostics())
        .extracting(Diagnostic::path, Diagnostic::message)
        .containsExactly(
            tuple("metadata.labels", "expected a map, found a list"),
            tuple("spec.containers", "expected a list, found an object"),
            tuple("spec.hostNetwork", "expected a boolean, found the string \"true\""),
            tuple("spec.activeDeadlineSeconds", "expected an integer, found the number 1.5"),
            tuple(
                "status.conditions[0].lastTransitionTime",
                "expected an RFC 3339 timestamp such as 2024-01-31T12:00:00Z, found the string \"yesterday\""));
  }

  @Test
  void ambiguousKeysAreReadAsKubectlReadsThem() {
    ReadResult r =
        ManifestReader.defaults()
            .read("apiVersion: v1\nkind: Node\nmetadata:\n  labels:\n    on: x\n");
    assertThat(r.nodes().get(0).metadata().labels()).isEqualTo(Map.of("true", "x"));
    assertThat(r.diagnostics())
        .extracting(Diagnostic::code, Diagnostic::path, Diagnostic::span)
        .containsExactly(
            tuple("yaml-ambiguous-scalar", "metadata.labels", new Span(0, 5, 5, 5, 7)));
  }

  @Test
  void emptyAndCommentOnlyDocumentsAreSkippedSilently() {
    ReadResult r =
        ManifestReader.defaults()
            .read(
                "# only a comment\n---\n---\napiVersion: v1\nkind: Node\nmetadata: {name: node1}\n---\n"
                    .getBytes(StandardCharsets.UTF_8));
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.documents()).extracting(d -> d.index()).containsExactly(0);
  }

  @Test
  void missingKindAndWrongApiVersion() {
    ReadResult r =
        ManifestReader.defaults()
            .read("metadata: {name: x}\n---\napiVersion: extensions/v1beta1\nkind: DaemonSet\n");
    assertThat(r.diagnostics())
        .extracting(Diagnostic::code, Diagnostic::span)
        .containsExactly(
            tuple("missing-kind", Span.at(0, 1, 1)),
            tuple("unsupported-api-version", new Span(1, 3, 13, 3, 31)));
  }

  @Test
  void infinityCannotBecomeJson() {
    ReadResult r =
        ManifestReader.defaults().read("apiVersion: v1\nkind: ConfigMap\nx: .inf\nz: \".inf\"\n");
    assertThat(r.diagnostics())
        .extracting(Diagnostic::code, Diagnostic::path, Diagnostic::span)
        .containsExactly(
            tuple("skipped-kind", "", new Span(0, 2, 7, 2, 16)),
            tuple("unsupported-value", "x", new Span(0, 3, 4, 3, 8)));
  }
}
