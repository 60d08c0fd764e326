package dev.daemonset.core.internal.rules;

import dev.daemonset.api.constraints.QualifiedName;
import dev.daemonset.core.internal.validation.Formats;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Validator of {@link QualifiedName}, one violation per API-server message. Registered through the
 * service loader.
 */
public final class QualifiedNameValidator implements ConstraintValidator<QualifiedName, String> {
  /** For the service loader. */
  public QualifiedNameValidator() {}

  @Override
  public boolean isValid(String value, ConstraintValidatorContext context) {
    return value == null || Violations.reportMessages(Formats.qualifiedName(value), context);
  }
}
