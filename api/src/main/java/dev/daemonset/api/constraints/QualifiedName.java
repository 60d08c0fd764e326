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
 * A string that must be a Kubernetes qualified name (label key): an optional DNS subdomain prefix
 * and {@code /}, then a name of at most 63 bytes.
 *
 * <p>The validator is provided by {@code daemonset-core}; a violation's message is the API server's
 * own wording, for example {@code name part must be non-empty}. {@code null} is valid (combine with
 * {@code @NotNull} where a value is required).
 *
 * <p>Example: {@code record Port(@QualifiedName String value) {}}
 *
 * @since 0.2
 */
@API(status = STABLE, since = "0.2")
@Documented
@Constraint(validatedBy = {})
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface QualifiedName {
  /** The message template; the core validator replaces it with the API server's message. */
  String message() default "{dev.daemonset.api.constraints.QualifiedName.message}";

  /** Validation groups. */
  Class<?>[] groups() default {};

  /** Payload. */
  Class<? extends Payload>[] payload() default {};
}
