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
 * A string that must be an RFC 1123 subdomain (at most 253 characters, dot-separated labels):
 * object names, service account, priority class and node names.
 *
 * <p>The validator is provided by {@code daemonset-core}; a violation's message is the API server's
 * own wording, for example {@code must be no more than 253 characters}. {@code null} is valid
 * (combine with {@code @NotNull} where a value is required).
 *
 * <p>Example: {@code record Port(@Dns1123Subdomain String value) {}}
 *
 * @since 0.2
 */
@API(status = STABLE, since = "0.2")
@Documented
@Constraint(validatedBy = {})
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface Dns1123Subdomain {
  /** The message template; the core validator replaces it with the API server's message. */
  String message() default "{dev.daemonset.api.constraints.Dns1123Subdomain.message}";

  /** Validation groups. */
  Class<?>[] groups() default {};

  /** Payload. */
  Class<? extends Payload>[] payload() default {};
}
