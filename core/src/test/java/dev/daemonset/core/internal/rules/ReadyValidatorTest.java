package dev.daemonset.core.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daemonset.api.constraints.Dns1123Label;
import dev.daemonset.api.constraints.IntOrPercent;
import dev.daemonset.api.model.IntOrString;
import dev.daemonset.core.validate.DaemonSetValidator;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.ValidationException;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link DaemonSetValidator#constraintValidator()}, the ready validator for the api's constraint
 * annotations: it works where the plain default factory fails for want of an Expression Language
 * implementation (none is on this class path, as on a typical user's).
 *
 * <p>The bean lives in this package because the tests run on the module path, where Hibernate
 * Validator may read only beans of packages opened to it: core opens this one, as a user's module
 * must open the package of its own constrained beans ({@code opens ... to
 * org.hibernate.validator}).
 */
class ReadyValidatorTest {

  /** A user's own configuration bean. */
  record Rollout(@Dns1123Label String namespace, @IntOrPercent IntOrString maxUnavailable) {}

  @Test
  void theDefaultFactoryFailsWithoutExpressionLanguage() {
    assertThatThrownBy(Validation::buildDefaultValidatorFactory)
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("HV000183");
  }

  @Test
  void theReadyValidatorNeedsNoExpressionLanguage() {
    Validator validator = DaemonSetValidator.constraintValidator();
    assertThat(validator.validate(new Rollout("monitoring", IntOrString.of("25%")))).isEmpty();
    assertThat(
            validator.validate(new Rollout("Monitoring.io", IntOrString.of("125%"))).stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(v -> v.getPropertyPath() + ": " + v.getMessage())
                .toList())
        .containsExactly(
            "maxUnavailable: must not be greater than 100%",
            "namespace: a lowercase RFC 1123 label must consist of lower case alphanumeric"
                + " characters or '-', and must start and end with an alphanumeric character"
                + " (e.g. 'my-name',  or '123-abc', regex used for validation is"
                + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?')");
  }

  @Test
  void theValidatorIsSharedAndValidatesTheModelToo() {
    assertThat(DaemonSetValidator.constraintValidator())
        .isSameAs(DaemonSetValidator.constraintValidator());
    List<ConstraintViolation<Rollout>> none =
        List.copyOf(
            DaemonSetValidator.constraintValidator()
                .validate(new Rollout(null, IntOrString.of(0))));
    assertThat(none).isEmpty();
  }
}
