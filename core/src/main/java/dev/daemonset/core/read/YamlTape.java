package dev.daemonset.core.read;

import dev.daemonset.api.model.JsonValue;
import dev.daemonset.core.internal.snapshot.Anomaly;
import dev.daemonset.core.internal.snapshot.Strings;
import dev.daemonset.core.internal.snapshot.Tokens;
import dev.daemonset.core.internal.tree.YamlScalars;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * One YAML object in block style, scanned in one pass into a tape of tokens (kinds and offsets in
 * arrays, no object per token), then read as {@link Tokens}: the block scanner of the snapshot
 * path.
 *
 * <p>The shape it reads is what kubectl writes, and more: block maps and lists (indentless or
 * indented, compact maps as list items), plain scalars on one line or folded over several, single-
 * and double-quoted scalars (escapes, folded lines), literal and folded block scalars ({@code |},
 * {@code >}, with chomping and indentation indicators), comments, and on one line empty flow
 * collections or flow lists of simple scalars. Anything else — anchors, aliases, tags, other flow
 * collections, complex keys, a merge key, and every syntax error — makes {@link #scan} give up, and
 * the caller reads the object with the full reader. Text with tabs, carriage returns or non-ASCII
 * characters is not offered to it.
 *
 * <p>What it reads is exactly what SnakeYAML's scanner and parser give for the same text: the same
 * scalars (value and style), in the same structure, at the same positions ({@code YamlTapeTest}
 * holds the two equal on the real-world manifests, on seeded random block YAML and mutations of it,
 * and on generated cluster dumps split into objects). Scalars are typed as {@code YamlTreeBuilder}
 * types them ({@link YamlScalars}); a plain scalar kubectl would warn about, or one that is not
 * finite, is an {@link Anomaly}, so that the full reader reports it.
 *
 * <p>Values are made only when read: skipping a map or list is a jump to its end on the tape. Not
 * thread-safe; one per read, reused from object to object.
 */
final class YamlTape implements Tokens {

  // token kinds
  static final byte MAP = 1;
  static final byte MAP_END = 2;
  static final byte SEQ = 3;
  static final byte SEQ_END = 4;
  static final byte KEY = 5;
  static final byte SCALAR = 6;

  // scalar styles (low bits) and flags
  static final byte PLAIN = 1;
  static final byte SINGLE = 2;
  static final byte DOUBLE = 3;
  static final byte LITERAL = 4;
  static final byte FOLDED = 5;
  static final byte STYLE = 7;

  /** The value is the text between start and end (less the quotes): no folding, no escapes. */
  static final byte RAW = 8;

  /** A map or list written in flow style ({@code []}, {@code {}}, {@code [a, b]}). */
  static final byte FLOW = 16;

  /** An indentless list (at the indentation of the key whose value it is). */
  static final byte INDENTLESS = 32;

  /** SnakeYAML's longest simple key, from its first character to the {@code :}. */
  private static final int MAX_KEY_LENGTH = 1024;

  /** Deeper text goes to the full reader (the scanner recurses per level). */
  private static final int MAX_DEPTH = 100;

  /** Thrown (without a stack trace) where the text leaves the shape. */
  @SuppressWarnings("StaticAssignmentOfThrowable") // one stackless instance: thrown per object
  private static final class GiveUp extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final GiveUp INSTANCE = new GiveUp();

    private GiveUp() {
      super(null, null, false, false);
    }
  }

  private final Strings strings;
  private final int maxDepth;
  private final int maxNumberLength;

  // the text
  private byte[] text = new byte[0];
  private int end;

  // the tape
  private int count;
  private byte[] kinds = new byte[256];
  private byte[] flags = new byte[256];
  private int[] starts = new int[256];
  private int[] ends = new int[256];

  /** For a map or list: the index of its end token; for a scalar: the indentation it is read at. */
  private int[] aux = new int[256];

  // scanning
  private int pos;
  private int lineStart;
  private int depth;

  // reading
  private int cursor;

  /** The key or value the last token read. */
  private String current = "";

  /**
   * @param maxDepth the deepest nesting the full reader allows (deeper is its to report)
   * @param maxNumberLength the longest number literal it allows
   */
  YamlTape(Strings strings, int maxDepth, int maxNumberLength) {
    this.strings = strings;
    this.maxDepth = Math.min(maxDepth, MAX_DEPTH);
    this.maxNumberLength = maxNumberLength;
  }

  /**
   * Scans {@code text[from, to)}: printable ASCII and line feeds only, one block collection whose
   * first token is on the first non-blank line (at any indentation), then nothing but blank lines
   * and comments. False (with nothing on the tape) if the text leaves the shape.
   */
  boolean scan(byte[] text, int from, int to) {
    this.text = text;
    this.end = to;
    this.pos = from;
    this.lineStart = from;
    this.count = 0;
    this.depth = 0;
    this.cursor = 0;
    try {
      skipToToken();
      if (pos == lineStart && startsWith("---") && isBlank(pos + 3)) {
        pos += 3; // a document's explicit start, with nothing after it on its line
        skipSpaces();
        if (!atLineEnd()) {
          throw GiveUp.INSTANCE;
        }
        skipToToken();
      }
      if (pos == end || atDocumentBoundary()) {
        throw GiveUp.INSTANCE; // an empty document, or a marker: the full reader's
      }
      collection(column());
      if (pos != end) {
        throw GiveUp.INSTANCE;
      }
      return true;
    } catch (GiveUp e) {
      count = 0;
      return false;
    }
  }

  /** The offset where the first token starts (the object's position). */
  int firstOffset() {
    return starts[0];
  }

  // ---- the tape as it was scanned (for the tests and positions) ----

  int size() {
    return count;
  }

  byte kind(int i) {
    return kinds[i];
  }

  byte flags(int i) {
    return flags[i];
  }

  int start(int i) {
    return starts[i];
  }

  int end(int i) {
    return ends[i];
  }

  /** The value of scalar or key {@code i}, made from the text. */
  String value(int i) {
    if ((flags[i] & RAW) != 0) {
      int quote = (flags[i] & STYLE) == PLAIN ? 0 : 1;
      return strings.ofAscii(text, starts[i] + quote, ends[i] - starts[i] - 2 * quote);
    }
    StringBuilder out = new StringBuilder();
    int at = pos;
    int line = lineStart;
    pos = starts[i];
    lineStart = lineStartOf(pos);
    try {
      switch (flags[i] & STYLE) {
        case PLAIN -> plain(aux[i], out);
        case SINGLE, DOUBLE -> quoted(out);
        default -> block(aux[i], out);
      }
    } finally {
      pos = at;
      lineStart = line;
    }
    return out.toString();
  }

  private int lineStartOf(int offset) {
    int i = offset;
    while (i > 0 && text[i - 1] != '\n') {
      i--;
    }
    return i;
  }

  // ---- Tokens ----

  @Override
  public Token next() {
    if (cursor >= count) {
      throw Anomaly.INSTANCE;
    }
    int i = cursor++;
    return switch (kinds[i]) {
      case MAP -> Token.START_MAP;
      case MAP_END -> Token.END_MAP;
      case SEQ -> Token.START_LIST;
      case SEQ_END -> Token.END_LIST;
      case KEY -> {
        current = key(i);
        yield Token.KEY;
      }
      default -> scalar(i);
    };
  }

  @Override
  public String key() {
    return current;
  }

  @Override
  public String text() {
    return current;
  }

  @Override
  public void skipValue() {
    if (cursor >= count) {
      throw Anomaly.INSTANCE;
    }
    byte k = kinds[cursor];
    cursor = k == MAP || k == SEQ ? aux[cursor] + 1 : cursor + 1;
  }

  /** Starts reading the tape from its first token. */
  void rewind() {
    cursor = 0;
  }

  /** A key as {@code YamlTreeBuilder} makes one: plain keys must read as strings. */
  private String key(int i) {
    String k = value(i);
    if ((flags[i] & STYLE) == PLAIN && !isPlainWord(k)) {
      JsonValue v = YamlScalars.resolvePlain(k);
      if (!(v instanceof JsonValue.Str)
          || k.equals("<<")
          || YamlScalars.ambiguity(k, v) != null
          || YamlScalars.isNonFinite(k)) {
        throw Anomaly.INSTANCE;
      }
    }
    return k;
  }

  /** A scalar typed as {@code YamlTreeBuilder} types it. */
  private Token scalar(int i) {
    String v = value(i);
    if ((flags[i] & STYLE) != PLAIN) {
      current = v;
      return Token.STRING;
    }
    if (isPlainWord(v)) {
      current = v;
      return Token.STRING;
    }
    if ((v.length() > maxNumberLength && YamlScalars.looksNumeric(v))
        || YamlScalars.isNonFinite(v)) {
      throw Anomaly.INSTANCE;
    }
    JsonValue typed = YamlScalars.resolvePlain(v);
    if (YamlScalars.ambiguity(v, typed) != null) {
      throw Anomaly.INSTANCE; // the full reader warns
    }
    return switch (typed.kind()) {
      case STRING -> {
        current = v;
        yield Token.STRING;
      }
      case NUMBER -> {
        current = typed.toString();
        yield Token.NUMBER;
      }
      case BOOLEAN -> typed.equals(JsonValue.of(true)) ? Token.TRUE : Token.FALSE;
      default -> Token.NULL;
    };
  }

  /**
   * A plain scalar that kubectl's resolver reads as a string without a second look: it starts with
   * a letter that begins none of the resolver's table words ({@code y n t f o} in either case), so
   * it is neither a boolean, a null, a number nor ambiguous.
   */
  private static boolean isPlainWord(String s) {
    if (s.isEmpty()) {
      return false;
    }
    char c = s.charAt(0);
    return ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) && "yYnNtTfFoO".indexOf(c) < 0;
  }

  // ---- the grammar; each method leaves the position at the next token ----

  /** A block list or map whose first token is at the position, in column {@code column}. */
  private void collection(int column) {
    if (atEntry()) {
      list(column, false);
      return;
    }
    int key = keyOrNull(column);
    if (key < 0) {
      throw GiveUp.INSTANCE; // a root scalar: the full reader's
    }
    map(column, key);
  }

  /** A block map whose first key (token {@code firstKey}) has been read up to its ':'. */
  private void map(int column, int firstKey) {
    enter();
    int map = insertBefore(firstKey, MAP, (byte) 0, starts[firstKey], starts[firstKey]);
    int key = map + 1;
    while (true) {
      if (pos - starts[key] > MAX_KEY_LENGTH) {
        throw GiveUp.INSTANCE;
      }
      pos++; // the ':'
      int afterIndicator = pos;
      skipSpaces();
      if (!atLineEnd()) {
        inlineValue(column);
      } else if (!collectionBelow(column)) {
        if (!atDocumentBoundary() && column() == column && atEntry()) {
          list(column, true); // a list at the key's own indentation
        } else {
          add(SCALAR, (byte) (PLAIN | RAW), afterIndicator, afterIndicator, column);
        }
      }
      if (atDocumentBoundary() || column() < column) {
        break;
      }
      if (column() > column) {
        throw GiveUp.INSTANCE;
      }
      key = keyOrNull(column);
      if (key < 0) {
        throw GiveUp.INSTANCE;
      }
    }
    close(map, MAP_END, pos, pos);
  }

  /**
   * A block list whose first {@code -} is at the position, in column {@code column}; {@code
   * indentless}: at the indentation of the map key it is the value of.
   */
  private void list(int column, boolean indentless) {
    enter();
    int seq = add(SEQ, indentless ? INDENTLESS : (byte) 0, pos, indentless ? pos + 1 : pos, 0);
    while (true) {
      pos++; // the '-'
      int afterIndicator = pos;
      skipSpaces();
      if (atLineEnd()) {
        if (!collectionBelow(column)) {
          add(SCALAR, (byte) (PLAIN | RAW), afterIndicator, afterIndicator, column);
        }
      } else if (atEntry()) {
        throw GiveUp.INSTANCE; // a list in a list on one line
      } else {
        byte c = text[pos];
        if (c == '"' || c == '\'' || isPlainStart(pos)) {
          int itemColumn = column();
          int key = keyOrNull(itemColumn);
          if (key >= 0) {
            map(itemColumn, key); // a compact map
          } else {
            inlineValue(column);
          }
        } else {
          inlineValue(column);
        }
      }
      if (atDocumentBoundary() || column() < column) {
        break;
      }
      if (column() == column && atEntry()) {
        continue;
      }
      if (column() == column && indentless) {
        break; // the next key of the map the list belongs to
      }
      throw GiveUp.INSTANCE;
    }
    close(seq, SEQ_END, pos, pos);
  }

  /** One level deeper into collections. */
  private void enter() {
    if (++depth > maxDepth) {
      throw GiveUp.INSTANCE;
    }
  }

  /**
   * After a ':' or '-' that ends its line: the collection on the lines below if it is indented
   * further than {@code column} (then true), else false at the next token.
   */
  private boolean collectionBelow(int column) {
    skipToToken();
    if (atDocumentBoundary() || column() <= column) {
      return false;
    }
    int below = column();
    if (atEntry()) {
      list(below, false);
    } else {
      int key = keyOrNull(below);
      if (key >= 0) {
        map(below, key);
      } else {
        inlineValue(column); // a scalar (or flow collection) on a line of its own
      }
    }
    return true;
  }

  /**
   * A value on the line of its key or dash: a flow collection, a block scalar, a quoted or plain
   * scalar; {@code indent} is the indentation of the collection it is in.
   */
  private void inlineValue(int indent) {
    byte c = text[pos];
    if (c == '[' || c == '{') {
      flow(c);
      endOfLine();
    } else if (c == '|' || c == '>') {
      int start = pos;
      byte style = c == '|' ? LITERAL : FOLDED;
      block(indent, null);
      add(SCALAR, style, start, blockEnd, indent);
    } else if (c == '"' || c == '\'') {
      int start = pos;
      boolean raw = quoted(null);
      add(SCALAR, (byte) ((c == '"' ? DOUBLE : SINGLE) | (raw ? RAW : 0)), start, pos, indent);
      endOfLine();
    } else if (isPlainStart(pos)) {
      int start = pos;
      plain(indent + 1, null);
      add(
          SCALAR,
          (byte) (PLAIN | (isOneLine(start, plainEnd) ? RAW : 0)),
          start,
          plainEnd,
          indent + 1);
      // after a plain scalar the position is at the next token, or on its line at a comment
      if (pos < end && text[pos] == '#') {
        skipToToken();
      } else if (pos < end && text[pos] != '\n' && !atLineStartToken()) {
        throw GiveUp.INSTANCE; // "a: b: c" and the like
      }
    } else {
      throw GiveUp.INSTANCE; // anchors, aliases, tags, directives, reserved indicators
    }
  }

  /** True if the position is the first non-space of its line (a plain scalar stopped before it). */
  private boolean atLineStartToken() {
    for (int i = lineStart; i < pos; i++) {
      if (text[i] != ' ') {
        return false;
      }
    }
    return true;
  }

  /**
   * A key at the position: a plain or quoted scalar on one line followed by {@code :} and a blank
   * (the position is then at the ':'), as a KEY token; or -1 (the position unchanged) if the line
   * does not start with a key.
   */
  private int keyOrNull(int column) {
    int start = pos;
    byte c = text[pos];
    int keyEnd;
    byte style;
    boolean raw = true;
    if (c == '"' || c == '\'') {
      if (!quotedOnOneLine()) {
        pos = start;
        return -1;
      }
      keyEnd = pos;
      raw = isRawQuoted(start, keyEnd);
      style = c == '"' ? DOUBLE : SINGLE;
    } else if (isPlainStart(pos)) {
      // one line only: a simple key never spans lines
      int p = pos;
      int last = pos;
      while (p < end) {
        byte b = text[p];
        if (b == '\n' || (b == ':' && isBlank(p + 1)) || (b == '#' && text[p - 1] == ' ')) {
          break;
        }
        if (b != ' ') {
          last = p + 1;
        }
        p++;
      }
      keyEnd = last;
      pos = last;
      style = PLAIN;
    } else {
      return -1;
    }
    int p = pos;
    while (p < end && text[p] == ' ') {
      p++;
    }
    if (p < end && text[p] == ':' && isBlank(p + 1)) {
      pos = p;
      return add(KEY, (byte) (style | (raw ? RAW : 0)), start, keyEnd, column);
    }
    pos = start;
    return -1;
  }

  /**
   * A flow list of simple scalars on one line, or an empty flow map: {@code ["a", b]}, {@code []},
   * {@code {}}.
   */
  private void flow(byte open) {
    boolean list = open == '[';
    byte close = (byte) (list ? ']' : '}');
    enter();
    int start = pos;
    pos++;
    int seq = add(list ? SEQ : MAP, FLOW, start, pos, 0);
    skipSpaces();
    if (pos < end && text[pos] != close) {
      while (list) {
        flowItem();
        skipSpaces();
        if (pos < end && text[pos] == ',') {
          pos++;
          skipSpaces();
          if (pos < end && text[pos] == close) {
            throw GiveUp.INSTANCE; // a trailing comma
          }
        } else {
          break;
        }
      }
    }
    if (pos == end || text[pos] != close) {
      throw GiveUp.INSTANCE;
    }
    int from = pos;
    pos++;
    close(seq, list ? SEQ_END : MAP_END, from, pos);
  }

  /** A quoted scalar on one line, or a plain word up to a space, ',' or ']', in a flow list. */
  private void flowItem() {
    byte c = pos < end ? text[pos] : (byte) '\n';
    int start = pos;
    if (c == '"' || c == '\'') {
      if (!quotedOnOneLine()) {
        throw GiveUp.INSTANCE;
      }
      if (pos < end && text[pos] == ':') {
        throw GiveUp.INSTANCE;
      }
      add(
          SCALAR,
          (byte) ((c == '"' ? DOUBLE : SINGLE) | (isRawQuoted(start, pos) ? RAW : 0)),
          start,
          pos,
          0);
      return;
    }
    if (c == '-' && isBlank(pos + 1)) {
      throw GiveUp.INSTANCE;
    }
    int p = pos;
    while (p < end && " \n,[]{}:?#'\"&*!|>%@`".indexOf(text[p]) < 0) {
      p++;
    }
    if (p == pos || p == end || " ,]".indexOf(text[p]) < 0) {
      throw GiveUp.INSTANCE;
    }
    pos = p;
    add(SCALAR, (byte) (PLAIN | RAW), start, p, 0);
  }

  // ---- scalars, as SnakeYAML's scanner reads them ----

  /** Where the last plain scalar's last non-space chunk ended (its end mark). */
  private int plainEnd;

  /** Where the last block scalar ended (its end mark). */
  private int blockEnd;

  /**
   * SnakeYAML's scanPlain in block context, from the position: words separated by spaces, continued
   * on the following lines that are indented at least {@code indent}, up to a ':' followed by a
   * blank, a ' #', or a document marker. Leaves the position at the next token (or on the scalar's
   * line, at a comment or whatever stopped it); appends the value to {@code out} if given.
   */
  private void plain(int indent, @Nullable StringBuilder out) {
    StringBuilder fold = out == null ? null : new StringBuilder();
    plainEnd = pos;
    while (true) {
      if (pos < end && text[pos] == '#') {
        break;
      }
      int p = pos;
      while (p < end) {
        byte b = text[p];
        if (b == ' ' || b == '\n' || (b == ':' && isBlank(p + 1))) {
          break;
        }
        p++;
      }
      if (p == pos) {
        break;
      }
      if (out != null && fold != null) {
        out.append(fold);
        out.append(new String(text, pos, p - pos, StandardCharsets.ISO_8859_1));
        fold.setLength(0);
      }
      pos = p;
      plainEnd = p;
      if (!plainSpaces(fold) || (pos < end && text[pos] == '#') || column() < indent) {
        break;
      }
    }
  }

  /** True if no line break is between {@code from} and {@code to}. */
  private boolean isOneLine(int from, int to) {
    for (int i = from; i < to; i++) {
      if (text[i] == '\n') {
        return false;
      }
    }
    return true;
  }

  /**
   * SnakeYAML's scanPlainSpaces: the spaces after a word, and the line breaks and indentation after
   * them; false where they end the scalar (nothing at all, or a document marker). What they fold to
   * is appended to {@code fold} if given.
   */
  private boolean plainSpaces(@Nullable StringBuilder fold) {
    int from = pos;
    while (pos < end && text[pos] == ' ') {
      pos++;
    }
    if (pos < end && text[pos] == '\n') {
      pos++;
      lineStart = pos;
      if (atMarker()) {
        return false;
      }
      int breaks = 0;
      while (pos < end) {
        if (text[pos] == ' ') {
          pos++;
        } else if (text[pos] == '\n') {
          pos++;
          lineStart = pos;
          breaks++;
          if (atMarker()) {
            return false;
          }
        } else {
          break;
        }
      }
      if (fold != null) {
        if (breaks == 0) {
          fold.append(' ');
        } else {
          fold.append("\n".repeat(breaks));
        }
      }
      return true;
    }
    if (pos == from) {
      return false;
    }
    if (fold != null) {
      fold.append(" ".repeat(pos - from));
    }
    return true;
  }

  /** "---", or "..." followed by a blank, where a plain scalar's line breaks end (as SnakeYAML). */
  private boolean atMarker() {
    return startsWith("---") || (startsWith("...") && isBlank(pos + 3));
  }

  /** True if the text at the position starts with {@code s}. */
  private boolean startsWith(String s) {
    if (end - pos < s.length()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (text[pos + i] != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** A quoted scalar that closes on its own line, without line breaks: false if it does not. */
  private boolean quotedOnOneLine() {
    int start = pos;
    byte quote = text[pos];
    int p = pos + 1;
    while (p < end) {
      byte b = text[p];
      if (b == '\n') {
        return false;
      }
      if (quote == '\'' && b == '\'') {
        if (p + 1 < end && text[p + 1] == '\'') {
          p += 2;
          continue;
        }
        break;
      }
      if (quote == '"' && b == '\\') {
        if (p + 1 >= end || text[p + 1] == '\n') {
          return false;
        }
        p += 2;
        continue;
      }
      if (quote == '"' && b == '"') {
        break;
      }
      p++;
    }
    if (p >= end) {
      return false;
    }
    pos = start;
    quoted(null);
    return true;
  }

  /** True if the quoted scalar {@code [start, stop)} is its text without the quotes. */
  private boolean isRawQuoted(int start, int stop) {
    byte quote = text[start];
    for (int i = start + 1; i < stop - 1; i++) {
      byte b = text[i];
      if (b == '\n' || (quote == '"' && b == '\\') || (quote == '\'' && b == '\'')) {
        return false;
      }
    }
    return true;
  }

  /**
   * SnakeYAML's scanFlowScalar from the opening quote at the position to just past the closing one,
   * appending the value to {@code out} if given. True if the value is the text between the quotes.
   */
  private boolean quoted(@Nullable StringBuilder out) {
    byte quote = text[pos];
    boolean dbl = quote == '"';
    int start = pos;
    pos++;
    nonSpaces(dbl, out);
    while (pos < end && text[pos] != quote) {
      spaces(out);
      nonSpaces(dbl, out);
    }
    if (pos >= end) {
      throw GiveUp.INSTANCE; // the stream ends inside it
    }
    pos++;
    return isRawQuoted(start, pos);
  }

  /** SnakeYAML's scanFlowScalarNonSpaces. */
  private void nonSpaces(boolean dbl, @Nullable StringBuilder out) {
    while (true) {
      int p = pos;
      while (p < end) {
        byte b = text[p];
        if (b == ' ' || b == '\n' || b == '\'' || b == '"' || b == '\\') {
          break;
        }
        p++;
      }
      if (p > pos && out != null) {
        out.append(new String(text, pos, p - pos, StandardCharsets.ISO_8859_1));
      }
      pos = p;
      if (pos >= end) {
        return;
      }
      byte c = text[pos];
      if (!dbl && c == '\'' && pos + 1 < end && text[pos + 1] == '\'') {
        if (out != null) {
          out.append('\'');
        }
        pos += 2;
      } else if ((dbl && c == '\'') || (!dbl && (c == '"' || c == '\\'))) {
        if (out != null) {
          out.append((char) c);
        }
        pos++;
      } else if (dbl && c == '\\') {
        pos++;
        if (pos >= end) {
          throw GiveUp.INSTANCE;
        }
        byte e = text[pos];
        String replacement = escape(e);
        if (replacement != null) {
          if (out != null) {
            out.append(replacement);
          }
          pos++;
        } else if (e == 'x' || e == 'u' || e == 'U') {
          int length = e == 'x' ? 2 : e == 'u' ? 4 : 8;
          pos++;
          if (end - pos < length) {
            throw GiveUp.INSTANCE;
          }
          int code = 0;
          for (int i = 0; i < length; i++) {
            int d = Character.digit(text[pos + i], 16);
            if (d < 0) {
              throw GiveUp.INSTANCE;
            }
            code = code * 16 + d;
          }
          if (!Character.isValidCodePoint(code)) {
            throw GiveUp.INSTANCE;
          }
          if (out != null) {
            out.appendCodePoint(code);
          }
          pos += length;
        } else if (e == '\n') {
          pos++;
          lineStart = pos;
          String breaks = breaks();
          if (out != null) {
            out.append(breaks);
          }
        } else {
          throw GiveUp.INSTANCE; // an unknown escape
        }
      } else {
        return;
      }
    }
  }

  /** The replacement of a one-character escape, or null. */
  private static @Nullable String escape(byte e) {
    return switch (e) {
      case '0' -> "\0";
      case 'a' -> "\u0007";
      case 'b' -> "\b";
      case 't' -> "\t";
      case 'n' -> "\n";
      case 'v' -> "\u000B";
      case 'f' -> "\f";
      case 'r' -> "\r";
      case 'e' -> "\u001B";
      case ' ' -> " ";
      case '"' -> "\"";
      case '\\' -> "\\";
      case 'N' -> "\u0085";
      case '_' -> "\u00A0";
      case 'L' -> "\u2028";
      case 'P' -> "\u2029";
      default -> null;
    };
  }

  /** SnakeYAML's scanFlowScalarSpaces. */
  private void spaces(@Nullable StringBuilder out) {
    int from = pos;
    while (pos < end && text[pos] == ' ') {
      pos++;
    }
    if (pos >= end) {
      throw GiveUp.INSTANCE;
    }
    if (text[pos] == '\n') {
      pos++;
      lineStart = pos;
      String breaks = breaks();
      if (out != null) {
        out.append(breaks.isEmpty() ? " " : breaks);
      }
    } else if (out != null) {
      out.append(new String(text, from, pos - from, StandardCharsets.ISO_8859_1));
    }
  }

  /** SnakeYAML's scanFlowScalarBreaks: a document marker inside a quoted scalar is an error. */
  private String breaks() {
    StringBuilder chunks = new StringBuilder();
    while (true) {
      if ((startsWith("---") || startsWith("...")) && isBlank(pos + 3)) {
        throw GiveUp.INSTANCE;
      }
      while (pos < end && text[pos] == ' ') {
        pos++;
      }
      if (pos < end && text[pos] == '\n') {
        pos++;
        lineStart = pos;
        chunks.append('\n');
      } else {
        return chunks.toString();
      }
    }
  }

  /**
   * SnakeYAML's scanBlockScalar from the indicator at the position, in a collection at indentation
   * {@code indent}: leaves the position at the next token and the end mark in {@link #blockEnd};
   * appends the value to {@code out} if given.
   */
  private void block(int indent, @Nullable StringBuilder out) {
    boolean folded = text[pos] == '>';
    pos++;
    // the header: chomping and indentation indicators, in either order
    Boolean chomping = null;
    int increment = -1;
    byte c = pos < end ? text[pos] : (byte) '\n';
    if (c == '-' || c == '+') {
      chomping = c == '+';
      pos++;
      c = pos < end ? text[pos] : (byte) '\n';
      if (c >= '0' && c <= '9') {
        increment = c - '0';
        pos++;
      }
    } else if (c >= '0' && c <= '9') {
      increment = c - '0';
      pos++;
      c = pos < end ? text[pos] : (byte) '\n';
      if (c == '-' || c == '+') {
        chomping = c == '+';
        pos++;
      }
    }
    if (increment == 0 || !isBlank(pos)) {
      throw GiveUp.INSTANCE;
    }
    // the rest of the header line: spaces, a comment
    while (pos < end && text[pos] == ' ') {
      pos++;
    }
    if (pos < end && text[pos] == '#') {
      while (pos < end && text[pos] != '\n') {
        pos++;
      }
    }
    if (pos < end) {
      if (text[pos] != '\n') {
        throw GiveUp.INSTANCE;
      }
      pos++;
      lineStart = pos;
    }
    int minIndent = Math.max(1, indent + 1);
    String breaks;
    int contentIndent;
    if (increment == -1) {
      // the indentation of the first non-empty line (or of a longer empty one before it)
      StringBuilder leading = new StringBuilder();
      int maxIndent = 0;
      blockEnd = pos;
      while (pos < end && (text[pos] == ' ' || text[pos] == '\n')) {
        if (text[pos] == '\n') {
          pos++;
          lineStart = pos;
          leading.append('\n');
          blockEnd = pos;
        } else {
          pos++;
          maxIndent = Math.max(maxIndent, column());
        }
      }
      breaks = leading.toString();
      contentIndent = Math.max(minIndent, maxIndent);
    } else {
      contentIndent = minIndent + increment - 1;
      breaks = blockBreaks(contentIndent);
    }
    String lineBreak = "";
    while (column() == contentIndent && pos < end) {
      if (out != null) {
        out.append(breaks);
      }
      boolean leadingNonSpace = text[pos] != ' ';
      int p = pos;
      while (p < end && text[p] != '\n') {
        p++;
      }
      if (out != null) {
        out.append(new String(text, pos, p - pos, StandardCharsets.ISO_8859_1));
      }
      pos = p;
      lineBreak = "";
      if (pos < end) {
        pos++;
        lineStart = pos;
        lineBreak = "\n";
      }
      breaks = blockBreaks(contentIndent);
      if (column() == contentIndent && pos < end) {
        if (folded && lineBreak.equals("\n") && leadingNonSpace && text[pos] != ' ') {
          if (breaks.isEmpty() && out != null) {
            out.append(' ');
          }
        } else if (out != null) {
          out.append(lineBreak);
        }
      } else {
        break;
      }
    }
    if (out != null) {
      if (chomping == null || chomping) {
        out.append(lineBreak);
      }
      if (chomping != null && chomping) {
        out.append(breaks);
      }
    }
    // the block scalar has taken the spaces of the line it stopped on: on to the next token
    skipToToken();
  }

  /** SnakeYAML's scanBlockScalarBreaks: line breaks and up to {@code indent} spaces per line. */
  private String blockBreaks(int indent) {
    StringBuilder chunks = new StringBuilder();
    blockEnd = pos;
    while (column() < indent && pos < end && text[pos] == ' ') {
      pos++;
    }
    while (pos < end && text[pos] == '\n') {
      pos++;
      lineStart = pos;
      chunks.append('\n');
      blockEnd = pos;
      while (column() < indent && pos < end && text[pos] == ' ') {
        pos++;
      }
    }
    return chunks.toString();
  }

  // ---- positions ----

  /**
   * A plain scalar may start here: SnakeYAML's checkPlain in block context (an indicator cannot
   * start one, except '-', '?' and ':' followed by a non-blank).
   */
  private boolean isPlainStart(int at) {
    byte c = text[at];
    if ("-?:,[]{}#&*!|>'\"%@`".indexOf(c) < 0) {
      return true;
    }
    return (c == '-' || c == '?' || c == ':') && !isBlank(at + 1);
  }

  /** A '-' followed by a blank: a list entry. */
  private boolean atEntry() {
    return pos < end && text[pos] == '-' && isBlank(pos + 1);
  }

  /** The end of the text, or "---" or "..." at the start of a line followed by a blank. */
  private boolean atDocumentBoundary() {
    return pos == end
        || (pos == lineStart && (startsWith("---") || startsWith("...")) && isBlank(pos + 3));
  }

  /** A space, a line break or the end of the text at {@code at}. */
  private boolean isBlank(int at) {
    return at >= end || text[at] == ' ' || text[at] == '\n';
  }

  /** The end of the text or of the line, or a comment (only ever looked for after a blank). */
  private boolean atLineEnd() {
    return pos == end || text[pos] == '\n' || text[pos] == '#';
  }

  /** Nothing but spaces and a comment up to the end of the line, then on to the next token. */
  private void endOfLine() {
    skipSpaces();
    if (!atLineEnd() || (pos < end && text[pos] == '#' && text[pos - 1] != ' ')) {
      throw GiveUp.INSTANCE;
    }
    skipToToken();
  }

  private void skipSpaces() {
    while (pos < end && text[pos] == ' ') {
      pos++;
    }
  }

  /** Past spaces, comments and line breaks, as SnakeYAML's scanToNextToken. */
  private void skipToToken() {
    while (pos < end) {
      byte c = text[pos];
      if (c == ' ') {
        pos++;
      } else if (c == '#') {
        while (pos < end && text[pos] != '\n') {
          pos++;
        }
      } else if (c == '\n') {
        pos++;
        lineStart = pos;
      } else {
        return;
      }
    }
  }

  private int column() {
    return pos - lineStart;
  }

  // ---- the tape ----

  private int add(byte kind, byte flag, int start, int stop, int extra) {
    if (count == kinds.length) {
      int n = count * 2;
      kinds = Arrays.copyOf(kinds, n);
      flags = Arrays.copyOf(flags, n);
      starts = Arrays.copyOf(starts, n);
      ends = Arrays.copyOf(ends, n);
      aux = Arrays.copyOf(aux, n);
    }
    kinds[count] = kind;
    flags[count] = flag;
    starts[count] = start;
    ends[count] = stop;
    aux[count] = extra;
    return count++;
  }

  /** Inserts a token before token {@code at} (a map's start before its first key). */
  private int insertBefore(int at, byte kind, byte flag, int start, int stop) {
    add(kind, flag, start, stop, 0); // grows the arrays
    int n = count - 1 - at;
    System.arraycopy(kinds, at, kinds, at + 1, n);
    System.arraycopy(flags, at, flags, at + 1, n);
    System.arraycopy(starts, at, starts, at + 1, n);
    System.arraycopy(ends, at, ends, at + 1, n);
    System.arraycopy(aux, at, aux, at + 1, n);
    kinds[at] = kind;
    flags[at] = flag;
    starts[at] = start;
    ends[at] = stop;
    aux[at] = 0;
    return at;
  }

  /** Closes the collection started by token {@code open}. */
  private void close(int open, byte kind, int start, int stop) {
    int closing = add(kind, flags[open], start, stop, open);
    aux[open] = closing;
    depth--;
  }
}
