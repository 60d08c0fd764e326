package dev.daemonset.core.report;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.Severity;
import dev.daemonset.api.Span;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Compiler-style text: {@code file:line:column: severity: message [code]}, the source line with a
 * caret under the span, grouped per file, and a one-line summary.
 */
final class TextFormat {
  private final boolean color;
  private final @Nullable Severity quiet;
  private final boolean showSkipped;

  TextFormat(boolean color, @Nullable Severity quiet, boolean showSkipped) {
    this.color = color;
    this.quiet = quiet;
    this.showSkipped = showSkipped;
  }

  void write(List<FileReport> reports, PrintWriter out) {
    for (FileReport report : reports) {
      for (Diagnostic d : report.diagnostics()) {
        if ((Messages.isSkipped(d) && !showSkipped)
            || (quiet != null && d.severity().compareTo(quiet) < 0)) {
          continue;
        }
        Span s = d.span();
        String name = inert(report.name());
        out.println(
            bold(name + ":" + position(s))
                + " "
                + severity(d.severity())
                + " "
                + inert(Messages.display(d))
                + " ["
                + inert(d.code())
                + "]");
        String line = s.isKnown() ? report.line(s.line()) : "";
        if (!line.isEmpty() && s.isKnown()) {
          String gutter = String.format(java.util.Locale.ROOT, "%5d | ", s.line());
          String[] excerpt = excerpt(line, s);
          out.println(gutter + inert(excerpt[0]));
          out.println(" ".repeat(gutter.length() - 2) + "| " + colored(excerpt[1], d.severity()));
        }
        for (Diagnostic.Related r : d.related()) {
          out.println("    " + name + ":" + position(r.span()) + " note: " + inert(r.message()));
        }
      }
    }
    if (quiet == null) {
      out.println(summary(reports));
    }
    out.flush();
  }

  /**
   * {@code line:column:} for a known span; {@code ""} for an unknown one, so the line reads {@code
   * file: severity: ...}, as compilers print a finding about a whole file.
   */
  static String position(Span s) {
    return s.isKnown() ? s.line() + ":" + s.column() + ":" : "";
  }

  static String summary(List<FileReport> reports) {
    long errors = FileReport.count(reports, Severity.ERROR);
    long warnings = FileReport.count(reports, Severity.WARNING);
    long skipped = FileReport.skipped(reports);
    long infos = FileReport.count(reports, Severity.INFO) - skipped;
    long suppressed = FileReport.suppressed(reports);
    String files = reports.size() == 1 ? "1 file" : reports.size() + " files";
    List<String> notes = new ArrayList<>();
    if (suppressed > 0) {
      notes.add(suppressed + " suppressed");
    }
    if (skipped > 0) {
      notes.add(skipped + (skipped == 1 ? " document" : " documents") + " of other kinds skipped");
    }
    String others = notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")";
    if (errors + warnings + infos == 0) {
      return files + " checked: no problems" + others;
    }
    return files
        + " checked: "
        + plural(errors, "error")
        + ", "
        + plural(warnings, "warning")
        + ", "
        + plural(infos, "info")
        + others;
  }

  private static String plural(long n, String word) {
    return n + " " + word + (n == 1 || word.equals("info") ? "" : "s");
  }

  /**
   * The marker line: spaces (tabs kept, so it lines up) up to the start column, then {@code ^} and
   * {@code ~} to the end of the span on this line.
   */
  static String caret(String line, Span span) {
    int[] cps = line.codePoints().toArray();
    int start = Math.min(span.column() - 1, cps.length);
    int end =
        span.endLine() == span.line() ? Math.min(span.endColumn() - 1, cps.length) : cps.length;
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < start; i++) {
      sb.append(cps[i] == '\t' ? '\t' : ' ');
    }
    sb.append('^');
    for (int i = start + 1; i < end; i++) {
      sb.append('~');
    }
    return sb.toString();
  }

  /** The most code points of a source line printed; a longer line is cut around the caret. */
  static final int MAX_WIDTH = 120;

  /** How much of a cut line is kept before the caret, in code points. */
  private static final int BEFORE_CARET = 40;

  /**
   * The source line and its marker line as printed: the whole line when it has at most {@link
   * #MAX_WIDTH} code points; else a window of that many around the span's start, with {@code …}
   * where the line was cut (a 40 KB one-line JSON document prints 120 characters, not 40 KB), and
   * the marker shortened to the window.
   */
  static String[] excerpt(String line, Span span) {
    int[] cps = line.codePoints().toArray();
    if (cps.length <= MAX_WIDTH) {
      return new String[] {line, caret(line, span)};
    }
    int start = Math.max(0, Math.min(span.column() - 1, cps.length));
    int from = Math.max(0, start - BEFORE_CARET);
    int to = Math.min(cps.length, from + MAX_WIDTH);
    from = Math.max(0, to - MAX_WIDTH);
    String head = from > 0 ? "…" : "";
    String tail = to < cps.length ? "…" : "";
    String shown = head + new String(cps, from, to - from) + tail;
    int end = span.endLine() == span.line() ? Math.min(span.endColumn() - 1, to) : to;
    StringBuilder marker = new StringBuilder(head.isEmpty() ? "" : " ");
    for (int i = from; i < start; i++) {
      marker.append(cps[i] == '\t' ? '\t' : ' ');
    }
    marker.append('^');
    for (int i = start + 1; i < end; i++) {
      marker.append('~');
    }
    return new String[] {shown, marker.toString()};
  }

  /**
   * {@code text} safe to print on a terminal: every control character but the tab (an escape
   * sequence in the input would recolour the terminal, retitle it or worse) shown as its Unicode
   * control picture ({@code ␛} for ESC, {@code ␀} for NUL, {@code ␡} for DEL), and the C1 controls
   * and the bidirectional overrides (which reorder what is shown) as {@code �}. One code point
   * stays one code point, so the caret below a source line still lines up.
   */
  static String inert(String text) {
    int i = 0;
    while (i < text.length() && !needsPicture(text.charAt(i))) {
      i++;
    }
    if (i == text.length()) {
      return text;
    }
    StringBuilder sb = new StringBuilder(text.length()).append(text, 0, i);
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!needsPicture(c)) {
        sb.append(c);
      } else if (c < 0x20) {
        sb.append((char) (0x2400 + c));
      } else if (c == 0x7f) {
        sb.append('\u2421');
      } else {
        sb.append('\ufffd');
      }
    }
    return sb.toString();
  }

  private static boolean needsPicture(char c) {
    return (c < 0x20 && c != '\t')
        || (c >= 0x7f && c <= 0x9f)
        || (c >= 0x202a && c <= 0x202e)
        || (c >= 0x2066 && c <= 0x2069);
  }

  private String severity(Severity s) {
    String text = s.label() + ":";
    return colored(text, s);
  }

  private String colored(String text, Severity s) {
    if (!color) {
      return text;
    }
    String code =
        switch (s) {
          case ERROR -> "\u001b[1;31m";
          case WARNING -> "\u001b[1;33m";
          case INFO -> "\u001b[1;36m";
        };
    return code + text + "\u001b[0m";
  }

  private String bold(String text) {
    return color ? "\u001b[1m" + text + "\u001b[0m" : text;
  }
}
