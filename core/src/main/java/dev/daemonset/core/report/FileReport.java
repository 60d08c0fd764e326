package dev.daemonset.core.report;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.Severity;
import dev.daemonset.core.lint.LintResult;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The diagnostics of one input, ready to be reported: the name to print, the input's text (for the
 * source lines that text output quotes; may be empty), the diagnostics in position order, and the
 * findings that suppression annotations silenced (counted in the summary, listed in JSON and SARIF,
 * never printed as findings).
 *
 * <pre>{@code
 * String text = Files.readString(path);
 * LintResult result = linter.check(ManifestReader.defaults().read(text));
 * FileReport report = new FileReport(path.toString(), text, result.diagnostics(), result.suppressed());
 * }</pre>
 *
 * @param name the name as the user knows it: a path as given, or {@code <stdin>}
 * @param text the input's text, or empty when it is not at hand (no source lines are quoted then)
 * @param diagnostics the diagnostics, in the order they are to be reported
 * @param suppressed the suppressed findings, in position order
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record FileReport(
    String name,
    String text,
    List<Diagnostic> diagnostics,
    List<LintResult.Suppressed> suppressed) {
  public FileReport {
    requireNonNull(name, "name");
    requireNonNull(text, "text");
    diagnostics = List.copyOf(diagnostics);
    suppressed = List.copyOf(suppressed);
  }

  /** A report without suppressed findings. */
  public FileReport(String name, String text, List<Diagnostic> diagnostics) {
    this(name, text, diagnostics, List.of());
  }

  /** How many diagnostics have this severity. */
  public long count(Severity severity) {
    requireNonNull(severity, "severity");
    return diagnostics.stream().filter(d -> d.severity() == severity).count();
  }

  static long count(List<FileReport> reports, Severity severity) {
    return reports.stream().mapToLong(r -> r.count(severity)).sum();
  }

  static long suppressed(List<FileReport> reports) {
    return reports.stream().mapToLong(r -> r.suppressed().size()).sum();
  }

  static long skipped(List<FileReport> reports) {
    return reports.stream()
        .flatMap(r -> r.diagnostics().stream())
        .filter(Messages::isSkipped)
        .count();
  }

  /** The 1-based line {@code line} of the text without its line break, or "" past the end. */
  String line(int line) {
    int start = 0;
    for (int i = 1; i < line; i++) {
      int nl = text.indexOf('\n', start);
      if (nl < 0) {
        return "";
      }
      start = nl + 1;
    }
    int end = text.indexOf('\n', start);
    String s = end < 0 ? text.substring(start) : text.substring(start, end);
    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
  }
}
