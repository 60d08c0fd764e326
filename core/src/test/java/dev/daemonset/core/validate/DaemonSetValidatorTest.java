package dev.daemonset.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.SourceMap;
import dev.daemonset.api.model.Container;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.model.DaemonSetUpdateStrategy;
import dev.daemonset.api.model.IntOrString;
import dev.daemonset.api.model.LabelSelector;
import dev.daemonset.api.model.RollingUpdateDaemonSet;
import dev.daemonset.core.Fixtures;
import dev.daemonset.core.read.ManifestReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Validation of DaemonSets built in code (no source positions). */
class DaemonSetValidatorTest {

  /** A minimal valid DaemonSet, as a manifest written by hand has it (no UID). */
  private static final DaemonSet VALID =
      Fixtures.daemonSet("agent")
          .namespace("kube-system")
          .uid("")
          .spec(Fixtures.podSpec(Container.of("agent", "registry.example/agent:1.0")))
          .build();

  private static List<String> lines(DaemonSet ds) {
    return DaemonSetValidator.validate(ds, SourceMap.empty()).stream()
        .map(d -> d.code() + " " + d.path() + ": " + d.message())
        .toList();
  }

  @Test
  void aMinimalDaemonSetIsValid() {
    assertThat(DaemonSetValidator.validate(VALID, SourceMap.empty())).isEmpty();
  }

  /** The 256 KiB limit counts UTF-8 bytes of keys and values: {@code é} is two. */
  @Test
  void annotationsMayTotal256KiBOfUtf8() {
    String tooLong =
        "FieldValueTooLong metadata.annotations: Too long: may not be more than 262144 bytes";
    assertThat(
            lines(
                Fixtures.daemonSet(VALID)
                    .metadata(m -> m.withAnnotations(Map.of("a", "x".repeat(262143))))
                    .build()))
        .isEmpty();
    assertThat(
            lines(
                Fixtures.daemonSet(VALID)
                    .metadata(m -> m.withAnnotations(Map.of("a", "x".repeat(262144))))
                    .build()))
        .containsExactly(tooLong);
    assertThat(
            lines(
                Fixtures.daemonSet(VALID)
                    .metadata(m -> m.withAnnotations(Map.of("a", "é".repeat(131071))))
                    .build()))
        .isEmpty();
    assertThat(
            lines(
                Fixtures.daemonSet(VALID)
                    .metadata(m -> m.withAnnotations(Map.of("a", "é".repeat(131072))))
                    .build()))
        .containsExactly(tooLong);
  }

  @Test
  void restartPolicyOnFailureIsNotSupported() {
    DaemonSet ds =
        Fixtures.daemonSet(VALID)
            .spec(
                Fixtures.newPodSpec(Container.of("agent", "registry.example/agent:1.0"))
                    .restartPolicy("OnFailure")
                    .build())
            .build();
    assertThat(lines(ds))
        .containsExactly(
            "FieldValueNotSupported spec.template.spec.restartPolicy: Unsupported value: \"OnFailure\": supported values: \"Always\"");
  }

  @Test
  void bothZeroAfterDefaultingIsRequired() {
    DaemonSet ds =
        Fixtures.daemonSet(VALID)
            .strategy(
                new DaemonSetUpdateStrategy(
                    "RollingUpdate", new RollingUpdateDaemonSet(IntOrString.of("abc"), null)))
            .build();
    assertThat(lines(ds))
        .containsExactly(
            "FieldValueInvalid spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: \"abc\": a valid percent string "
                + "must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
            "FieldValueRequired spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0");
  }

  @Test
  void selectorChangeIsImmutableOnUpdate() {
    DaemonSet old = Fixtures.daemonSet(VALID).uid("u").build();
    DaemonSet now = old.withSpec(old.spec().withSelector(LabelSelector.of(Map.of("app", "other"))));
    List<Diagnostic> d = DaemonSetValidator.validateUpdate(old, now, SourceMap.empty());
    assertThat(d)
        .extracting(x -> x.path() + ": " + x.message())
        .containsExactly(
            "spec.template.metadata.labels: Invalid value: {\"app\":\"agent\"}: `selector` does not match template `labels`",
            "metadata.resourceVersion: Invalid value: \"\": must be specified for an update",
            "spec.selector: Invalid value: {\"matchLabels\":{\"app\":\"other\"}}: field is immutable");
  }

  @Test
  void aDocumentOfAnotherKindHasNoValidationErrors() {
    String text =
        """
        apiVersion: v1
        kind: Node
        metadata:
          name: Not_A_Name
        ---
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: Not_A_Name
        """;
    var docs = ManifestReader.defaults().read(text).documents();
    assertThat(docs).hasSize(2);
    assertThat(DaemonSetValidator.validate(docs.get(0))).isEmpty();
    assertThat(DaemonSetValidator.validate(docs.get(1)))
        .extracting(Diagnostic::path)
        .contains("metadata.name");
  }
}
