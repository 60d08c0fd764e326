package dev.daemonset.core.read;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.Severity;
import dev.daemonset.api.Span;
import dev.daemonset.core.internal.tree.ReaderCode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A YAML snapshot, split into objects line by line and read object by object, so no text of the
 * whole input is ever held: documents end at {@code ---} lines (as kubectl splits them), and the
 * items of a block-style {@code v1 List} ({@code items:} at the left margin, then {@code - } lines
 * at one indentation) are objects of their own. Each object goes to {@link YamlObjects} — the block
 * scanner, or the full reader where the scanner stops.
 *
 * <p>Only the left margin and the indentation of each line are looked at here: in block YAML, an
 * item's lines are the ones indented further than its {@code -} (scalars that continue on another
 * line are indented further too; kubectl writes nothing else). A document the splitting does not
 * understand — a root that is not a block map, directives, {@code ...}, a quoted scalar that goes
 * on at the left margin — is read whole by the full reader, which then has the last word; it must
 * fit the window (a few object-size limits). A top-level document is kept at hand up to the object
 * size limit while it could still turn out not to be a List (kubectl writes {@code kind: List}
 * after the items); a larger one must be.
 */
final class YamlSnapshot {

  /** Not in a List's items. */
  private static final int NO_ITEMS = -1;

  /** Just after {@code items:}: the next line tells whether a block list follows, and where. */
  private static final int ITEMS_NEXT = -2;

  private final Window window;
  private final long start;
  private final Collected out;
  private final YamlObjects objects;
  private final int maxObjectSize;

  // the document being split
  private long docStart;
  private int docLine;
  private boolean whole;
  private boolean content;
  private boolean directive;
  private boolean list;
  private boolean kept;
  private String kind = "";
  private Collected.Mark mark = new Collected.Mark(0, 0, 0);

  // its List items
  private int itemsColumn = NO_ITEMS;
  private long itemStart = -1;
  private int itemLine;
  private int items;

  /** The findings of the first item that cannot be read, and its number: the List cannot be. */
  private @Nullable List<Diagnostic> unreadable;

  private int unreadableItem;

  /** A syntax error or bytes that are not text: nothing more is read. */
  private boolean stopped;

  YamlSnapshot(ManifestReader reader, Window window, long start, Collected out) {
    this.window = window;
    this.start = start;
    this.out = out;
    this.objects = new YamlObjects(reader, out);
    this.maxObjectSize = reader.limits().maxObjectSize();
  }

  /** Reads every document of the input. */
  void run() {
    long pos = start;
    int line = 1;
    begin(pos, line);
    while (!stopped && window.has(pos)) {
      long eol = window.find((byte) '\n', pos);
      if (window.lost(pos)) {
        full(); // a line longer than the window: the document is too large
        kept = false;
      } else {
        line(pos, eol, line);
      }
      pos = eol + 1;
      line++;
    }
    end(window.limit());
  }

  private void begin(long at, int line) {
    docStart = at;
    docLine = line;
    whole = false;
    content = false;
    directive = false;
    list = false;
    kept = true;
    kind = "";
    itemsColumn = NO_ITEMS;
    itemStart = -1;
    items = 0;
    unreadable = null;
    mark = out.mark();
    window.keepFrom(at);
  }

  /** One line, {@code [pos, eol)} without its line break. */
  private void line(long pos, long eol, int line) {
    long p = pos;
    while (p < eol && window.at(p) == ' ') {
      p++;
    }
    long q = p;
    while (q < eol && (window.at(q) == '\t' || window.at(q) == '\r')) {
      q++;
    }
    if (q == eol || window.at(q) == '#') {
      return; // blank or a comment: no structure
    }
    byte b = window.at(p);
    int column = (int) (p - pos);
    if (b == '\t') {
      full(); // a tab where indentation ends: the full reader knows what it means
      return;
    }
    if (column == 0) {
      margin(pos, eol, line, b);
      return;
    }
    if (!content) {
      full(); // a root indented away from the margin
      return;
    }
    if (itemsColumn == ITEMS_NEXT) {
      if (isEntry(p, eol)) {
        itemsColumn = column;
        item(pos, line);
      } else {
        itemsColumn = NO_ITEMS; // items is not a block list
      }
    } else if (itemsColumn >= 0) {
      if (column == itemsColumn && isEntry(p, eol)) {
        item(pos, line);
      } else if (column <= itemsColumn) {
        endItems(pos);
        full(); // left of the items, or no entry at their column: the full reader decides
      }
    }
  }

  /** A line that starts at the left margin with {@code b}. */
  private void margin(long pos, long eol, int line, byte b) {
    if (startsWith(pos, eol, "---")) {
      if (directive) {
        directive = false; // the document the directives are for starts here
      } else {
        end(pos);
        begin(pos, line);
      }
      if (!restIsBlank(pos + 3, eol)) {
        full();
      }
      return;
    }
    if (startsWith(pos, eol, "...")) {
      full();
      return;
    }
    if (b == '%') {
      directive = !content;
      full();
      return;
    }
    if (isEntry(pos, eol)) {
      if (itemsColumn == ITEMS_NEXT || itemsColumn == 0) {
        itemsColumn = 0;
        item(pos, line);
      } else if (!content) {
        full(); // a list at the root
      } else if (itemsColumn > 0) {
        endItems(pos);
        full(); // less indented than the items, as a line further left: not YAML
      }
      return;
    }
    if (itemsColumn != NO_ITEMS) {
      endItems(pos);
    }
    content = true;
    long colon = keyEnd(pos, eol);
    if (colon < 0) {
      full();
      return;
    }
    String key = ascii(pos, colon);
    if (key.equals("items") && restIsBlank(colon + 1, eol)) {
      if (list) {
        full(); // a second items key
      } else {
        itemsColumn = ITEMS_NEXT;
      }
    } else if (key.equals("kind")) {
      kind = scalar(colon + 1, eol);
    }
  }

  private void item(long pos, int line) {
    finishItem(pos);
    list = true;
    itemStart = pos;
    itemLine = line;
    if (kept && pos - docStart > maxObjectSize) {
      kept = false; // too long to read again whole: it had better be a List
    }
    window.keepFrom(kept ? docStart : pos);
  }

  private void finishItem(long end) {
    if (itemStart < 0) {
      return;
    }
    long from = itemStart;
    itemStart = -1;
    int number = items++;
    if (stopped || unreadable != null) {
      return; // the List cannot be read: the rest of it is not
    }
    if (window.lost(from)) {
      tooLarge(itemLine, end - from);
      return;
    }
    int dash = window.index(from);
    while (window.buffer()[dash] == ' ') {
      dash++;
    }
    Collected.Mark before = out.mark();
    FullRead.Outcome outcome =
        objects.item(window.buffer(), window.index(from), window.index(end), dash, itemLine, from);
    if (outcome != FullRead.Outcome.READ) {
      unreadable = out.since(before);
      unreadableItem = number;
      failed(outcome);
    }
  }

  private void endItems(long at) {
    finishItem(at);
    itemsColumn = NO_ITEMS;
  }

  private void end(long at) {
    finishItem(at);
    itemsColumn = NO_ITEMS;
    List<Diagnostic> failure = unreadable;
    if (failure != null && !notText) {
      out.unreadableList(mark, unreadableItem, failure);
      return;
    }
    if (stopped) {
      return;
    }
    if (list && !whole && ManifestReader.LIST_KINDS.contains(kind)) {
      return; // a List: its items are read
    }
    if (list) {
      out.reset(mark); // not a List after all: one document
    }
    if (!kept || window.lost(docStart)) {
      tooLarge(docLine, at - docStart);
      return;
    }
    if (at > docStart) {
      failed(
          objects.document(
              window.buffer(),
              window.index(docStart),
              window.index(at),
              docLine,
              docStart,
              whole || !content));
    }
  }

  /** Bytes that are not text were met: everything was given up for that one error. */
  private boolean notText;

  /** After an object that could not be read: a syntax error stops it all, so does binary input. */
  private void failed(FullRead.Outcome outcome) {
    if (outcome == FullRead.Outcome.NOT_TEXT) {
      out.notText(out.diagnostics.get(out.diagnostics.size() - 1));
      notText = true;
      stopped = true;
    } else if (outcome == FullRead.Outcome.SYNTAX_ERROR) {
      stopped = true;
    }
  }

  /** The document is read whole by the full reader. */
  private void full() {
    whole = true;
    content = true;
  }

  private void tooLarge(int line, long bytes) {
    int index = out.next++;
    out.diagnostics.add(
        new Diagnostic(
            Severity.ERROR,
            ReaderCode.DOCUMENT_TOO_LARGE.id(),
            "",
            "this object is more than "
                + Math.min(bytes, maxObjectSize)
                + " characters long, more than the limit of "
                + maxObjectSize
                + " for one object",
            Span.at(index, line, 1)));
  }

  // ---- what a line holds ----

  private boolean startsWith(long pos, long eol, String s) {
    if (eol - pos < s.length()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (window.at(pos + i) != s.charAt(i)) {
        return false;
      }
    }
    return eol - pos == s.length() || isBlank(window.at(pos + s.length()));
  }

  /** A {@code -} followed by a blank or the end of the line. */
  private boolean isEntry(long p, long eol) {
    return window.at(p) == '-' && (p + 1 == eol || isBlank(window.at(p + 1)));
  }

  private static boolean isBlank(byte b) {
    return b == ' ' || b == '\t' || b == '\r';
  }

  /** Nothing but blanks and a comment from {@code from} to the end of the line. */
  private boolean restIsBlank(long from, long eol) {
    for (long i = from; i < eol; i++) {
      byte b = window.at(i);
      if (b == '#' && (i == from || isBlank(window.at(i - 1)))) {
        return true;
      }
      if (!isBlank(b)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The offset of the {@code :} that ends a plain key starting at {@code pos} (followed by a blank
   * or the end of the line), or -1 if the line does not start with one.
   */
  private long keyEnd(long pos, long eol) {
    byte first = window.at(pos);
    if ("-?:,[]{}#&*!|>'\"%@`".indexOf(first) >= 0) {
      return -1;
    }
    for (long i = pos; i < eol; i++) {
      byte b = window.at(i);
      if (b == ':' && (i + 1 == eol || isBlank(window.at(i + 1)))) {
        return i;
      }
      if (b == '#' && isBlank(window.at(i - 1))) {
        return -1;
      }
    }
    return -1;
  }

  /** The one-line scalar after a key's colon, unquoted; "" for anything else. */
  private String scalar(long from, long eol) {
    long a = from;
    while (a < eol && isBlank(window.at(a))) {
      a++;
    }
    long b = a;
    while (b < eol && !(window.at(b) == '#' && isBlank(window.at(b - 1)))) {
      b++;
    }
    while (b > a && isBlank(window.at(b - 1))) {
      b--;
    }
    if (b - a >= 2
        && (window.at(a) == '"' || window.at(a) == '\'')
        && window.at(b - 1) == window.at(a)) {
      a++;
      b--;
    }
    return ascii(a, b);
  }

  private String ascii(long from, long to) {
    byte[] bytes = new byte[(int) (to - from)];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = window.at(from + i);
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
