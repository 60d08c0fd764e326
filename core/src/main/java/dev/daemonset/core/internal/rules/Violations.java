package dev.daemonset.core.internal.rules;

import jakarta.validation.ConstraintValidatorContext;
import java.util.List;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * Turns field errors into constraint violations: one violation per error, its property path the
 * Kubernetes path, its message the API server's body, and the error itself (with its rank in
 * upstream's order) as the Hibernate dynamic payload so the translation back loses nothing.
 */
public final class Violations {
  private Violations() {}

  /** What a violation carries: the error and its position in upstream's order. */
  public record Carried(int rank, FieldError error) {}

  /** Reports {@code errors} on {@code context}; answers whether there were none. */
  static boolean report(List<FieldError> errors, ConstraintValidatorContext context) {
    if (errors.isEmpty()) {
      return true;
    }
    context.disableDefaultConstraintViolation();
    HibernateConstraintValidatorContext hibernate =
        context.unwrap(HibernateConstraintValidatorContext.class);
    for (int i = 0; i < errors.size(); i++) {
      FieldError error = errors.get(i);
      hibernate.withDynamicPayload(new Carried(i, error));
      hibernate
          .buildConstraintViolationWithTemplate(escape(error.message()))
          .addPropertyNode(error.path())
          .addConstraintViolation();
    }
    return false;
  }

  /** Escapes a literal message so the parameter interpolator leaves it as it is. */
  static String escape(String message) {
    StringBuilder b = new StringBuilder(message.length() + 8);
    for (int i = 0; i < message.length(); i++) {
      char c = message.charAt(i);
      if (c == '{' || c == '}' || c == '$' || c == '\\') {
        b.append('\\');
      }
      b.append(c);
    }
    return b.toString();
  }

  /** Reports single-value format messages (primitive constraints) as plain violations. */
  static boolean reportMessages(List<String> messages, ConstraintValidatorContext context) {
    if (messages.isEmpty()) {
      return true;
    }
    context.disableDefaultConstraintViolation();
    for (String msg : messages) {
      context.buildConstraintViolationWithTemplate(escape(msg)).addConstraintViolation();
    }
    return false;
  }
}
