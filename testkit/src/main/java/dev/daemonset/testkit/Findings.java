package dev.daemonset.testkit;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.core.lint.LintResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * What one lint of a test found, with assertions. Every diagnostic counts: reading and API-server
 * errors of the fixture show up too, so a broken fixture cannot pass as "no findings". Every
 * assertion returns this object, to chain, and throws {@link AssertionError} with the expected and
 * the actual findings, each actual one with its source line.
 *
 * <pre>{@code
 * tester.lint(yaml)
 *     .assertFindings(finding("host-network", Severity.INFO, 12, 20, "spec.template.spec.hostNetwork"))
 *     .assertSuppressed();
 * }</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class Findings {
  private final String text;
  private final LintResult result;

  Findings(String text, LintResult result) {
    this.text = text;
    this.result = result;
  }

  /** Every reported diagnostic, in position order. */
  public List<Diagnostic> diagnostics() {
    return result.diagnostics();
  }

  /** The findings that annotations suppressed, in position order. */
  public List<LintResult.Suppressed> suppressed() {
    return result.suppressed();
  }

  /**
   * Asserts that the diagnostics are exactly {@code expected}, in position order.
   *
   * @throws AssertionError naming what is missing and what is unexpected
   */
  public Findings assertFindings(ExpectedFinding... expected) {
    compare("findings", List.of(expected), result.diagnostics());
    return this;
  }

  /**
   * Asserts that nothing was found.
   *
   * @throws AssertionError listing what was found
   */
  public Findings assertNone() {
    return assertFindings();
  }

  /**
   * Asserts that the suppressed findings are exactly {@code expected}, in position order (none if
   * {@code expected} is empty).
   */
  public Findings assertSuppressed(ExpectedFinding... expected) {
    List<Diagnostic> suppressed = new ArrayList<>();
    for (LintResult.Suppressed s : result.suppressed()) {
      suppressed.add(s.diagnostic());
    }
    compare("suppressed findings", List.of(expected), suppressed);
    return this;
  }

  /**
   * One line per diagnostic ({@code line:column severity code path: message}), then one per
   * suppressed finding ({@code suppressed by <annotation>: ...}): the text golden files keep.
   */
  public String summary() {
    StringBuilder sb = new StringBuilder();
    for (Diagnostic d : result.diagnostics()) {
      sb.append(ExpectedFinding.describe(d)).append('\n');
    }
    for (LintResult.Suppressed s : result.suppressed()) {
      sb.append("suppressed by ")
          .append(s.annotation())
          .append(": ")
          .append(ExpectedFinding.describe(s.diagnostic()))
          .append('\n');
    }
    return sb.toString();
  }

  /** Asserts that {@link #summary()} matches a golden file ({@link Golden#assertMatches}). */
  public Findings assertMatchesGolden(Path file) {
    Golden.assertMatches(requireNonNull(file, "file"), summary());
    return this;
  }

  private void compare(String what, List<ExpectedFinding> expected, List<Diagnostic> actual) {
    boolean same = expected.size() == actual.size();
    for (int i = 0; same && i < actual.size(); i++) {
      same = expected.get(i).matches(actual.get(i));
    }
    if (same) {
      return;
    }
    StringBuilder sb = new StringBuilder(what).append(" differ\n  expected:");
    if (expected.isEmpty()) {
      sb.append(" none");
    }
    for (ExpectedFinding e : expected) {
      sb.append("\n    ").append(e);
    }
    sb.append("\n  actual:");
    if (actual.isEmpty()) {
      sb.append(" none");
    }
    for (Diagnostic d : actual) {
      sb.append("\n    ").append(ExpectedFinding.describe(d));
      String line = line(d.span().line());
      if (!line.isBlank()) {
        sb.append("\n      | ").append(line);
      }
    }
    throw new AssertionError(sb.toString());
  }

  private String line(int number) {
    if (number < 1) {
      return "";
    }
    List<String> lines = text.lines().toList();
    return number <= lines.size() ? lines.get(number - 1) : "";
  }

  /** Fails if {@code diagnostics} hold an error: a fixture that does not read cleanly. */
  static void failOnErrors(String what, List<Diagnostic> diagnostics) {
    List<String> errors = new ArrayList<>();
    for (Diagnostic d : diagnostics) {
      if (d.isError()) {
        errors.add(ExpectedFinding.describe(d));
      }
    }
    if (!errors.isEmpty()) {
      throw new AssertionError(what + " has errors:\n    " + String.join("\n    ", errors));
    }
  }

  @Override
  public String toString() {
    return summary();
  }
}
