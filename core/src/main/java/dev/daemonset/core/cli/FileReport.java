package dev.daemonset.core.cli;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.Severity;
import java.util.List;

/** The diagnostics of one source, in position order. */
record FileReport(Source source, List<Diagnostic> diagnostics) {
  FileReport {
    diagnostics = List.copyOf(diagnostics);
  }

  long count(Severity severity) {
    return diagnostics.stream().filter(d -> d.severity() == severity).count();
  }

  static long count(List<FileReport> reports, Severity severity) {
    return reports.stream().mapToLong(r -> r.count(severity)).sum();
  }
}
