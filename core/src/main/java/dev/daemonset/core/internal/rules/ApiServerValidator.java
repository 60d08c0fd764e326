package dev.daemonset.core.internal.rules;

import dev.daemonset.api.constraints.ApiServerValid;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.core.defaults.Defaults;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Validator of {@link ApiServerValid} on a {@link DaemonSet}: the API server's defaults, then its
 * create-time rules, so a plain {@code validator.validate(daemonSet)} behaves like the server.
 * Registered through the service loader.
 */
public final class ApiServerValidator implements ConstraintValidator<ApiServerValid, DaemonSet> {
  /** For the service loader. */
  public ApiServerValidator() {}

  @Override
  public boolean isValid(DaemonSet value, ConstraintValidatorContext context) {
    return value == null
        || Violations.report(DaemonSetRules.create(Defaults.defaulted(value)), context);
  }
}
