package dev.daemonset.core.cli;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One input as the user named it: the name to print (relative paths as given, {@code <stdin>} for
 * standard input), its bytes (what the reader reads) and its text (for printing source lines).
 */
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

  /** The 1-based line {@code line} without its line break, or "" past the end. */
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

  static List<String> names(List<Source> sources) {
    return sources.stream().map(Source::name).toList();
  }
}
