package dev.daemonset.core.read;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.DocumentEndEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ImplicitTuple;
import org.yaml.snakeyaml.events.MappingEndEvent;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceEndEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.events.StreamEndEvent;
import org.yaml.snakeyaml.events.StreamStartEvent;
import org.yaml.snakeyaml.parser.Parser;

/**
 * SnakeYAML's events for YAML written the way Kubernetes manifests almost always are, found in one
 * pass over the text, or nothing: the caller then parses with SnakeYAML.
 *
 * <p>The shape it knows: block maps and block lists (indented or not, with compact maps as list
 * items), plain scalars on one line, quoted scalars on one line without escapes, one-line flow
 * lists of such scalars and empty flow maps as values, empty values, comments, and {@code ---}
 * between documents, in ASCII text without tabs or carriage returns, up to a MiB and 100 levels
 * deep. Anything else — other flow collections, block scalars ({@code |}, {@code >}), anchors,
 * aliases, tags, directives, multi-line scalars, escapes, complex keys, and every syntax error —
 * makes it give up before the caller sees a single event. What it does return is exactly what
 * SnakeYAML's {@code ParserImpl} gives for the same text: the same events, values, styles and marks
 * (index, line, column), which {@code BlockYamlParserTest} checks on every real-world manifest, on
 * seeded random mutations of them and on seeded random block YAML.
 *
 * <p>Why: SnakeYAML's scanner spends most of a manifest's reading time on work this shape does not
 * need (a token queue, a table of possible simple keys rebuilt per token, a call per character
 * through its reader), more than everything the engine does after it.
 *
 * <p>Marks carry no snippet buffer: only an exception's message shows one, and these events never
 * come with an exception.
 */
final class BlockYamlParser implements Parser {

  private static final int[] NO_SNIPPET = {};
  private static final ImplicitTuple PLAIN = new ImplicitTuple(true, false);
  private static final ImplicitTuple QUOTED = new ImplicitTuple(false, true);

  /**
   * The longest text tried, in characters. Its events are all found before the first is handed out
   * (to give up before any is used), where SnakeYAML's parser streams: for a long stream of
   * documents holding them all would cost far more memory than the one document's tree the reader
   * holds at a time.
   */
  private static final int MAX_LENGTH = 1 << 20;

  /** SnakeYAML's longest simple key, from its first character to the {@code :}. */
  private static final int MAX_KEY_LENGTH = 1024;

  /**
   * The deepest nesting read here: this parser recurses per level, so deeper text goes to
   * SnakeYAML, whose parser keeps an explicit stack.
   */
  private static final int MAX_DEPTH = 100;

  /** Thrown (without a stack trace) where the text leaves the known shape. */
  private static final class GiveUp extends RuntimeException {
    private static final long serialVersionUID = 1L;

    // one stackless instance, thrown for control flow: it carries nothing that could go stale
    @SuppressWarnings("StaticAssignmentOfThrowable")
    static final GiveUp INSTANCE = new GiveUp();

    private GiveUp() {
      super(null, null, false, false);
    }
  }

  private final String text;
  private final int length;
  private final List<Event> events = new ArrayList<>();
  private int next;

  /** The position being read, the line it is on (0-based) and where that line starts. */
  private int pos;

  private int line;
  private int lineStart;
  private int depth;

  private BlockYamlParser(String text) {
    this.text = text;
    this.length = text.length();
  }

  /**
   * A parser with SnakeYAML's events for {@code text}, or null if the text is not of the shape this
   * class knows.
   *
   * @param ascii whether the text is known to be printable ASCII, tabs and line breaks only (other
   *     text is not tried)
   */
  static @Nullable Parser of(String text, boolean ascii) {
    if (!ascii
        || text.length() > MAX_LENGTH
        || text.indexOf('\t') >= 0
        || text.indexOf('\r') >= 0) {
      return null;
    }
    BlockYamlParser parser = new BlockYamlParser(text);
    try {
      parser.stream();
    } catch (GiveUp e) {
      return null;
    }
    return parser;
  }

  @Override
  public boolean checkEvent(Event.ID choice) {
    return next < events.size() && events.get(next).getEventId() == choice;
  }

  @Override
  public @Nullable Event peekEvent() {
    return next < events.size() ? events.get(next) : null;
  }

  @Override
  public @Nullable Event getEvent() {
    return next < events.size() ? events.get(next++) : null;
  }

  // The grammar, each method leaving the position at the next token (skipping blanks and comments).

  private void stream() {
    Mark start = mark();
    events.add(new StreamStartEvent(start, start));
    skipToToken();
    boolean first = true;
    while (pos < length) {
      if (atDocumentStart()) {
        Mark from = mark();
        pos += 3;
        Mark to = mark();
        endOfLine();
        events.add(new DocumentStartEvent(from, to, true, null, null));
      } else if (first) {
        Mark at = mark();
        events.add(new DocumentStartEvent(at, at, false, null, null));
      } else {
        throw GiveUp.INSTANCE; // content after a root collection ended early, or "..."
      }
      first = false;
      if (atDocumentBoundary()) {
        events.add(emptyScalar(mark()));
      } else {
        collection(column());
      }
      if (!atDocumentBoundary() || (pos < length && text.charAt(pos) == '.')) {
        throw GiveUp.INSTANCE;
      }
      Mark end = mark();
      events.add(new DocumentEndEvent(end, end, false));
    }
    Mark end = mark();
    events.add(new StreamEndEvent(end, end));
  }

  /** A block list or map starting at the position, in column {@code column}. */
  private void collection(int column) {
    if (atEntry()) {
      list(column, false);
    } else {
      ScalarEvent key = scalar();
      if (!atValueIndicator()) {
        throw GiveUp.INSTANCE;
      }
      map(column, key);
    }
  }

  /** A block map whose first key, in column {@code column}, has been read up to its ':'. */
  private void map(int column, ScalarEvent firstKey) {
    enter();
    events.add(
        new MappingStartEvent(
            null,
            null,
            true,
            firstKey.getStartMark(),
            firstKey.getStartMark(),
            DumperOptions.FlowStyle.BLOCK));
    ScalarEvent key = firstKey;
    while (true) {
      if (pos - key.getStartMark().getIndex() > MAX_KEY_LENGTH) {
        throw GiveUp.INSTANCE;
      }
      events.add(key);
      pos++; // the ':'
      Mark afterIndicator = mark();
      skipSpaces();
      if (!atLineEnd()) {
        inlineValue();
      } else if (!collectionBelow(column)) {
        if (!atDocumentBoundary() && column() == column && atEntry()) {
          list(column, true); // a list at the key's own indentation
        } else {
          events.add(emptyScalar(afterIndicator));
        }
      }
      if (atDocumentBoundary() || column() < column) {
        break;
      }
      if (column() > column) {
        throw GiveUp.INSTANCE;
      }
      key = scalar();
      if (!atValueIndicator()) {
        throw GiveUp.INSTANCE;
      }
    }
    Mark end = mark();
    events.add(new MappingEndEvent(end, end));
    depth--;
  }

  /**
   * A block list whose first {@code -} is at the position, in column {@code column}; {@code
   * indentless}: at the indentation of the map key it is the value of.
   */
  private void list(int column, boolean indentless) {
    enter();
    Mark start = mark();
    events.add(
        new SequenceStartEvent(
            null,
            null,
            true,
            start,
            indentless ? markAt(pos + 1) : start,
            DumperOptions.FlowStyle.BLOCK));
    while (true) {
      pos++; // the '-'
      Mark afterIndicator = mark();
      skipSpaces();
      if (atLineEnd()) {
        if (!collectionBelow(column)) {
          events.add(emptyScalar(afterIndicator));
        }
      } else if (atEntry()) {
        throw GiveUp.INSTANCE; // a list in a list on one line
      } else if (text.charAt(pos) == '[' || text.charAt(pos) == '{') {
        inlineValue();
      } else {
        int itemColumn = column();
        ScalarEvent item = scalarOrNull();
        if (item != null && atValueIndicator()) {
          map(itemColumn, item);
        } else if (item != null) {
          events.add(item);
          endOfLine();
        } else {
          throw GiveUp.INSTANCE;
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
    Mark end = mark();
    events.add(new SequenceEndEvent(end, end));
    depth--;
  }

  /** One level deeper into block collections. */
  private void enter() {
    if (++depth > MAX_DEPTH) {
      throw GiveUp.INSTANCE;
    }
  }

  /**
   * After a ':' or '-' that ends its line: the collection on the lines below if it is indented
   * further than {@code column} (then true), else false at the next token.
   */
  private boolean collectionBelow(int column) {
    skipToToken();
    if (!atDocumentBoundary() && column() > column) {
      collection(column());
      return true;
    }
    return false;
  }

  /** A value on the line of its key: a scalar or a flow collection, then nothing but a comment. */
  private void inlineValue() {
    char c = text.charAt(pos);
    if (c == '[' || c == '{') {
      flow(c);
    } else {
      events.add(scalar());
    }
    endOfLine();
  }

  /**
   * A flow list of scalars on one line, or an empty flow map: {@code ["a", b]}, {@code []}, {@code
   * {}}. Plain items are single words without indicators.
   */
  private void flow(char open) {
    boolean list = open == '[';
    char close = list ? ']' : '}';
    Mark start = mark();
    pos++;
    Mark afterOpen = mark();
    events.add(
        list
            ? new SequenceStartEvent(
                null, null, true, start, afterOpen, DumperOptions.FlowStyle.FLOW)
            : new MappingStartEvent(
                null, null, true, start, afterOpen, DumperOptions.FlowStyle.FLOW));
    skipSpaces();
    if (pos < length && text.charAt(pos) != close) {
      while (list) {
        events.add(flowItem());
        skipSpaces();
        if (pos < length && text.charAt(pos) == ',') {
          pos++;
          skipSpaces();
          if (pos < length && text.charAt(pos) == close) {
            throw GiveUp.INSTANCE; // a trailing comma
          }
        } else {
          break;
        }
      }
    }
    if (pos == length || text.charAt(pos) != close) {
      throw GiveUp.INSTANCE;
    }
    Mark from = mark();
    pos++;
    Mark to = mark();
    events.add(list ? new SequenceEndEvent(from, to) : new MappingEndEvent(from, to));
  }

  /** A quoted scalar, or a plain word up to a space, ',' or ']', in a flow list; no key. */
  private ScalarEvent flowItem() {
    char c = pos < length ? text.charAt(pos) : '\n';
    if (c == '"' || c == '\'') {
      ScalarEvent item = quoted(c);
      if (pos < length && text.charAt(pos) == ':') {
        throw GiveUp.INSTANCE;
      }
      return item;
    }
    if (c == '-' && isBlank(pos + 1)) {
      throw GiveUp.INSTANCE; // a block entry, which SnakeYAML's parser rejects here
    }
    Mark start = mark();
    int p = pos;
    while (p < length && " \n,[]{}:?#'\"&*!|>%@`".indexOf(text.charAt(p)) < 0) {
      p++;
    }
    if (p == pos || p == length || " ,]".indexOf(text.charAt(p)) < 0) {
      throw GiveUp.INSTANCE;
    }
    String value = text.substring(pos, p);
    pos = p;
    return new ScalarEvent(
        null, null, PLAIN, value, start, mark(), DumperOptions.ScalarStyle.PLAIN);
  }

  private ScalarEvent scalar() {
    ScalarEvent s = scalarOrNull();
    if (s == null) {
      throw GiveUp.INSTANCE;
    }
    return s;
  }

  /** A plain or quoted scalar on one line starting at the position, or null if none starts here. */
  private @Nullable ScalarEvent scalarOrNull() {
    char c = text.charAt(pos);
    if (c == '"' || c == '\'') {
      return quoted(c);
    }
    // SnakeYAML's checkPlain in block context: an indicator cannot start a plain scalar, except
    // '-', '?' and ':' followed by a non-blank.
    if ("-?:,[]{}#&*!|>'\"%@`".indexOf(c) >= 0
        && !((c == '-' || c == '?' || c == ':') && !isBlank(pos + 1))) {
      return null;
    }
    return plain();
  }

  /**
   * A plain scalar, as SnakeYAML's scanPlain reads one in block context: words separated by spaces,
   * up to a ':' followed by a blank, a ' #', or the end of the line (a following line indented
   * further would continue it: the callers give up on such lines).
   */
  private ScalarEvent plain() {
    Mark start = mark();
    int end = pos;
    int p = pos;
    while (true) {
      int q = p;
      while (q < length) {
        char c = text.charAt(q);
        if (c == ' ' || c == '\n' || (c == ':' && isBlank(q + 1))) {
          break;
        }
        q++;
      }
      if (q == p) {
        break;
      }
      end = q;
      p = q;
      while (p < length && text.charAt(p) == ' ') {
        p++;
      }
      if (p == q || p == length || text.charAt(p) == '\n' || text.charAt(p) == '#') {
        break;
      }
    }
    String value = text.substring(pos, end);
    pos = end;
    return new ScalarEvent(
        null, null, PLAIN, value, start, mark(), DumperOptions.ScalarStyle.PLAIN);
  }

  /** A quoted scalar without escapes or line breaks, or a give-up. */
  private ScalarEvent quoted(char quote) {
    Mark start = mark();
    int close = pos + 1;
    for (char c; close < length && (c = text.charAt(close)) != quote; close++) {
      if (c == '\n' || (c == '\\' && quote == '"')) {
        throw GiveUp.INSTANCE;
      }
    }
    if (close == length
        || (quote == '\'' && close + 1 < length && text.charAt(close + 1) == '\'')) {
      throw GiveUp.INSTANCE;
    }
    String value = text.substring(pos + 1, close);
    pos = close + 1;
    return new ScalarEvent(
        null,
        null,
        QUOTED,
        value,
        start,
        mark(),
        quote == '"'
            ? DumperOptions.ScalarStyle.DOUBLE_QUOTED
            : DumperOptions.ScalarStyle.SINGLE_QUOTED);
  }

  private ScalarEvent emptyScalar(Mark at) {
    return new ScalarEvent(null, null, PLAIN, "", at, at, DumperOptions.ScalarStyle.PLAIN);
  }

  /**
   * After optional spaces, a ':' followed by a blank (moved to); else the position is unchanged.
   */
  private boolean atValueIndicator() {
    int p = pos;
    while (p < length && text.charAt(p) == ' ') {
      p++;
    }
    if (p < length && text.charAt(p) == ':' && isBlank(p + 1)) {
      pos = p;
      return true;
    }
    return false;
  }

  /** A '-' followed by a blank: a list entry. */
  private boolean atEntry() {
    return text.charAt(pos) == '-' && isBlank(pos + 1);
  }

  /** The end of the text, or "---" or "..." in column 0 followed by a blank. */
  private boolean atDocumentBoundary() {
    return pos == length
        || ((text.startsWith("---", pos) || text.startsWith("...", pos))
            && pos == lineStart
            && isBlank(pos + 3));
  }

  private boolean atDocumentStart() {
    return text.startsWith("---", pos) && pos == lineStart && isBlank(pos + 3);
  }

  /** A space, a line break or the end of the text at {@code at}. */
  private boolean isBlank(int at) {
    return at >= length || text.charAt(at) == ' ' || text.charAt(at) == '\n';
  }

  /** The end of the text or of the line, or a comment (only ever looked for after a blank). */
  private boolean atLineEnd() {
    return pos == length || text.charAt(pos) == '\n' || text.charAt(pos) == '#';
  }

  /** Nothing but spaces and a comment up to the end of the line, then on to the next token. */
  private void endOfLine() {
    skipSpaces();
    if (!atLineEnd() || (pos < length && text.charAt(pos) == '#' && text.charAt(pos - 1) != ' ')) {
      throw GiveUp.INSTANCE;
    }
    skipToToken();
  }

  private void skipSpaces() {
    while (pos < length && text.charAt(pos) == ' ') {
      pos++;
    }
  }

  /** Past spaces, comments and line breaks, as SnakeYAML's scanToNextToken. */
  private void skipToToken() {
    while (pos < length) {
      char c = text.charAt(pos);
      if (c == ' ') {
        pos++;
      } else if (c == '#') {
        int end = text.indexOf('\n', pos);
        pos = end < 0 ? length : end;
      } else if (c == '\n') {
        pos++;
        line++;
        lineStart = pos;
      } else {
        return;
      }
    }
  }

  private int column() {
    return pos - lineStart;
  }

  private Mark mark() {
    return new Mark("'reader'", pos, line, pos - lineStart, NO_SNIPPET, 0);
  }

  /** A mark on the current line. */
  private Mark markAt(int index) {
    return new Mark("'reader'", index, line, index - lineStart, NO_SNIPPET, 0);
  }
}
