package dev.daemonset.core.internal.rules;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Validator of {@link ValidDaemonSetChange}. Registered through the service loader. */
public final class DaemonSetChangeValidator
    implements ConstraintValidator<ValidDaemonSetChange, DaemonSetChange> {
  /** For the service loader. */
  public DaemonSetChangeValidator() {}

  @Override
  public boolean isValid(DaemonSetChange value, ConstraintValidatorContext context) {
    if (value == null) {
      return true;
    }
    return Violations.report(
        value.status()
            ? DaemonSetRules.statusUpdate(value.old(), value.now())
            : DaemonSetRules.update(value.old(), value.now()),
        context);
  }
}
