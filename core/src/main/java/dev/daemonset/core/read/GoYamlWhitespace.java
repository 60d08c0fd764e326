package dev.daemonset.core.read;

import dev.daemonset.api.Span;
import dev.daemonset.core.internal.tree.Finding;
import dev.daemonset.core.internal.tree.ReaderCode;
import java.util.ArrayList;
import java.util.List;

/**
 * The text as SnakeYAML must see it to read what go-yaml v2 (kubectl's YAML scanner) reads, where
 * the two scanners disagree on single characters: go-yaml takes a tab as a space between tokens
 * wherever no simple key may start (after a key's {@code :}, a scalar, an anchor, a tag, a {@code
 * ---}, and anywhere in a flow collection) and in a plain scalar's continuation lines, takes blanks
 * and a comment straight after a block scalar's header ({@code |-#c}, {@code |\t}), and the escapes
 * {@code \<TAB>} and {@code \'} in double quotes; SnakeYAML rejects all of these. Each is rewritten
 * to what SnakeYAML reads the same way, one character for one, so every position stays where it
 * was: the tab to a space, the header's rest to spaces, {@code \<TAB>} to {@code \t}, and {@code
 * \'} to {@code \"} (the reader then puts the {@code '} back, see {@link #quoteEscapes}).
 *
 * <p>The other way round, go-yaml fails on a tab in a block scalar's indentation where SnakeYAML
 * reads it as content ({@code foo: |-\n \tbar}): that becomes an error ({@link #errors}).
 *
 * <p>How: go-yaml's scanner ({@code scannerc.go}, {@code yaml_parser_fetch_next_token} and the
 * functions it calls) replayed over each of kubectl's pieces, without building tokens: the flow
 * level, whether a simple key may start, the possible simple keys and the block indentation are
 * what decide whether a tab is a space. Where go-yaml would fail, the rest of the piece is left as
 * it is (SnakeYAML then fails too). Only text with a tab, a {@code \'} or a {@code #} right after a
 * block scalar indicator is scanned at all.
 */
final class GoYamlWhitespace {

  /**
   * The rewritten text and what the reader must know about it.
   *
   * @param text the text to parse (the same instance when nothing was rewritten)
   * @param quoteEscapes offsets of the backslashes of {@code \'} escapes, now {@code \"}, in order
   * @param errors tabs in block scalar indentation, by offset
   */
  record Result(String text, List<Integer> quoteEscapes, List<DocumentSplitter.Problem> errors) {}

  private final String text;
  private char[] out;
  private final List<Integer> quoteEscapes = new ArrayList<>();
  private final List<DocumentSplitter.Problem> errors = new ArrayList<>();

  private int end;
  private int pos;
  private int line;
  private int column;
  private boolean stopped;

  private int flowLevel;
  private boolean simpleKeyAllowed;
  private int indent;
  private final List<Integer> indents = new ArrayList<>();

  /** The possible simple key of each flow level: line, column and offset, or line -1 for none. */
  private final List<int[]> simpleKeys = new ArrayList<>();

  private GoYamlWhitespace(String text) {
    this.text = text;
    this.out = new char[0];
  }

  /** The text to parse for {@code text} split into {@code split}'s pieces. */
  static Result of(String text, DocumentSplitter.Split split) {
    if (!needed(text)) {
      return new Result(text, List.of(), List.of());
    }
    GoYamlWhitespace scan = new GoYamlWhitespace(text);
    for (DocumentSplitter.Chunk chunk : split.chunks()) {
      scan.piece(chunk);
    }
    scan.separators();
    String rewritten = scan.out.length == 0 ? text : new String(scan.out);
    return new Result(rewritten, List.copyOf(scan.quoteEscapes), List.copyOf(scan.errors));
  }

  /**
   * Where flow collections in {@code chunk} first nest deeper than {@code maxDepth}: the offset
   * just after the opening bracket that goes one level past it, or -1. SnakeYAML keeps a possible
   * simple key per flow level and looks at every one of them for every token, up to 1,024
   * characters ahead of the first: past the depth limit that costs it about a second per 60 KB, so
   * the reader hands it the text only up to here (the nesting is reported at or before it).
   */
  static int deepFlow(String text, DocumentSplitter.Chunk chunk, int maxDepth) {
    int brackets = 0;
    for (int i = chunk.start(); i < chunk.end() && brackets <= maxDepth; i++) {
      char c = text.charAt(i);
      if (c == '[' || c == '{') {
        brackets++;
      }
    }
    if (brackets <= maxDepth) {
      return -1;
    }
    GoYamlWhitespace scan = new GoYamlWhitespace(text);
    scan.maxFlowLevel = maxDepth;
    scan.piece(chunk);
    return scan.deepAt;
  }

  /** The flow level past which {@link #deepFlow} stops, and where it did (or -1). */
  private int maxFlowLevel = Integer.MAX_VALUE;

  private int deepAt = -1;

  /** True if the text has a tab, a {@code \'} or a {@code #} right after an indicator. */
  private static boolean needed(String text) {
    if (text.indexOf('\t') >= 0 || text.contains("\\'")) {
      return true;
    }
    for (int at = text.indexOf('#'); at > 0; at = text.indexOf('#', at + 1)) {
      if ("|>+-123456789".indexOf(text.charAt(at - 1)) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** Tabs after the dashes of a {@code ---} line: blanks to kubectl, a space to SnakeYAML. */
  private void separators() {
    for (int at = 0; at >= 0 && at < text.length(); ) {
      if (text.startsWith("---", at)) {
        for (int i = at + 3; i < text.length() && blankChar(text.charAt(i)); i++) {
          if (text.charAt(i) == '\t') {
            rewrite(i, ' ');
          }
        }
      }
      int eol = text.indexOf('\n', at);
      at = eol < 0 ? -1 : eol + 1;
    }
  }

  private static boolean blankChar(char c) {
    return c == ' ' || c == '\t';
  }

  private void piece(DocumentSplitter.Chunk chunk) {
    pos = chunk.start();
    if (pos < chunk.end() && text.charAt(pos) == '\uFEFF') {
      pos++; // go-yaml drops a leading byte order mark before it counts columns
    }
    end = chunk.end();
    line = chunk.line();
    column = 0;
    stopped = false;
    flowLevel = 0;
    simpleKeyAllowed = true;
    indent = -1;
    indents.clear();
    simpleKeys.clear();
    simpleKeys.add(noKey());
    while (!stopped && pos < end) {
      token();
    }
  }

  // --- characters

  private char at(int i) {
    return i < end ? text.charAt(i) : '\0';
  }

  private char ch() {
    return at(pos);
  }

  private static boolean isBreak(char c) {
    return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
  }

  private boolean blank(int i) {
    return at(i) == ' ' || at(i) == '\t';
  }

  private boolean blankOrEnd(int i) {
    return i >= end || blank(i) || isBreak(at(i));
  }

  private void advance() {
    char c = text.charAt(pos++);
    if (Character.isHighSurrogate(c) && pos < end && Character.isLowSurrogate(text.charAt(pos))) {
      pos++;
    }
    column++;
  }

  private void lineBreak() {
    if (ch() == '\r' && at(pos + 1) == '\n') {
      pos++;
    }
    pos++;
    line++;
    column = 0;
  }

  private void rewrite(int at, char c) {
    if (out.length == 0) {
      out = text.toCharArray();
    }
    out[at] = c;
  }

  private void stop() {
    stopped = true;
  }

  // --- tokens (go-yaml's yaml_parser_fetch_next_token)

  private void token() {
    toNextToken();
    if (pos >= end) {
      return;
    }
    staleSimpleKeys();
    unroll(column);
    char c = ch();
    if (column == 0 && c == '%') { // a directive: the reader reports it
      stop();
    } else if (column == 0
        && (text.startsWith("---", pos) || text.startsWith("...", pos))
        && blankOrEnd(pos + 3)) {
      unroll(-1);
      removeSimpleKey();
      simpleKeyAllowed = false;
      advance();
      advance();
      advance();
    } else if (c == '[' || c == '{') {
      saveSimpleKey();
      flowLevel++;
      simpleKeys.add(noKey());
      simpleKeyAllowed = true;
      advance();
      if (flowLevel > maxFlowLevel) {
        deepAt = pos;
        stop();
      }
    } else if (c == ']' || c == '}') {
      removeSimpleKey();
      if (flowLevel > 0) {
        flowLevel--;
        simpleKeys.remove(simpleKeys.size() - 1);
      }
      simpleKeyAllowed = false;
      advance();
    } else if (c == ',') {
      removeSimpleKey();
      simpleKeyAllowed = true;
      advance();
    } else if (c == '-' && blankOrEnd(pos + 1)) {
      blockIndicator();
      simpleKeyAllowed = true;
    } else if (c == '?' && (flowLevel > 0 || blankOrEnd(pos + 1))) {
      blockIndicator();
      simpleKeyAllowed = flowLevel == 0;
    } else if (c == ':' && (flowLevel > 0 || blankOrEnd(pos + 1))) {
      value();
    } else if (c == '*' || c == '&') {
      saveSimpleKey();
      simpleKeyAllowed = false;
      advance();
      int name = pos;
      while (isAnchorCharacter(ch())) {
        advance();
      }
      if (pos == name || !(blankOrEnd(pos) || "?:,]}%@`".indexOf(ch()) >= 0)) {
        stop(); // "did not find expected alphabetic or numeric character"
      }
    } else if (c == '!') {
      saveSimpleKey();
      simpleKeyAllowed = false;
      while (!blankOrEnd(pos) && !(flowLevel > 0 && ch() == ',')) { // a tag ends at a blank
        advance();
      }
    } else if ((c == '|' || c == '>') && flowLevel == 0) {
      removeSimpleKey();
      simpleKeyAllowed = true;
      blockScalar();
    } else if (c == '\'' || c == '"') {
      saveSimpleKey();
      simpleKeyAllowed = false;
      quoted(c == '\'');
    } else if (startsPlain(c)) {
      saveSimpleKey();
      simpleKeyAllowed = false;
      plain();
    } else {
      stop();
    }
  }

  private static boolean isAnchorCharacter(char c) {
    return (c >= '0' && c <= '9')
        || (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || c == '_'
        || c == '-';
  }

  private boolean startsPlain(char c) {
    if (blankOrEnd(pos) || "-?:,[]{}#&*!|>'\"%@`".indexOf(c) < 0) {
      return !blankOrEnd(pos);
    }
    return (c == '-' && !blank(pos + 1))
        || (flowLevel == 0 && (c == '?' || c == ':') && !blankOrEnd(pos + 1));
  }

  /** Blanks, comments and line breaks; a tab counts as a blank only where go-yaml says. */
  private void toNextToken() {
    while (pos < end) {
      if (column == 0 && ch() == '\uFEFF') {
        advance();
      }
      while (ch() == ' ' || ((flowLevel > 0 || !simpleKeyAllowed) && ch() == '\t')) {
        if (ch() == '\t') {
          rewrite(pos, ' '); // SnakeYAML skips spaces only
        }
        advance();
      }
      if (ch() == '#') {
        while (pos < end && !isBreak(ch())) {
          advance();
        }
      }
      if (pos < end && isBreak(ch())) {
        lineBreak();
        if (flowLevel == 0) {
          simpleKeyAllowed = true;
        }
      } else {
        return;
      }
    }
  }

  // --- simple keys and indentation

  private static int[] noKey() {
    return new int[] {-1, 0, 0};
  }

  private int[] topKey() {
    return simpleKeys.get(simpleKeys.size() - 1);
  }

  private void saveSimpleKey() {
    if (simpleKeyAllowed) {
      int[] key = topKey();
      key[0] = line;
      key[1] = column;
      key[2] = pos;
    }
  }

  private void removeSimpleKey() {
    topKey()[0] = -1;
  }

  private void staleSimpleKeys() {
    for (int[] key : simpleKeys) {
      if (key[0] >= 0 && (key[0] < line || key[2] + 1024 < pos)) {
        key[0] = -1;
      }
    }
  }

  private void roll(int at) {
    if (flowLevel == 0 && indent < at) {
      indents.add(indent);
      indent = at;
    }
  }

  private void unroll(int at) {
    if (flowLevel > 0) {
      return;
    }
    while (indent > at) {
      indent = indents.remove(indents.size() - 1);
    }
  }

  /** '-' or '?': a block collection may start here. */
  private void blockIndicator() {
    if (flowLevel == 0) {
      if (!simpleKeyAllowed) {
        stop();
        return;
      }
      roll(column);
    }
    removeSimpleKey();
    advance();
  }

  private void value() {
    int[] key = topKey();
    if (key[0] == line && key[2] + 1024 >= pos) {
      roll(key[1]);
      key[0] = -1;
      simpleKeyAllowed = false;
    } else {
      if (flowLevel == 0) {
        if (!simpleKeyAllowed) {
          stop();
          return;
        }
        roll(column);
      }
      simpleKeyAllowed = flowLevel == 0;
    }
    advance();
  }

  // --- scalars

  /** go-yaml's yaml_parser_scan_plain_scalar: where it ends, and its continuation lines' tabs. */
  private void plain() {
    int plainIndent = indent + 1;
    boolean leadingBlanks = false;
    while (pos < end) {
      if (column == 0
          && (text.startsWith("---", pos) || text.startsWith("...", pos))
          && blankOrEnd(pos + 3)) {
        break;
      }
      if (ch() == '#') {
        break;
      }
      while (!blankOrEnd(pos)) {
        char c = ch();
        if ((c == ':' && blankOrEnd(pos + 1)) || (flowLevel > 0 && ",?[]{}".indexOf(c) >= 0)) {
          break;
        }
        leadingBlanks = false;
        advance();
      }
      if (!(blank(pos) || isBreak(ch())) || pos >= end) {
        break;
      }
      while (pos < end && (blank(pos) || isBreak(ch()))) {
        if (blank(pos)) {
          if (leadingBlanks && ch() == '\t') {
            if (column < plainIndent) { // "found a tab character that violates indentation"
              stop();
              return;
            }
            rewrite(pos, ' '); // SnakeYAML takes spaces only after a line break
          }
          advance();
        } else {
          lineBreak();
          leadingBlanks = true;
        }
      }
      if (flowLevel == 0 && column < plainIndent) {
        break;
      }
    }
    if (leadingBlanks) {
      simpleKeyAllowed = true;
    }
  }

  /** go-yaml's yaml_parser_scan_flow_scalar: its extent, and the escapes SnakeYAML lacks. */
  private void quoted(boolean single) {
    advance();
    while (true) {
      if (pos >= end
          || (column == 0
              && (text.startsWith("---", pos) || text.startsWith("...", pos))
              && blankOrEnd(pos + 3))) {
        stop();
        return;
      }
      while (!blankOrEnd(pos)) {
        char c = ch();
        if (single && c == '\'' && at(pos + 1) == '\'') {
          advance();
          advance();
        } else if (c == (single ? '\'' : '"')) {
          advance();
          return;
        } else if (!single && c == '\\' && isBreak(at(pos + 1))) {
          advance();
          lineBreak();
          break;
        } else if (!single && c == '\\') {
          if (!escape()) {
            stop();
            return;
          }
        } else {
          advance();
        }
      }
      while (pos < end && (blank(pos) || isBreak(ch()))) {
        if (blank(pos)) {
          advance();
        } else {
          lineBreak();
        }
      }
    }
  }

  /** One escape at the position (a backslash); false if go-yaml rejects it. */
  private boolean escape() {
    char e = at(pos + 1);
    int digits = e == 'x' ? 2 : e == 'u' ? 4 : e == 'U' ? 8 : 0;
    if (e == '\t') {
      rewrite(pos + 1, 't');
    } else if (e == '\'') {
      rewrite(pos + 1, '"');
      quoteEscapes.add(pos);
    } else if (digits == 0 && "0abtnvfre \"\\N_LP".indexOf(e) < 0) {
      return false;
    }
    advance();
    advance();
    for (int i = 0; i < digits; i++) {
      if (Character.digit(ch(), 16) < 0) {
        return false;
      }
      advance();
    }
    return true;
  }

  /** go-yaml's yaml_parser_scan_block_scalar: header, indentation and extent. */
  private void blockScalar() {
    advance(); // '|' or '>'
    int increment = 0;
    boolean chomping = ch() == '+' || ch() == '-';
    if (chomping) {
      advance();
    }
    if (ch() >= '0' && ch() <= '9') {
      if (ch() == '0') { // "found an indentation indicator equal to 0"
        stop();
        return;
      }
      increment = ch() - '0';
      advance();
      if (!chomping && (ch() == '+' || ch() == '-')) {
        advance();
      }
    }
    int rest = pos;
    boolean snakeYamlReads = pos >= end || ch() == ' ' || isBreak(ch());
    while (blank(pos)) {
      snakeYamlReads &= ch() == ' ';
      advance();
    }
    if (ch() == '#') {
      while (pos < end && !isBreak(ch())) {
        advance();
      }
    }
    if (pos < end && !isBreak(ch())) {
      stop();
      return;
    }
    if (!snakeYamlReads) {
      for (int i = rest; i < pos; i++) {
        rewrite(i, ' '); // blanks and a comment: nothing SnakeYAML needs to read
      }
    }
    if (pos < end) {
      lineBreak();
    }
    int scalarIndent = increment > 0 ? (indent >= 0 ? indent + increment : increment) : 0;
    int deepest = 0;
    // The leading empty lines and the first line's indentation (go-yaml's
    // yaml_parser_scan_block_scalar_breaks), then each content line and the breaks after it.
    while (true) {
      while ((scalarIndent == 0 || column < scalarIndent) && ch() == ' ') {
        advance();
      }
      deepest = Math.max(deepest, column);
      if ((scalarIndent == 0 || column < scalarIndent) && ch() == '\t') {
        tabInIndentation();
        return;
      }
      if (pos < end && isBreak(ch())) {
        lineBreak();
        continue;
      }
      if (scalarIndent == 0) {
        scalarIndent = Math.max(Math.max(deepest, indent + 1), 1);
      }
      if (column != scalarIndent || pos >= end) {
        return;
      }
      while (pos < end && !isBreak(ch())) {
        advance();
      }
      if (pos >= end) {
        return;
      }
      lineBreak();
    }
  }

  private void tabInIndentation() {
    errors.add(
        new DocumentSplitter.Problem(
            pos,
            Finding.error(
                ReaderCode.YAML_SYNTAX,
                List.of(),
                "a tab in the indentation of a block scalar: kubectl fails on it (\"found a tab"
                    + " character where an indentation space is expected\"); indent with spaces",
                Span.at(0, line, column + 1))));
    stop();
  }
}
