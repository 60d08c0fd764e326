package dev.daemonset.core.internal.rules;

import dev.daemonset.api.constraints.LabelValue;
import dev.daemonset.core.internal.validation.Formats;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Validator of {@link LabelValue}, one violation per API-server message. Registered through the
 * service loader.
 */
public final class LabelValueValidator implements ConstraintValidator<LabelValue, String> {
  /** For the service loader. */
  public LabelValueValidator() {}

  @Override
  public boolean isValid(String value, ConstraintValidatorContext context) {
    return value == null || Violations.reportMessages(Formats.labelValue(value), context);
  }
}
