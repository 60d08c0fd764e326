package dev.daemonset.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.SourceMap;
import dev.daemonset.api.model.Container;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.model.DaemonSetSpec;
import dev.daemonset.api.model.DaemonSetUpdateStrategy;
import dev.daemonset.api.model.IntOrString;
import dev.daemonset.api.model.LabelSelector;
import dev.daemonset.api.model.ObjectMeta;
import dev.daemonset.api.model.PodSpec;
import dev.daemonset.api.model.PodTemplateSpec;
import dev.daemonset.api.model.RollingUpdateDaemonSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Validation of DaemonSets built in code (no source positions). */
class DaemonSetValidatorTest {

  static DaemonSet valid() {
    return DaemonSet.of(
        ObjectMeta.of("kube-system", "agent"),
        DaemonSetSpec.EMPTY
            .withSelector(LabelSelector.of(Map.of("app", "agent")))
            .withTemplate(
                new PodTemplateSpec(
                    ObjectMeta.EMPTY.withLabels(Map.of("app", "agent")),
                    PodSpec.of(List.of(Container.of("agent", "registry.example/agent:1.0"))))));
  }

  private static List<String> lines(DaemonSet ds) {
    return DaemonSetValidator.validate(ds, SourceMap.empty()).stream()
        .map(d -> d.code() + " " + d.path() + ": " + d.message())
        .toList();
  }

  @Test
  void aMinimalDaemonSetIsValid() {
    assertThat(DaemonSetValidator.validate(valid(), SourceMap.empty())).isEmpty();
  }

  /** The 256 KiB limit counts UTF-8 bytes of keys and values: {@code é} is two. */
  @Test
  void annotationsMayTotal256KiBOfUtf8() {
    String tooLong =
        "FieldValueTooLong metadata.annotations: Too long: may not be more than 262144 bytes";
    assertThat(lines(withAnnotation("x".repeat(262143)))).isEmpty();
    assertThat(lines(withAnnotation("x".repeat(262144)))).containsExactly(tooLong);
    assertThat(lines(withAnnotation("é".repeat(131071)))).isEmpty();
    assertThat(lines(withAnnotation("é".repeat(131072)))).containsExactly(tooLong);
  }

  private static DaemonSet withAnnotation(String value) {
    DaemonSet ds = valid();
    return ds.withMetadata(ds.metadata().withAnnotations(Map.of("a", value)));
  }

  @Test
  void restartPolicyOnFailureIsNotSupported() {
    DaemonSet ds = valid();
    PodSpec spec = ds.spec().template().spec();
    PodSpec onFailure =
        new PodSpec(
            spec.containers(),
            List.of(),
            List.of(),
            "",
            Map.of(),
            null,
            List.of(),
            false,
            false,
            "OnFailure",
            null,
            null,
            "",
            "",
            "",
            "",
            Map.of());
    ds = ds.withSpec(ds.spec().withTemplate(ds.spec().template().withSpec(onFailure)));
    assertThat(lines(ds))
        .containsExactly(
            "FieldValueNotSupported spec.template.spec.restartPolicy: Unsupported value: \"OnFailure\": supported values: \"Always\"");
  }

  @Test
  void bothZeroAfterDefaultingIsRequired() {
    DaemonSet ds = valid();
    ds =
        ds.withSpec(
            ds.spec()
                .withUpdateStrategy(
                    new DaemonSetUpdateStrategy(
                        "RollingUpdate", new RollingUpdateDaemonSet(IntOrString.of("abc"), null))));
    assertThat(lines(ds))
        .containsExactly(
            "FieldValueInvalid spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: \"abc\": a valid percent string "
                + "must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
            "FieldValueRequired spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0");
  }

  @Test
  void selectorChangeIsImmutableOnUpdate() {
    DaemonSet old = valid().withMetadata(valid().metadata().withUid("u"));
    DaemonSet now = old.withSpec(old.spec().withSelector(LabelSelector.of(Map.of("app", "other"))));
    List<Diagnostic> d = DaemonSetValidator.validateUpdate(old, now, SourceMap.empty());
    assertThat(d)
        .extracting(x -> x.path() + ": " + x.message())
        .containsExactly(
            "spec.template.metadata.labels: Invalid value: {\"app\":\"agent\"}: `selector` does not match template `labels`",
            "metadata.resourceVersion: Invalid value: \"\": must be specified for an update",
            "spec.selector: Invalid value: {\"matchLabels\":{\"app\":\"other\"}}: field is immutable");
  }
}
