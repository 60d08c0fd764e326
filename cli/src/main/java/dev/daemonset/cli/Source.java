package dev.daemonset.cli;

import static java.util.Objects.requireNonNull;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.core.report.FileReport;
import java.util.List;

/**
 * One input as the user named it: the name to print (relative paths as given, {@code <stdin>} for
 * standard input), its bytes (what the reader reads) and its text (for printing source lines).
 */
@SuppressWarnings("ArrayRecordComponent") // read once and handed to the reader, never compared
record Source(String name, byte[] bytes, String text) {
  Source {
    requireNonNull(name, "name");
    requireNonNull(bytes, "bytes");
    requireNonNull(text, "text");
  }

  /** A source from its bytes; the text is for printing source lines only. */
  static Source of(String name, byte[] bytes) {
    return new Source(name, bytes, Inputs.decode(bytes));
  }

  /** A report of this source's diagnostics. */
  FileReport report(List<Diagnostic> diagnostics) {
    return new FileReport(name, text, diagnostics);
  }

  static List<String> names(List<Source> sources) {
    return sources.stream().map(Source::name).toList();
  }
}
