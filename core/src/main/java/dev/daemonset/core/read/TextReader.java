package dev.daemonset.core.read;

import java.io.Reader;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * SnakeYAML's reader over text already in memory and already checked, answering exactly as
 * {@link StreamReader} answers for the same text (every peek, index, line, column and mark), but
 * without its per-character work.
 *
 * <p>{@code StreamReader} is made for streams: it decodes the text into a window of code points
 * 1,024 characters at a time, checks each one for printability, and builds every token's string
 * from code points (about a fifth of SnakeYAML's time on a typical manifest). Here the whole text
 * is one string, and tokens are substrings of it. Text with characters outside the Basic
 * Multilingual Plane (surrogate pairs, where code point and char offsets part) keeps the stock
 * reader: see {@link #of}. Nothing is copied per character: a char is its code point.
 *
 * <p>Precondition: the text has passed {@code ManifestReader}'s check for control characters,
 * the same printability rule {@code StreamReader} applies; this reader does not check again, so
 * it never throws SnakeYAML's {@code ReaderException}.
 *
 * <p>A mark's buffer is a window of the text around its position, refilled as the reader moves on
 * (the stock reader's is its own current window): only an exception's message shows it, as a
 * snippet of part of a line, which may start or end elsewhere than the stock reader's. The
 * positions a mark reports are identical.
 */
final class TextReader extends StreamReader {
  /** Code points in a mark's window, and how many of them come before the position it is made for. */
  private static final int WINDOW = 2048;
  private static final int WINDOW_BEFORE = 128;
  /** A snippet shows at most about 40 code points on each side of its mark. */
  private static final int SNIPPET_SIDE = 80;

  private final String text;
  private final int length;
  private int pointer;
  private int line;
  private int column;
  private int documentIndex;
  private @Nullable Mark lastMark;
  /** The code points of {@code text[windowStart, windowStart + window.length)}, for marks. */
  private int[] window = new int[0];
  private int windowStart;

  private TextReader(String text) {
    super(Reader.nullReader());
    this.text = text;
    this.length = text.length();
  }

  /**
   * The fast reader when the text has no surrogate pairs, else SnakeYAML's own.
   *
   * @param text text that passed {@code ManifestReader}'s control-character check
   * @param ascii whether the caller knows the text is all ASCII (then it is not searched for
   *     surrogates)
   */
  static StreamReader of(String text, boolean ascii) {
    if (!ascii) {
      for (int i = 0; i < text.length(); i++) {
        if (Character.isSurrogate(text.charAt(i))) {
          return new StreamReader(new java.io.StringReader(text));
        }
      }
    }
    return new TextReader(text);
  }

  @Override
  public Mark getMark() {
    // The scanner often asks twice at one position (a possible simple key, then its token):
    // marks are immutable, and line and column follow from the position, so one serves both.
    Mark last = lastMark;
    if (last == null || last.getIndex() != pointer) {
      int at = pointer - windowStart;
      if (window.length == 0 || at < Math.min(pointer, SNIPPET_SIDE)
          || window.length - at < Math.min(length - pointer, SNIPPET_SIDE)) {
        fillWindow();
        at = pointer - windowStart;
      }
      last = new Mark("'reader'", pointer, line, column, window, at);
      lastMark = last;
    }
    return last;
  }

  /** Copies the code points around the pointer into a new window (marks keep the old one). */
  private void fillWindow() {
    int from = Math.max(0, pointer - WINDOW_BEFORE);
    int to = Math.min(length, from + WINDOW);
    int[] points = new int[to - from];
    for (int i = 0; i < points.length; i++) {
      points[i] = text.charAt(from + i);
    }
    window = points;
    windowStart = from;
  }

  @Override
  public void forward() {
    forward(1);
  }

  @Override
  public void forward(int n) {
    for (int i = 0; i < n && pointer < length; i++) {
      int c = text.charAt(pointer++);
      documentIndex++;
      if (c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029'
          || (c == '\r' && pointer < length && text.charAt(pointer) != '\n')) {
        line++;
        column = 0;
      } else if (c != '\uFEFF') {
        column++;
      }
    }
  }

  @Override
  public int peek() {
    return pointer < length ? text.charAt(pointer) : '\0';
  }

  @Override
  public int peek(int index) {
    int at = pointer + index;
    return at < length ? text.charAt(at) : '\0';
  }

  @Override
  public String prefix(int n) {
    return n == 0 ? "" : text.substring(pointer, Math.min(pointer + n, length));
  }

  @Override
  public String prefixForward(int n) {
    String prefix = prefix(n);
    pointer += n;
    documentIndex += n;
    column += n; // as the stock reader: a prefix never holds a line break
    return prefix;
  }

  @Override
  public int getColumn() {
    return column;
  }

  @Override
  public int getDocumentIndex() {
    return documentIndex;
  }

  @Override
  public void resetDocumentIndex() {
    documentIndex = 0;
  }

  @Override
  public int getIndex() {
    return pointer;
  }

  @Override
  public int getLine() {
    return line;
  }
}
