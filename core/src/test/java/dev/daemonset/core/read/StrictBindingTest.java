package dev.daemonset.core.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.ReadResult;
import dev.daemonset.api.Severity;
import dev.daemonset.api.SourceMap;
import dev.daemonset.api.Span;
import dev.daemonset.api.model.Container;
import dev.daemonset.api.model.JsonValue;
import dev.daemonset.api.model.NodeAffinity;
import dev.daemonset.api.model.NodeSelectorRequirement;
import dev.daemonset.api.model.NodeSelectorTerm;
import dev.daemonset.api.model.Pod;
import dev.daemonset.api.model.SecurityContext;
import dev.daemonset.core.internal.bind.Binder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Strict binding in detail: every scalar type's mismatch message, integer range, field suggestions,
 * source spans of untyped subtrees, typed values of the less common fields, and Kubernetes' member
 * order.
 */
class StrictBindingTest {

  private static ReadResult read(String text) {
    return ManifestReader.defaults().read(text);
  }

  @Test
  void eachScalarTypeNamesWhatItExpected() {
    ReadResult r =
        read(
            """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: x
          creationTimestamp: 5
          generation: 9223372036854775808
          labels: {a: 1}
        spec:
          selector: x
          updateStrategy:
            rollingUpdate: {maxUnavailable: true, maxSurge: 2}
          template:
            spec:
              containers:
              - name: c
                resources: {limits: {cpu: abc, memory: true}, requests: {cpu: 0.5, memory: 1Gi}}
        """);
    assertThat(r.diagnostics())
        .extracting(Diagnostic::code, Diagnostic::path, Diagnostic::message, Diagnostic::span)
        .containsExactly(
            tuple(
                "invalid-type",
                "metadata.creationTimestamp",
                "expected an RFC 3339 timestamp string, found the number 5",
                new Span(0, 5, 22, 5, 23)),
            tuple(
                "invalid-type",
                "metadata.generation",
                "expected an integer, found the number 9223372036854775808",
                new Span(0, 6, 15, 6, 34)),
            tuple(
                "invalid-type",
                "metadata.labels[a]",
                "expected a string, found the number 1",
                new Span(0, 7, 15, 7, 16)),
            tuple(
                "invalid-type",
                "spec.selector",
                "expected an object, found the string \"x\"",
                new Span(0, 9, 13, 9, 14)),
            tuple(
                "invalid-type",
                "spec.updateStrategy.rollingUpdate.maxUnavailable",
                "expected an integer or a string, found the boolean true",
                new Span(0, 11, 37, 11, 41)),
            tuple(
                "invalid-type",
                "spec.template.spec.containers[0].resources.limits[cpu]",
                "expected a quantity such as 100m, 0.5 or 1Gi, found the string \"abc\"",
                new Span(0, 16, 35, 16, 38)),
            tuple(
                "invalid-type",
                "spec.template.spec.containers[0].resources.limits[memory]",
                "expected a quantity (a string such as \"100m\" or a number), found the boolean true",
                new Span(0, 16, 48, 16, 52)));
    assertThat(r.daemonSets().get(0).spec().updateStrategy().rollingUpdate().maxSurge())
        .isEqualTo(dev.daemonset.api.model.IntOrString.of(2));
    assertThat(
            r.daemonSets()
                .get(0)
                .spec()
                .template()
                .spec()
                .containers()
                .get(0)
                .resources()
                .requests())
        .isEqualTo(Map.of("cpu", "0.5", "memory", "1Gi"));
  }

  @Test
  void int32FieldsRejectWhatGoesBeyondInt32AsWrittenNeverClamped() {
    // minReadySeconds: 4294967297 once read as 2147483647 and linted clean; containerPort:
    // 4294967376 was reported as "Invalid value: 2147483647", a number nobody wrote. The API
    // server's decoder rejects both, so the reader does, with the number as written.
    ReadResult r =
        read(
            """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: x}
        spec:
          minReadySeconds: 4294967297
          revisionHistoryLimit: -2147483648
          selector: {matchLabels: {app: x}}
          updateStrategy:
            rollingUpdate: {maxUnavailable: 2147483648}
          template:
            metadata: {labels: {app: x}}
            spec:
              containers:
              - name: c
                image: i
                ports: [{containerPort: 4294967376}]
                livenessProbe: {tcpSocket: {port: -2147483649}, periodSeconds: 2147483647}
        """);
    assertThat(r.diagnostics())
        .extracting(Diagnostic::code, Diagnostic::path, Diagnostic::message, Diagnostic::span)
        .containsExactly(
            tuple(
                "invalid-type",
                "spec.minReadySeconds",
                "expected a 32-bit integer (-2147483648 to 2147483647), found the number"
                    + " 4294967297",
                new Span(0, 5, 20, 5, 30)),
            tuple(
                "invalid-type",
                "spec.updateStrategy.rollingUpdate.maxUnavailable",
                "expected a 32-bit integer (-2147483648 to 2147483647) or a string, found the"
                    + " number 2147483648",
                new Span(0, 9, 37, 9, 47)),
            tuple(
                "invalid-type",
                "spec.template.spec.containers[0].ports[0].containerPort",
                "expected a 32-bit integer (-2147483648 to 2147483647), found the number"
                    + " 4294967376",
                new Span(0, 16, 33, 16, 43)),
            tuple(
                "invalid-type",
                "spec.template.spec.containers[0].livenessProbe.tcpSocket.port",
                "expected a 32-bit integer (-2147483648 to 2147483647) or a string, found the"
                    + " number -2147483649",
                new Span(0, 17, 43, 17, 54)));
    var ds = r.daemonSets().get(0);
    assertThat(ds.spec().minReadySeconds()).as("read as absent, not clamped").isZero();
    assertThat(ds.spec().revisionHistoryLimit()).isEqualTo(Integer.MIN_VALUE);
    assertThat(ds.spec().updateStrategy().rollingUpdate())
        .extracting(u -> u.maxUnavailable())
        .isNull();
    Container c = ds.spec().template().spec().containers().get(0);
    assertThat(c.ports().get(0).containerPort()).isZero();
    assertThat(c.livenessProbe()).extracting(p -> p.periodSeconds()).isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void aFloatBeyondDoubleAfterALeadingDotStaysAString() {
    // .5 is a float, but .1e999 overflows: Go then keeps the string (it once read as Java null)
    ReadResult r =
        read(
            """
        apiVersion: v1
        kind: Pod
        metadata: {name: p, annotations: {a: .1e999, b: .5}}
        """);
    assertThat(r.diagnostics())
        .extracting(Diagnostic::path, Diagnostic::message)
        .containsExactly(
            tuple("metadata.annotations[b]", "expected a string, found the number 0.5"));
    assertThat(r.pods().get(0).metadata().annotations())
        .containsExactly(Map.entry("a", ".1e999"), Map.entry("b", "0.5"));
  }

  @Test
  void integersSpanTheWholeLongRange() {
    ReadResult r =
        read(
            """
        apiVersion: v1
        kind: Pod
        metadata: {name: p, generation: 9223372036854775807}
        spec: {activeDeadlineSeconds: -9223372036854775808, terminationGracePeriodSeconds: -9223372036854775809}
        """);
    // below int64 and signed, go-yaml v2 reads the last one as a float, which JSON writes rounded
    assertThat(r.diagnostics())
        .extracting(Diagnostic::path, Diagnostic::message)
        .containsExactly(
            tuple(
                "spec.terminationGracePeriodSeconds",
                "expected an integer, found the number -9223372036854776000"));
    Pod p = r.pods().get(0);
    assertThat(p.metadata().generation()).isEqualTo(Long.MAX_VALUE);
    assertThat(p.spec().activeDeadlineSeconds()).isEqualTo(Long.MIN_VALUE);
    assertThat(p.spec().terminationGracePeriodSeconds()).isNull();
  }

  @Test
  void longStringsAreShortenedToFortyCharactersInMessages() {
    String forty = "a".repeat(40);
    ReadResult r =
        read(
            "apiVersion: v1\nkind: Pod\nspec:\n  hostNetwork: "
                + forty
                + "\n  hostPID: "
                + forty
                + "b\n");
    assertThat(r.diagnostics())
        .extracting(Diagnostic::path, Diagnostic::message)
        .containsExactly(
            tuple("spec.hostNetwork", "expected a boolean, found the string \"" + forty + "\""),
            tuple("spec.hostPID", "expected a boolean, found the string \"" + forty + "…\""));
  }

  @Test
  void unknownFieldsSuggestOnlyFieldsWithinTwoEdits() {
    ReadResult r =
        read(
            """
        apiVersion: v1
        kind: Pod
        metadata: {name: p, aa: 1, du: 1, an: 1, zz: 1, foo: 1, labelsxy: {}, nmae: x}
        spec: {abcd: 1, containers: []}
        """);
    assertThat(r.diagnostics()).extracting(Diagnostic::code).containsOnly("unknown-field");
    assertThat(r.diagnostics())
        .extracting(Diagnostic::message)
        .containsExactly(
            "unknown field \"metadata.aa\"",
            "unknown field \"metadata.du\"",
            "unknown field \"metadata.an\"",
            "unknown field \"metadata.zz\"",
            "unknown field \"metadata.foo\"",
            "unknown field \"metadata.labelsxy\"; did you mean \"labels\"?",
            "unknown field \"metadata.nmae\"; did you mean \"name\"?",
            "unknown field \"spec.abcd\"");
  }

  @Test
  void untypedAndUnknownSubtreesAreLocatedToTheirLeaves() {
    ReadResult r =
        read(
            """
        apiVersion: apps/v1
        kind: ControllerRevision
        metadata: {name: r}
        revision: 1
        data:
          spec:
            list: [x, {b: c}]
        extra:
          inner: [1, 2]
        """);
    assertThat(r.diagnostics())
        .extracting(Diagnostic::code, Diagnostic::path, Diagnostic::span)
        .containsExactly(tuple("unknown-field", "extra", new Span(0, 8, 1, 8, 6)));
    SourceMap map = r.documents().get(0).sourceMap();
    assertThat(map.value("data.spec.list[1].b")).contains(new Span(0, 7, 19, 7, 20));
    assertThat(map.key("data.spec.list")).contains(new Span(0, 7, 5, 7, 9));
    assertThat(map.key("data.spec.list[1].b")).contains(new Span(0, 7, 16, 7, 17));
    assertThat(map.value("extra.inner[1]")).contains(new Span(0, 9, 14, 9, 15));
    assertThat(map.key("extra.inner")).contains(new Span(0, 9, 3, 9, 8));
    assertThat(r.controllerRevisions().get(0).other())
        .isEqualTo(
            Map.of(
                "extra",
                new JsonValue.Obj(
                    Map.of(
                        "inner", new JsonValue.Arr(List.of(JsonValue.of(1), JsonValue.of(2)))))));
  }

  @Test
  void apiVersionAndKindAreImpliedByTheRecordNotKeptAsOtherFields() {
    ReadResult r =
        read(
            """
        apiVersion: apps/v1
        kind: DaemonSet
        ---
        apiVersion: v1
        kind: Pod
        ---
        apiVersion: v1
        kind: Node
        ---
        apiVersion: apps/v1
        kind: ControllerRevision
        """);
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.daemonSets().get(0).other()).isEmpty();
    assertThat(r.pods().get(0).other()).isEmpty();
    assertThat(r.nodes().get(0).other()).isEmpty();
    assertThat(r.controllerRevisions().get(0).other()).isEmpty();
  }

  @Test
  void lessCommonFieldsBindToTheirValues() {
    ReadResult r =
        read(
            """
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
          finalizers: [a, b]
          labels: {empty: null, one: "1"}
          ownerReferences: [{kind: DaemonSet, name: d, controller: true, blockOwnerDeletion: false}]
        spec:
          affinity:
            nodeAffinity:
              requiredDuringSchedulingIgnoredDuringExecution:
                nodeSelectorTerms:
                - matchFields: [{key: metadata.name, operator: In, values: [n1]}]
              preferredDuringSchedulingIgnoredDuringExecution: [{weight: 1}]
          containers:
          - name: c
            livenessProbe: {exec: null, tcpSocket: {port: 1}}
            securityContext: {privileged: true, runAsNonRoot: false, capabilities: {add: [NET_ADMIN]}}
        """);
    assertThat(r.diagnostics()).isEmpty();
    Pod p = r.pods().get(0);
    assertThat(p.metadata().finalizers()).containsExactly("a", "b");
    assertThat(p.metadata().labels())
        .containsExactly(Map.entry("empty", ""), Map.entry("one", "1"));
    assertThat(p.metadata().ownerReferences().get(0).controller()).isTrue();
    assertThat(p.metadata().ownerReferences().get(0).blockOwnerDeletion()).isFalse();
    NodeAffinity affinity = p.spec().affinity().nodeAffinity();
    assertThat(affinity.requiredTerms())
        .containsExactly(
            new NodeSelectorTerm(
                List.of(),
                List.of(new NodeSelectorRequirement("metadata.name", "In", List.of("n1")))));
    assertThat(affinity.preferred())
        .containsExactly(new JsonValue.Obj(Map.of("weight", JsonValue.of(1))));
    Container c = p.spec().containers().get(0);
    assertThat(c.livenessProbe().exec()).isNull();
    assertThat(c.livenessProbe().tcpSocket())
        .isEqualTo(new JsonValue.Obj(Map.of("port", JsonValue.of(1))));
    SecurityContext sc = c.securityContext();
    assertThat(sc.privileged()).isTrue();
    assertThat(sc.runAsNonRoot()).isFalse();
    assertThat(sc.allowPrivilegeEscalation()).isNull();
    assertThat(sc.capabilitiesAdd()).containsExactly("NET_ADMIN");
    assertThat(sc.capabilitiesDrop()).isEmpty();
  }

  @Test
  void aDocumentThatIsNotAnObjectKeepsItsReaderFindings() {
    ReadResult r = read("- yes\n");
    assertThat(r.diagnostics())
        .extracting(
            Diagnostic::severity,
            Diagnostic::code,
            Diagnostic::path,
            Diagnostic::message,
            Diagnostic::span)
        .containsExactly(
            tuple(
                Severity.ERROR,
                "invalid-type",
                "",
                "a manifest must be an object with apiVersion and kind, found a list",
                new Span(0, 1, 1, 1, 6)),
            tuple(
                Severity.WARNING,
                "yaml-ambiguous-scalar",
                "[0]",
                "kubectl reads yes as the boolean true (YAML 1.1), but YAML 1.2 readers read the string \"yes\";"
                    + " write true for a boolean or \"yes\" (quoted) for a string",
                new Span(0, 1, 3, 1, 6)));
    assertThat(r.documents()).isEmpty();
  }

  @Test
  void anEmptyKindIsAMissingKindAtItsValue() {
    ReadResult r = read("apiVersion: v1\nkind: \"\"\n");
    assertThat(r.diagnostics())
        .extracting(Diagnostic::code, Diagnostic::path, Diagnostic::span)
        .containsExactly(tuple("missing-kind", "kind", new Span(0, 2, 7, 2, 9)));
  }

  @Test
  void canonicalOrderFollowsTheSchemaThroughListsAndKeepsMapsAndUnknownMembers() {
    Map<String, JsonValue> container = new LinkedHashMap<>();
    container.put("image", JsonValue.of("i"));
    container.put("name", JsonValue.of("c"));
    Map<String, JsonValue> labels = new LinkedHashMap<>();
    labels.put("b", JsonValue.of("1"));
    labels.put("a", JsonValue.of("2"));
    Map<String, JsonValue> metadata = new LinkedHashMap<>();
    metadata.put("labels", new JsonValue.Obj(labels));
    metadata.put("name", JsonValue.of("x"));
    Map<String, JsonValue> podSpec = new LinkedHashMap<>();
    podSpec.put("containers", new JsonValue.Arr(List.of(new JsonValue.Obj(container))));
    Map<String, JsonValue> template = new LinkedHashMap<>();
    template.put("spec", new JsonValue.Obj(podSpec));
    template.put("metadata", new JsonValue.Obj(metadata));
    Map<String, JsonValue> unknown = new LinkedHashMap<>();
    unknown.put("z", JsonValue.of(1));
    unknown.put("y", JsonValue.of(2));
    Map<String, JsonValue> root = new LinkedHashMap<>();
    root.put("zzz", new JsonValue.Obj(unknown));
    root.put("spec", new JsonValue.Obj(Map.of("template", new JsonValue.Obj(template))));
    root.put("metadata", new JsonValue.Obj(metadata));
    root.put("kind", JsonValue.of("DaemonSet"));
    root.put("apiVersion", JsonValue.of("apps/v1"));
    JsonValue.Obj ordered = Binder.canonicalOrder("apps/v1/DaemonSet", new JsonValue.Obj(root));
    // TypeMeta declares kind before apiVersion
    assertThat(ordered.toString())
        .isEqualTo(
            "{kind=\"DaemonSet\", apiVersion=\"apps/v1\","
                + " metadata={name=\"x\", labels={b=\"1\", a=\"2\"}},"
                + " spec={template={metadata={name=\"x\", labels={b=\"1\", a=\"2\"}},"
                + " spec={containers=[{name=\"c\", image=\"i\"}]}}}, zzz={z=1, y=2}}");
  }
}
