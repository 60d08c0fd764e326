package dev.daemonset.api.constraints;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;
import static org.apiguardian.api.API.Status.INTERNAL;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * The annotated object must pass the Kubernetes API server's create-time validation for its kind
 * (for {@link dev.daemonset.api.model.DaemonSet}: {@code ValidateDaemonSet} of apps/v1, run on the
 * defaulted object).
 *
 * <p>A class-level constraint: its validator in {@code daemonset-core} walks the object in the API
 * server's order and reports one violation per API-server field error, each with the server's field
 * path and message. Many rules are cross-field (selector against template labels, host-port
 * conflicts, maxSurge against maxUnavailable), which is why they live at class level.
 *
 * <p>Example: {@code @ApiServerValid public record DaemonSet(...)}
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
@Documented
@Constraint(validatedBy = {})
@Target(TYPE)
@Retention(RUNTIME)
public @interface ApiServerValid {
  /** The message template; each violation carries the API server's own message instead. */
  String message() default "{dev.daemonset.api.constraints.ApiServerValid.message}";

  /** Validation groups. */
  Class<?>[] groups() default {};

  /** Payload. */
  Class<? extends Payload>[] payload() default {};
}
