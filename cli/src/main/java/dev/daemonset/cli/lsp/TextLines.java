package dev.daemonset.cli.lsp;

import dev.daemonset.api.Span;
import java.util.Arrays;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * One version of a document's text with its line starts: converts between the engine's positions
 * (1-based lines, 1-based columns in Unicode code points) and LSP's (0-based lines, 0-based
 * characters in UTF-16 code units, or code points when the client negotiated {@code utf-32}), and
 * between LSP positions and string offsets.
 *
 * <p>Line breaks are {@code \n}, {@code \r\n} and a lone {@code \r}, as in LSP and in the engine's
 * reader. Positions beyond a line's end or the text's end are clamped, as LSP asks. Immutable.
 */
final class TextLines {

  /** How LSP positions count characters within a line. */
  enum Encoding {
    UTF16("utf-16"),
    UTF32("utf-32");

    final String lsp;

    Encoding(String lsp) {
      this.lsp = lsp;
    }
  }

  private final String text;
  private final int[] starts;

  private TextLines(String text, int[] starts) {
    this.text = text;
    this.starts = starts;
  }

  static TextLines of(String text) {
    int[] s = new int[64];
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
    return new TextLines(text, Arrays.copyOf(s, n));
  }

  String text() {
    return text;
  }

  int lineCount() {
    return starts.length;
  }

  /** The offset of the first character of 0-based line {@code line}. */
  int lineStart(int line) {
    return starts[Math.max(0, Math.min(line, starts.length - 1))];
  }

  /** The offset just after the last character of 0-based line {@code line}, before its break. */
  int lineEnd(int line) {
    int l = Math.max(0, Math.min(line, starts.length - 1));
    int end = l + 1 < starts.length ? starts[l + 1] : text.length();
    if (end > starts[l] && l + 1 < starts.length) {
      end--;
      if (text.charAt(end) == '\n' && end > starts[l] && text.charAt(end - 1) == '\r') {
        end--;
      }
    }
    return end;
  }

  /** The text of 0-based line {@code line}, without its line break. */
  String line(int line) {
    return text.substring(lineStart(line), lineEnd(line));
  }

  /** The 0-based line holding {@code offset}. */
  int lineOf(int offset) {
    int i = Arrays.binarySearch(starts, Math.max(0, Math.min(offset, text.length())));
    return i >= 0 ? i : -i - 2;
  }

  /** The string offset of an LSP position, clamped to its line and to the text. */
  int offset(Position p, Encoding encoding) {
    if (p.getLine() >= starts.length) {
      return text.length();
    }
    int line = Math.max(0, p.getLine());
    int start = starts[line];
    int end = lineEnd(line);
    int want = Math.max(0, p.getCharacter());
    if (encoding == Encoding.UTF16) {
      int o = Math.min(end, start + want);
      // never split a surrogate pair: a position inside one means the character's start
      if (o > start
          && o < end
          && Character.isLowSurrogate(text.charAt(o))
          && Character.isHighSurrogate(text.charAt(o - 1))) {
        o--;
      }
      return o;
    }
    int o = start;
    for (int n = 0; n < want && o < end; n++) {
      o += Character.charCount(text.codePointAt(o));
    }
    return Math.min(o, end);
  }

  /** The LSP position of a string offset. */
  Position position(int offset, Encoding encoding) {
    int o = Math.max(0, Math.min(offset, text.length()));
    int line = lineOf(o);
    int start = starts[line];
    int character =
        encoding == Encoding.UTF16
            ? o - start
            : text.codePointCount(start, Math.min(o, text.length()));
    return new Position(line, character);
  }

  /** The string offset of a 1-based line and 1-based code-point column (clamped). */
  int offset(int line1, int column1) {
    if (line1 < 1) {
      return 0;
    }
    if (line1 > starts.length) {
      return text.length();
    }
    int start = starts[line1 - 1];
    int end = lineEnd(line1 - 1);
    int o = start;
    for (int n = 1; n < column1 && o < end; n++) {
      o += Character.charCount(text.codePointAt(o));
    }
    return Math.min(o, end);
  }

  /** The LSP range of an engine span (1-based, code points, end exclusive). */
  Range range(Span span, Encoding encoding) {
    return new Range(
        position(offset(span.line(), span.column()), encoding),
        position(offset(span.endLine(), span.endColumn()), encoding));
  }

  /** The 1-based code-point column of a string offset on its line. */
  int column(int offset) {
    int o = Math.max(0, Math.min(offset, text.length()));
    int start = starts[lineOf(o)];
    return text.codePointCount(start, o) + 1;
  }
}
