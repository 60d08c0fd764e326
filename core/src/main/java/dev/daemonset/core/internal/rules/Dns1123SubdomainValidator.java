package dev.daemonset.core.internal.rules;

import dev.daemonset.api.constraints.Dns1123Subdomain;
import dev.daemonset.core.internal.validation.Formats;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Validator of {@link Dns1123Subdomain}, one violation per API-server message. Registered through
 * the service loader.
 */
public final class Dns1123SubdomainValidator
    implements ConstraintValidator<Dns1123Subdomain, String> {
  /** For the service loader. */
  public Dns1123SubdomainValidator() {}

  @Override
  public boolean isValid(String value, ConstraintValidatorContext context) {
    return value == null || Violations.reportMessages(Formats.dns1123Subdomain(value), context);
  }
}
