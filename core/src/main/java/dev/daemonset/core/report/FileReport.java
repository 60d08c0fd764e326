package dev.daemonset.core.report;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.Severity;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The diagnostics of one input, ready to be reported: the name to print, the input's text (for the
 * source lines that text output quotes; may be empty) and the diagnostics in position order.
 *
 * <pre>{@code
 * String text = Files.readString(path);
 * FileReport report = new FileReport(path.toString(), text, linter.lint(text));
 * }</pre>
 *
 * @param name the name as the user knows it: a path as given, or {@code <stdin>}
 * @param text the input's text, or empty when it is not at hand (no source lines are quoted then)
 * @param diagnostics the diagnostics, in the order they are to be reported
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record FileReport(String name, String text, List<Diagnostic> diagnostics) {
  public FileReport {
    requireNonNull(name, "name");
    requireNonNull(text, "text");
    diagnostics = List.copyOf(diagnostics);
  }

  /** How many diagnostics have this severity. */
  public long count(Severity severity) {
    requireNonNull(severity, "severity");
    return diagnostics.stream().filter(d -> d.severity() == severity).count();
  }

  static long count(List<FileReport> reports, Severity severity) {
    return reports.stream().mapToLong(r -> r.count(severity)).sum();
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
