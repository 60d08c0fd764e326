package dev.daemonset.testkit;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.Severity;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A finding a test expects: rule id, severity, 1-based line and column, field path, and optionally
 * the message. Written with the static factory, so a test reads like the report:
 *
 * <pre>{@code
 * import static dev.daemonset.testkit.ExpectedFinding.finding;
 *
 * finding("image-tag-latest", Severity.WARNING, 18, 16, "spec.template.spec.containers[0].image")
 *     .withMessage("image `agent:latest` uses the `latest` tag: ...");
 * }</pre>
 *
 * @param code the rule id (or Kubernetes error type) of the diagnostic
 * @param severity its severity
 * @param line its 1-based line
 * @param column its 1-based column, in code points
 * @param path its field path, Kubernetes notation
 * @param message its exact message, or {@code null} to leave the message unchecked
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record ExpectedFinding(
    String code, Severity severity, int line, int column, String path, @Nullable String message) {

  /** Checks the components. */
  public ExpectedFinding {
    requireNonNull(code, "code");
    requireNonNull(severity, "severity");
    requireNonNull(path, "path");
  }

  /** A finding expected at {@code line:column}, whatever its message. */
  public static ExpectedFinding finding(
      String code, Severity severity, int line, int column, String path) {
    return new ExpectedFinding(code, severity, line, column, path, null);
  }

  /** This finding with exactly this message. */
  public ExpectedFinding withMessage(String exactMessage) {
    return new ExpectedFinding(
        code, severity, line, column, path, requireNonNull(exactMessage, "exactMessage"));
  }

  /** True if {@code d} is this finding. */
  public boolean matches(Diagnostic d) {
    requireNonNull(d, "d");
    return d.code().equals(code)
        && d.severity() == severity
        && d.span().line() == line
        && d.span().column() == column
        && d.path().equals(path)
        && (message == null || message.equals(d.message()));
  }

  /** {@code 18:16 warning image-tag-latest spec.template.spec.containers[0].image}. */
  @Override
  public String toString() {
    return line
        + ":"
        + column
        + " "
        + severity.label()
        + " "
        + code
        + " "
        + path
        + (message == null ? "" : ": " + message);
  }

  /** A diagnostic in the same form as {@link #toString()}, with its message. */
  static String describe(Diagnostic d) {
    return d.span().line()
        + ":"
        + d.span().column()
        + " "
        + d.severity().label()
        + " "
        + d.code()
        + " "
        + d.path()
        + ": "
        + d.message();
  }
}
