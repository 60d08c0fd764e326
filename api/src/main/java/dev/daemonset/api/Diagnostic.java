package dev.daemonset.api;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import org.apiguardian.api.API;

/**
 * One finding about the input: located, coded and explained.
 *
 * <p>Codes are stable. Findings that reproduce an API-server error carry Kubernetes' own error type
 * ({@code FieldValueRequired}, {@code FieldValueInvalid}, {@code FieldValueNotSupported}, {@code
 * FieldValueDuplicate}, {@code FieldValueForbidden}, {@code FieldValueTooLong}, {@code
 * FieldValueTooMany}); reader and policy findings use kebab-case rule ids such as {@code
 * unknown-field}, {@code duplicate-key} or {@code yaml-ambiguous-scalar}.
 *
 * <p>The path uses Kubernetes notation ({@code spec.template.spec.containers[0].image}, map keys as
 * {@code [key]}); it is empty for findings about a whole document or stream.
 *
 * @param severity how serious it is
 * @param code the stable rule id or Kubernetes error type
 * @param path the field path in Kubernetes notation, or empty
 * @param message one or more sentences for a person
 * @param span where it is in the original text
 * @param related other places that explain it (for example the first occurrence of a duplicate key)
 * @since 0.2
 */
@API(status = STABLE, since = "0.2")
public record Diagnostic(
    Severity severity, String code, String path, String message, Span span, List<Related> related) {

  public Diagnostic {
    requireNonNull(severity, "severity");
    requireNonNull(code, "code");
    requireNonNull(path, "path");
    requireNonNull(message, "message");
    requireNonNull(span, "span");
    related = List.copyOf(related);
  }

  /** A diagnostic without related locations. */
  public Diagnostic(Severity severity, String code, String path, String message, Span span) {
    this(severity, code, path, message, span, List.of());
  }

  /** True for {@link Severity#ERROR}. */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** This diagnostic moved to another place (same severity, code, path and message). */
  public Diagnostic withSpan(Span newSpan) {
    return new Diagnostic(severity, code, path, message, newSpan, related);
  }

  /**
   * A secondary location of a diagnostic.
   *
   * @param span where it is
   * @param message what it is, for example "first defined here"
   */
  public record Related(Span span, String message) {
    public Related {
      requireNonNull(span, "span");
      requireNonNull(message, "message");
    }
  }
}
