package dev.daemonset.core.validate.rules;

import dev.daemonset.api.constraints.ApiServerValid;
import dev.daemonset.api.model.DaemonSet;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Validator of {@link ApiServerValid} on a {@link DaemonSet}: the API server's create-time rules
 * on the object as given (callers default it first). Registered through the service loader.
 */
public final class ApiServerValidator implements ConstraintValidator<ApiServerValid, DaemonSet> {
  /** For the service loader. */
  public ApiServerValidator() {}

  @Override
  public boolean isValid(DaemonSet value, ConstraintValidatorContext context) {
    return value == null || Violations.report(DaemonSetRules.create(value), context);
  }
}
