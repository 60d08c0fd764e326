package dev.daemonset.core.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.constraints.Dns1123Label;
import dev.daemonset.api.constraints.Dns1123Subdomain;
import dev.daemonset.api.constraints.IntOrPercent;
import dev.daemonset.api.constraints.LabelValue;
import dev.daemonset.api.constraints.QualifiedName;
import dev.daemonset.api.model.Container;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.model.DaemonSetSpec;
import dev.daemonset.api.model.IntOrString;
import dev.daemonset.api.model.LabelSelector;
import dev.daemonset.api.model.ObjectMeta;
import dev.daemonset.api.model.PodSpec;
import dev.daemonset.api.model.PodTemplateSpec;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The format constraints of the api work in any bean once daemonset-core is on the path: their
 * validators arrive through the service loader, their messages are the API server's. (On the module
 * path the bean's package must be open to Hibernate Validator, as for any constrained bean; this
 * package is.)
 */
class ConstraintAnnotationsTest {

  /** A user's own bean, annotated with the api constraints. */
  record Workload(
      @Dns1123Label String container,
      @Dns1123Subdomain String name,
      @QualifiedName String key,
      @LabelValue String value,
      @IntOrPercent IntOrString surge) {}

  private static final ValidatorFactory FACTORY =
      Validation.byDefaultProvider()
          .configure()
          .messageInterpolator(new ParameterMessageInterpolator())
          .buildValidatorFactory();

  @AfterAll
  static void close() {
    FACTORY.close();
  }

  private static List<String> violations(Workload w) {
    Validator v = FACTORY.getValidator();
    return v.validate(w).stream()
        .sorted(
            Comparator.comparing(
                    (ConstraintViolation<Workload> c) -> c.getPropertyPath().toString())
                .thenComparing(ConstraintViolation::getMessage))
        .map(c -> c.getPropertyPath() + ": " + c.getMessage())
        .toList();
  }

  @Test
  void validBeanHasNoViolations() {
    assertThat(
            violations(
                new Workload(
                    "agent", "agent.example", "example.com/app", "", IntOrString.of("100%"))))
        .isEmpty();
  }

  @Test
  void eachConstraintSpeaksLikeTheApiServer() {
    assertThat(
            violations(
                new Workload(
                    "a.b", "x".repeat(254), "/app", "v".repeat(64), IntOrString.of("101%"))))
        .containsExactly(
            "container: must not contain dots",
            "key: prefix part must be non-empty",
            "name: must be no more than 253 characters",
            "surge: must not be greater than 100%",
            "value: must be no more than 63 bytes");
  }

  @Test
  void messagesWithBracesSurviveInterpolation() {
    assertThat(violations(new Workload("agent", "agent", "app", "v", IntOrString.of(-1))))
        .containsExactly("surge: must be greater than or equal to 0");
    assertThat(violations(new Workload("agent", "agent", "app", "v", IntOrString.of("5"))))
        .containsExactly(
            "surge: a valid percent string must be a numeric string followed by an ending '%' "
                + "(e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')");
  }

  @Test
  void aDaemonSetValidatedDirectlyIsDefaultedFirst() {
    DaemonSet ds =
        DaemonSet.of(
            ObjectMeta.of("kube-system", "agent"),
            DaemonSetSpec.EMPTY
                .withSelector(LabelSelector.of(Map.of("app", "agent")))
                .withTemplate(
                    new PodTemplateSpec(
                        ObjectMeta.EMPTY.withLabels(Map.of("app", "agent")),
                        PodSpec.of(List.of(Container.of("agent", "registry.example/agent:1.0"))))));
    // restartPolicy, dnsPolicy, pull policy and the rest are empty here: defaulting fills them in
    assertThat(FACTORY.getValidator().validate(ds)).isEmpty();
    ds = ds.withSpec(ds.spec().withMinReadySeconds(-1));
    assertThat(FACTORY.getValidator().validate(ds))
        .extracting(c -> c.getPropertyPath() + ": " + c.getMessage())
        .containsExactly(
            "spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0");
  }
}
