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
 * is one string that {@code ManifestReader} has already checked with the same printability rule,
 * so no {@code ReaderException} can arise; tokens are substrings of it. Text with characters
 * outside the Basic Multilingual Plane (surrogate pairs, where code point and char offsets part)
 * keeps the stock reader: see {@link #of}.
 *
 * <p>Marks carry the whole text's code points, so a mark's snippet shows its whole line (the
 * stock reader's may start mid-line where its window did). Snippets appear only in an
 * exception's own message, which the reader never reports: it reports the problem and the marks'
 * positions, and those are identical.
 */
final class TextReader extends StreamReader {

  private final String text;
  /** The text's code points (its chars: it has no surrogates), for peeking and for marks. */
  private final int[] codePoints;
  private final int length;
  private int pointer;
  private int line;
  private int column;
  private int documentIndex;
  private @Nullable Mark lastMark;

  private TextReader(String text, int[] codePoints) {
    super(Reader.nullReader());
    this.text = text;
    this.codePoints = codePoints;
    this.length = text.length();
  }

  /**
   * The fast reader when the text has no surrogate pairs, else SnakeYAML's own.
   *
   * @param ascii whether the caller knows the text is all ASCII (then it is not searched)
   */
  static StreamReader of(String text, boolean ascii) {
    char[] chars = text.toCharArray();
    if (!ascii) {
      for (char c : chars) {
        if (Character.isSurrogate(c)) {
          return new StreamReader(new java.io.StringReader(text));
        }
      }
    }
    int[] codePoints = new int[chars.length];
    for (int i = 0; i < chars.length; i++) { // a plain widening copy, which the JIT vectorizes
      codePoints[i] = chars[i];
    }
    return new TextReader(text, codePoints);
  }

  @Override
  public Mark getMark() {
    // The scanner often asks twice at one position (a possible simple key, then its token):
    // marks are immutable, and line and column follow from the position, so one serves both.
    Mark last = lastMark;
    if (last == null || last.getIndex() != pointer) {
      last = new Mark("'reader'", pointer, line, column, codePoints, pointer);
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
      int c = codePoints[pointer++];
      documentIndex++;
      if (c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029'
          || (c == '\r' && pointer < length && codePoints[pointer] != '\n')) {
        line++;
        column = 0;
      } else if (c != '\uFEFF') {
        column++;
      }
    }
  }

  @Override
  public int peek() {
    return pointer < length ? codePoints[pointer] : '\0';
  }

  @Override
  public int peek(int index) {
    int at = pointer + index;
    return at < length ? codePoints[at] : '\0';
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
