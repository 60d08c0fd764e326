package dev.daemonset.core.read;

import java.io.Reader;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * SnakeYAML's reader over text already in memory and already checked, answering exactly as {@link
 * StreamReader} answers for the same text (every peek, index, line, column and mark), but without
 * its per-character work.
 *
 * <p>{@code StreamReader} is made for streams: it decodes the text into a window of code points
 * 1,024 characters at a time, checks each one for printability, and builds every token's string
 * from code points (about a fifth of SnakeYAML's time on a typical manifest). Here the whole text
 * is one string, and tokens are substrings of it. Text with characters outside the Basic
 * Multilingual Plane (surrogate pairs, where code point and char offsets part) keeps the stock
 * reader: see {@link #of}. Nothing is copied per character: a char is its code point.
 *
 * <p>Precondition: the text has passed {@code ManifestReader}'s check for control characters, the
 * same printability rule {@code StreamReader} applies; this reader does not check again, so it
 * never throws SnakeYAML's {@code ReaderException}.
 *
 * <p>Marks carry no snippet buffer (the stock reader's is its own current window of the text): only
 * an exception's message shows a snippet, and {@code YamlTreeBuilder} reports an exception's
 * problem, context and marks, not its message. The positions a mark reports are identical.
 */
final class TextReader extends StreamReader {
  private static final int[] NO_SNIPPET = {};

  private final String text;
  private final int length;
  private int pointer;
  private int line;
  private int column;
  private int documentIndex;
  private @Nullable Mark lastMark;

  private TextReader(String text, int from, int to, int line) {
    super(Reader.nullReader());
    this.text = text;
    this.length = to;
    this.pointer = from;
    this.line = line;
  }

  /**
   * The fast reader over the text from {@code from} (the start of a line) to {@code to}, with marks
   * that count from the start of the text, or null when the text has surrogate pairs (then the
   * caller reads a copy of the range with SnakeYAML's own reader).
   *
   * @param text text that passed {@code ManifestReader}'s control-character check
   * @param line the 1-based line of {@code from}
   * @param ascii whether the caller knows the text is all ASCII (then it is not searched for
   *     surrogates)
   */
  static @Nullable StreamReader of(String text, int from, int to, int line, boolean ascii) {
    if (!ascii) {
      for (int i = from; i < to; i++) {
        if (Character.isSurrogate(text.charAt(i))) {
          return null;
        }
      }
    }
    return new TextReader(text, from, to, line - 1);
  }

  /** The fast reader over all of {@code text} when it has no surrogate pairs, else SnakeYAML's. */
  static StreamReader of(String text, boolean ascii) {
    StreamReader fast = of(text, 0, text.length(), 1, ascii);
    return fast != null ? fast : new StreamReader(new java.io.StringReader(text));
  }

  @Override
  public Mark getMark() {
    // The scanner often asks twice at one position (a possible simple key, then its token):
    // marks are immutable, and line and column follow from the position, so one serves both.
    Mark last = lastMark;
    if (last == null || last.getIndex() != pointer) {
      last = new Mark("'reader'", pointer, line, column, NO_SNIPPET, 0);
      lastMark = last;
    }
    return last;
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
      if (c == '\n'
          || c == '\u0085'
          || c == '\u2028'
          || c == '\u2029'
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
