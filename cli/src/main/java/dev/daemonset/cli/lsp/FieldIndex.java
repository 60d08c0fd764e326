package dev.daemonset.cli.lsp;

import dev.daemonset.api.Document;
import dev.daemonset.api.SourceMap;
import dev.daemonset.api.Span;
import dev.daemonset.api.model.JsonValue;
import dev.daemonset.core.internal.bind.FieldSchema;
import dev.daemonset.core.render.ManifestWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Every written field of one document with its Kubernetes-notation path, its key and value spans
 * and its schema: the inverse of the document's {@link SourceMap}, which answers "where is this
 * path" but not "which path is here". Built by walking the object as written ({@link
 * ManifestWriter#tree}) beside the reader's field schema, so paths are spelled exactly as the
 * source map and diagnostics spell them. Immutable.
 */
final class FieldIndex {

  /**
   * One written field, list item or map entry.
   *
   * @param path Kubernetes notation, as in diagnostics
   * @param segments the path's steps: field names and map keys as strings, list indexes as integers
   * @param fields the field names along the path, without list indexes and map keys: the key of
   *     upstream's field documentation
   * @param mapKey true for an entry of a free-keyed map (a label, say)
   * @param key the span of its key; null for list items
   * @param value the span of its value
   * @param schema what the reader's schema says it holds; null for an unknown field
   */
  record Entry(
      String path,
      List<Object> segments,
      List<String> fields,
      boolean mapKey,
      @Nullable Span key,
      @Nullable Span value,
      @Nullable FieldSchema schema) {}

  private final List<Entry> entries;
  private final Map<String, Entry> byPath = new HashMap<>();
  private final String apiVersion;
  private final String kind;

  private FieldIndex(List<Entry> entries, String apiVersion, String kind) {
    this.entries = List.copyOf(entries);
    this.apiVersion = apiVersion;
    this.kind = kind;
    for (Entry e : entries) {
      byPath.putIfAbsent(e.path(), e);
    }
  }

  static FieldIndex of(Document doc) {
    String apiVersion = doc.object().objectKind().apiVersion();
    String kind = doc.object().objectKind().kind();
    List<Entry> out = new ArrayList<>();
    FieldSchema root = FieldSchema.kind(apiVersion, kind).orElse(null);
    walk(ManifestWriter.tree(doc.object()), "", List.of(), List.of(), root, doc.sourceMap(), out);
    return new FieldIndex(out, apiVersion, kind);
  }

  String apiVersion() {
    return apiVersion;
  }

  String kind() {
    return kind;
  }

  List<Entry> entries() {
    return entries;
  }

  Optional<Entry> get(String path) {
    return Optional.ofNullable(byPath.get(path));
  }

  private static void walk(
      JsonValue v,
      String path,
      List<Object> segments,
      List<String> fields,
      @Nullable FieldSchema schema,
      SourceMap sm,
      List<Entry> out) {
    if (v instanceof JsonValue.Obj o) {
      boolean map = schema != null && schema.shape() == FieldSchema.Shape.MAP;
      Map<String, JsonValue> members = new java.util.LinkedHashMap<>(o.members());
      if (schema != null && schema.shape() == FieldSchema.Shape.OBJECT) {
        // fields written but empty ({} or null) are not in the tree: find them by their keys
        for (String name : schema.fieldNames()) {
          if (!members.containsKey(name) && sm.key(schema.childPath(path, name)).isPresent()) {
            members.put(name, JsonValue.Obj.EMPTY);
          }
        }
      }
      for (Map.Entry<String, JsonValue> m : members.entrySet()) {
        String k = m.getKey();
        String p = schema != null ? schema.childPath(path, k) : fieldPath(path, k);
        Span key = sm.key(p).orElse(null);
        Span value = sm.value(p).orElse(null);
        if (key == null && value == null) {
          continue;
        }
        FieldSchema s =
            schema == null ? null : (map ? schema.element() : schema.field(k)).orElse(null);
        List<Object> seg = append(segments, k);
        List<String> f = map ? fields : append(fields, k);
        out.add(new Entry(p, seg, f, map, key, value, s));
        walk(m.getValue(), p, seg, f, s, sm, out);
      }
    } else if (v instanceof JsonValue.Arr a) {
      FieldSchema s = schema == null ? null : schema.element().orElse(null);
      for (int i = 0; i < a.elements().size(); i++) {
        String p = FieldSchema.itemPath(path, i);
        Span value = sm.value(p).orElse(null);
        if (value == null) {
          continue;
        }
        List<Object> seg = append(segments, i);
        out.add(new Entry(p, seg, fields, false, null, value, s));
        walk(a.elements().get(i), p, seg, fields, s, sm, out);
      }
    }
  }

  private static String fieldPath(String parent, String name) {
    boolean identifier =
        !name.isEmpty()
            && name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '$');
    if (!identifier) {
      return parent + "[" + name + "]";
    }
    return parent.isEmpty() ? name : parent + "." + name;
  }

  private static <T> List<T> append(List<? extends T> list, T item) {
    List<T> out = new ArrayList<>(list.size() + 1);
    out.addAll(list);
    out.add(item);
    return List.copyOf(out);
  }

  /**
   * The field at a 1-based line and code-point column: the one whose key is there, else the
   * innermost whose value is there.
   */
  Optional<Entry> at(int line, int column) {
    Entry best = null;
    for (Entry e : entries) {
      if (e.key() != null && contains(e.key(), line, column)) {
        if (best == null || best.key() == null || smaller(e.key(), best.key())) {
          best = e;
        }
      }
    }
    if (best != null) {
      return Optional.of(best);
    }
    for (Entry e : entries) {
      if (e.value() != null
          && contains(e.value(), line, column)
          && (best == null || smaller(e.value(), best.value()))) {
        best = e;
      }
    }
    return Optional.ofNullable(best);
  }

  /** True if the position is in the span or just after its end (where the cursor rests). */
  static boolean contains(Span s, int line, int column) {
    if (!s.isKnown()) {
      return false;
    }
    boolean afterStart = line > s.line() || (line == s.line() && column >= s.column());
    boolean beforeEnd = line < s.endLine() || (line == s.endLine() && column <= s.endColumn());
    return afterStart && beforeEnd;
  }

  private static boolean smaller(Span a, @Nullable Span b) {
    if (b == null) {
      return true;
    }
    int la = a.endLine() - a.line();
    int lb = b.endLine() - b.line();
    if (la != lb) {
      return la < lb;
    }
    return (a.endColumn() - a.column()) < (b.endColumn() - b.column())
        || (a.line() > b.line() || (a.line() == b.line() && a.column() > b.column()));
  }
}
