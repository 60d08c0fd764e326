package dev.daemonset.core.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The formats diagnostics can be reported in, by {@link ReportWriter}.
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public enum ReportFormat {
  /**
   * Compiler-style text for people: {@code file:line:column: severity: message [code]}, the source
   * line with a caret under the span, and a one-line summary.
   */
  TEXT,
  /** The JSON contract of the {@code lint} command (see {@code docs/}). */
  JSON,
  /** SARIF 2.1.0, for code-scanning services. */
  SARIF,
  /** GitHub Actions workflow commands: one annotation per diagnostic. */
  GITHUB;

  /** The lower-case name used on the command line ({@code text}, {@code json}, ...). */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The format with this {@link #label() label}, ignoring case. */
  public static Optional<ReportFormat> byLabel(String label) {
    for (ReportFormat f : values()) {
      if (f.name().equalsIgnoreCase(label)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
