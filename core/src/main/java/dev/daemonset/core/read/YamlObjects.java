package dev.daemonset.core.read;

import dev.daemonset.api.Document;
import dev.daemonset.api.SourceMap;
import dev.daemonset.api.Span;
import dev.daemonset.api.model.JsonValue;
import dev.daemonset.api.model.KubernetesObject;
import dev.daemonset.core.internal.bind.Binder;
import dev.daemonset.core.internal.snapshot.Anomaly;
import dev.daemonset.core.internal.snapshot.SnapshotBinder;
import dev.daemonset.core.internal.snapshot.Strings;
import dev.daemonset.core.internal.snapshot.Tokens.Token;
import dev.daemonset.core.internal.tree.Tree;
import java.util.List;
import java.util.Map;

/**
 * Reads the objects {@link YamlSnapshot} splits a YAML stream into: with the block scanner ({@link
 * YamlTape}) and {@link SnapshotBinder} when the object has their shape and kind, else with the
 * full reader ({@link FullRead}).
 */
final class YamlObjects {
  private final Collected out;
  private final FullRead full;
  private final int maxObjectSize;
  private final YamlTape tape;
  private final SnapshotBinder binder;
  private byte[] item = new byte[1 << 16];

  YamlObjects(ManifestReader reader, Collected out) {
    this.out = out;
    this.full = new FullRead(reader);
    this.maxObjectSize = reader.limits().maxObjectSize();
    Strings strings = new Strings();
    this.tape =
        new YamlTape(strings, reader.limits().maxDepth(), reader.limits().maxNumberLength());
    this.binder = new SnapshotBinder(tape, strings, reader.limits().maxDepth());
  }

  /**
   * A List item: the lines {@code bytes[from, to)}, the first starting with its {@code -} at {@code
   * dash}, on line {@code line} of the stream, at input offset {@code offset}.
   */
  FullRead.Outcome item(byte[] bytes, int from, int to, int dash, int line, long offset) {
    // The item is read as a document of its own with the dash blanked out: every position stays
    // where it was, and the root is the item itself rather than a list of one.
    int length = to - from;
    if (item.length < length) {
      item = new byte[Math.max(length, item.length * 2)];
    }
    System.arraycopy(bytes, from, item, 0, length);
    item[dash - from] = ' ';
    if (fast(item, 0, length, line)) {
      return FullRead.Outcome.READ;
    }
    if (isBlank(item, dash - from + 1, length)) {
      // A null item: the full reader binds it and says it is no object. Read on its own, the
      // item would be an empty document, which is skipped without a word.
      int after = dash - from + 1; // the null is where the entry's "-" ends, as SnakeYAML has it
      Span at = Span.at(0, line, after + 1);
      Binder.Bound bound =
          Binder.bind(
              new Tree.Scalar(JsonValue.NULL, at, (int) offset + after, (int) offset + after),
              out.next++,
              List.of());
      out.diagnostics.addAll(bound.diagnostics());
      return FullRead.Outcome.READ;
    }
    return full.read(item, 0, length, offset, false, true, line, 1, out);
  }

  /** Only spaces, line breaks and comments in {@code text[from, to)}. */
  private static boolean isBlank(byte[] text, int from, int to) {
    for (int i = from; i < to; i++) {
      byte b = text[i];
      if (b == '#') {
        while (i < to && text[i] != '\n') {
          i++;
        }
      } else if (b != ' ' && b != '\n' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  /**
   * A whole document, {@code bytes[from, to)}, starting on line {@code line} at input offset {@code
   * offset}; {@code whole}: for the full reader only.
   */
  FullRead.Outcome document(byte[] bytes, int from, int to, int line, long offset, boolean whole) {
    if (!whole && fast(bytes, from, to, line)) {
      return FullRead.Outcome.READ;
    }
    return full.read(bytes, from, to, offset, false, false, line, 1, out);
  }

  /** Binds the object in {@code text[from, to)} if it is of the scanner's shape and a kept kind. */
  private boolean fast(byte[] text, int from, int to, int line) {
    if (to - from > maxObjectSize || !isPlainAscii(text, from, to) || !tape.scan(text, from, to)) {
      return false;
    }
    KubernetesObject object;
    try {
      if (tape.next() != Token.START_MAP) {
        return false;
      }
      object = binder.object();
    } catch (Anomaly a) {
      return false;
    }
    int first = tape.firstOffset();
    int lineStart = first;
    int lines = 0;
    while (lineStart > from && text[lineStart - 1] != '\n') {
      lineStart--;
    }
    for (int i = from; i < lineStart; i++) {
      if (text[i] == '\n') {
        lines++;
      }
    }
    int index = out.next++;
    int at = line + lines;
    int column = first - lineStart + 1;
    out.documents.add(
        new Document(index, object, new SourceMap(Map.of(), Map.of(), Span.at(index, at, column))));
    return true;
  }

  /**
   * Printable ASCII and line feeds only: text the scanner reads (tabs, carriage returns, control
   * and non-ASCII characters go to the full reader, which checks and reports them).
   */
  private static boolean isPlainAscii(byte[] text, int from, int to) {
    for (int i = from; i < to; i++) {
      byte b = text[i];
      if ((b < 0x20 && b != '\n') || b == 0x7F) { // a negative byte is no ASCII character
        return false;
      }
    }
    return true;
  }
}
