package dev.daemonset.core.read;

import dev.daemonset.core.tree.Spans;
import dev.daemonset.api.Span;
import java.util.Arrays;

/**
 * Turns character offsets into 1-based line and code-point column, treating {@code \r\n},
 * {@code \n} and a lone {@code \r} each as one line break (so CRLF files get the same positions
 * as LF files).
 */
final class LineIndex {
  private final String text;
  private final int[] starts;

  LineIndex(String text) {
    this.text = text;
    int[] s = new int[16];
    int n = 0;
    s[n++] = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        if (n == s.length) {
          s = Arrays.copyOf(s, n * 2);
        }
        s[n++] = i + 1;
      }
    }
    starts = Arrays.copyOf(s, n);
  }

  /** 1-based line of {@code offset}. */
  int line(int offset) {
    int i = Arrays.binarySearch(starts, offset);
    return (i >= 0 ? i : -i - 2) + 1;
  }

  /** 1-based code-point column of {@code offset}. */
  int column(int offset) {
    int start = starts[line(offset) - 1];
    int end = Math.min(Math.max(offset, start), text.length());
    return text.codePointCount(start, end) + 1;
  }

  /** The span from {@code start} to {@code end} (offsets). */
  Span span(int start, int end) {
    int s = clamp(start);
    int e = Math.max(s, clamp(end));
    return Spans.of(line(s), column(s), line(e), column(e));
  }

  private int clamp(int offset) {
    return Math.max(0, Math.min(offset, text.length()));
  }
}
