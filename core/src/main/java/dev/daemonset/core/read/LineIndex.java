package dev.daemonset.core.read;

import dev.daemonset.api.Span;
import dev.daemonset.core.internal.tree.Spans;
import java.util.Arrays;

/**
 * Turns character offsets into 1-based line and code-point column, treating {@code \r\n}, {@code
 * \n} and a lone {@code \r} each as one line break (so CRLF files get the same positions as LF
 * files). Not thread-safe: one per reader of one text.
 */
final class LineIndex {
  private final String text;
  private final int[] starts;

  /** Whether the text holds a surrogate: without one, a column is a count of chars. */
  private final boolean surrogates;

  // The last column computed: tokens arrive in text order, so the next column on the same line
  // counts on from here. Counting from the line's start each time was quadratic in a one-line
  // (minified) JSON document whose text is UTF-16.
  private int lastLineStart = -1;
  private int lastOffset;
  private int lastColumn;
  // The line (index into starts) of the last offset asked about: the next is almost always on it
  // or on the next line, so most lookups need no binary search.
  private int cursor;

  LineIndex(String text) {
    this.text = text;
    int[] s = new int[16];
    int n = 0;
    s[n++] = 0;
    boolean pairs = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        if (n == s.length) {
          s = Arrays.copyOf(s, n * 2);
        }
        s[n++] = i + 1;
      } else if (Character.isSurrogate(c)) {
        pairs = true;
      }
    }
    starts = Arrays.copyOf(s, n);
    surrogates = pairs;
  }

  /** 1-based line of {@code offset}. */
  int line(int offset) {
    return lineIndex(offset) + 1;
  }

  /** The index in {@code starts} of the line holding {@code offset} (-1 before the text). */
  private int lineIndex(int offset) {
    int c = cursor;
    if (offset >= starts[c]) {
      if (c + 1 == starts.length || offset < starts[c + 1]) {
        return c;
      }
      if (c + 2 == starts.length || offset < starts[c + 2]) {
        cursor = c + 1;
        return c + 1;
      }
    }
    int i = Arrays.binarySearch(starts, offset);
    int line = i >= 0 ? i : -i - 2;
    if (line >= 0) {
      cursor = line;
    }
    return line;
  }

  /** 1-based code-point column of {@code offset}. */
  int column(int offset) {
    int start = starts[lineIndex(offset)];
    int end = Math.min(Math.max(offset, start), text.length());
    if (!surrogates) {
      return end - start + 1; // one char, one code point
    }
    int column;
    if (start == lastLineStart && end >= lastOffset && !splitsPair(lastOffset)) {
      column = lastColumn + text.codePointCount(lastOffset, end);
    } else {
      column = text.codePointCount(start, end) + 1;
    }
    lastLineStart = start;
    lastOffset = end;
    lastColumn = column;
    return column;
  }

  /** True if {@code offset} falls between the two halves of a surrogate pair (one code point). */
  private boolean splitsPair(int offset) {
    return offset > 0
        && offset < text.length()
        && Character.isLowSurrogate(text.charAt(offset))
        && Character.isHighSurrogate(text.charAt(offset - 1));
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
