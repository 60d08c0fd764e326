package dev.daemonset.api.constraints;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;
import static org.apiguardian.api.API.Status.STABLE;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * A string that must be a valid label value: empty, or at most 63 bytes of alphanumerics, {@code
 * -}, {@code _} and {@code .}, starting and ending with an alphanumeric.
 *
 * <p>The validator is provided by {@code daemonset-core}; a violation's message is the API server's
 * own wording, for example {@code must be no more than 63 bytes}. {@code null} is valid (combine
 * with {@code @NotNull} where a value is required).
 *
 * <p>Example: {@code record Port(@LabelValue String value) {}}
 *
 * @since 0.2
 */
@API(status = STABLE, since = "0.2")
@Documented
@Constraint(validatedBy = {})
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface LabelValue {
  /** The message template; the core validator replaces it with the API server's message. */
  String message() default "{dev.daemonset.api.constraints.LabelValue.message}";

  /** Validation groups. */
  Class<?>[] groups() default {};

  /** Payload. */
  Class<? extends Payload>[] payload() default {};
}
