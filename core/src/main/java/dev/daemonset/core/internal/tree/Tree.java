package dev.daemonset.core.internal.tree;

import static java.util.Objects.requireNonNull;

import dev.daemonset.api.Span;
import dev.daemonset.api.model.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One node of a parsed YAML or JSON document, with where it was written.
 *
 * <p>Spans carry document index 0 while a stream is read; {@link Spans#inDocument} moves them to
 * their final index once documents and {@code v1 List} items are numbered. {@code start} and {@code
 * end} are offsets (characters for JSON, code points for YAML) used to measure the size of an
 * object. {@code weight} counts the nodes of the subtree, aliases expanded.
 *
 * <p>Trees are at most {@code ReadLimits.maxDepth()} deep, so recursive walks are safe.
 */
public sealed interface Tree permits Tree.MapNode, Tree.SeqNode, Tree.Scalar {

  /** Where the value was written. */
  Span span();

  /** Offset of the first character. */
  int start();

  /** Offset just after the last character. */
  int end();

  /** Nodes in this subtree, aliases expanded. */
  long weight();

  /** The plain JSON value of this subtree. */
  default JsonValue toJson() {
    if (this instanceof Scalar s) {
      return s.value();
    }
    if (this instanceof SeqNode q) {
      List<JsonValue> items = new ArrayList<>(q.items().size());
      q.items().forEach(i -> items.add(i.toJson()));
      return new JsonValue.Arr(items);
    }
    Map<String, JsonValue> members = new LinkedHashMap<>();
    ((MapNode) this).entries().forEach(e -> members.put(e.key(), e.value().toJson()));
    return new JsonValue.Obj(members);
  }

  /** A map entry: its key, where the key was written, and its value. */
  record Entry(String key, Span keySpan, Tree value) {
    public Entry {
      requireNonNull(key, "key");
      requireNonNull(keySpan, "keySpan");
      requireNonNull(value, "value");
    }
  }

  /**
   * A mapping; keys are unique (a duplicate key was reported and the later value kept).
   *
   * <p>The entries are taken as they are, behind an unmodifiable view, not copied: the readers
   * build one node per map of every document, and the copy was a tenth of reading a DaemonSet.
   * Whoever makes a node hands over a list it no longer touches.
   */
  record MapNode(List<Entry> entries, Span span, int start, int end, long weight) implements Tree {
    public MapNode {
      entries = Collections.unmodifiableList(entries);
      requireNonNull(span, "span");
    }

    /** The entry named {@code key}, if present. */
    public @Nullable Entry entry(String key) {
      for (Entry e : entries) {
        if (e.key().equals(key)) {
          return e;
        }
      }
      return null;
    }

    /** The value of {@code key}, if present. */
    public @Nullable Tree get(String key) {
      Entry e = entry(key);
      return e == null ? null : e.value();
    }

    /** The string value of {@code key}, or empty if absent or not a string. */
    public String string(String key) {
      return get(key) instanceof Scalar s && s.value() instanceof JsonValue.Str str
          ? str.value()
          : "";
    }
  }

  /** A sequence; like {@link MapNode}, it takes its items as they are, behind a view. */
  record SeqNode(List<Tree> items, Span span, int start, int end, long weight) implements Tree {
    public SeqNode {
      items = Collections.unmodifiableList(items);
      requireNonNull(span, "span");
    }
  }

  /** A scalar, already typed as kubectl types it. */
  record Scalar(JsonValue value, Span span, int start, int end) implements Tree {
    public Scalar {
      requireNonNull(value, "value");
      requireNonNull(span, "span");
    }

    @Override
    public long weight() {
      return 1;
    }
  }
}
