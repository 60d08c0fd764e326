package dev.daemonset.core.internal.rules;

import dev.daemonset.api.constraints.Dns1123Label;
import dev.daemonset.core.internal.validation.Formats;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Validator of {@link Dns1123Label}, one violation per API-server message. Registered through the
 * service loader.
 */
public final class Dns1123LabelValidator implements ConstraintValidator<Dns1123Label, String> {
  /** For the service loader. */
  public Dns1123LabelValidator() {}

  @Override
  public boolean isValid(String value, ConstraintValidatorContext context) {
    return value == null || Violations.reportMessages(Formats.dns1123Label(value), context);
  }
}
