package dev.daemonset.core.internal.rules;

import dev.daemonset.api.constraints.IntOrPercent;
import dev.daemonset.api.model.IntOrString;
import dev.daemonset.core.internal.intstr.IntStr;
import dev.daemonset.core.internal.validation.Formats;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Validator of {@link IntOrPercent}: a non-negative integer, or a percent string of at most 100%.
 * Registered through the service loader.
 */
public final class IntOrPercentValidator implements ConstraintValidator<IntOrPercent, IntOrString> {
  /** For the service loader. */
  public IntOrPercentValidator() {}

  @Override
  public boolean isValid(IntOrString value, ConstraintValidatorContext context) {
    if (value == null) {
      return true;
    }
    List<String> messages = new ArrayList<>(Formats.intOrPercent(value));
    if (IntStr.percentValue(value).orElse(0) > 100) {
      messages.add("must not be greater than 100%");
    }
    return Violations.reportMessages(messages, context);
  }
}
