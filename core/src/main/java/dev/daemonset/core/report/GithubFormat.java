package dev.daemonset.core.report;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.Span;
import java.io.PrintWriter;
import java.util.List;

/**
 * GitHub Actions workflow commands: one {@code ::error file=...,line=...,col=...,endLine=...,
 * endColumn=...,title=...::message} line per diagnostic ({@code ::warning}, {@code ::notice} for
 * the other severities), which GitHub shows as annotations on the pull request.
 */
final class GithubFormat {
  private GithubFormat() {}

  static void write(List<FileReport> reports, PrintWriter out) {
    for (FileReport report : reports) {
      for (Diagnostic d : report.diagnostics()) {
        if (Messages.isSkipped(d)) {
          continue;
        }
        Span s = d.span();
        String command =
            switch (d.severity()) {
              case ERROR -> "error";
              case WARNING -> "warning";
              case INFO -> "notice";
            };
        String position =
            s.isKnown()
                ? ",line="
                    + s.line()
                    + ",col="
                    + s.column()
                    + ",endLine="
                    + s.endLine()
                    + ",endColumn="
                    + s.endColumn()
                : ""; // an annotation on the whole file
        out.println(
            "::"
                + command
                + " file="
                + property(report.name())
                + position
                + ",title="
                + property(d.code())
                + "::"
                + data(Messages.display(d)));
      }
    }
    out.flush();
  }

  /** Escapes a message as the runner expects: {@code %}, CR and LF. */
  static String data(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** Escapes a property value: as {@link #data} plus {@code :} and {@code ,}. */
  static String property(String s) {
    return data(s).replace(":", "%3A").replace(",", "%2C");
  }
}
