package dev.daemonset.cli.lsp;

import dev.daemonset.api.Document;
import dev.daemonset.api.Span;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.model.JsonValue;
import dev.daemonset.core.defaults.Defaults;
import dev.daemonset.core.render.ManifestWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.jspecify.annotations.Nullable;

/**
 * Hover on a field: its path and type, the effective value after the API server's defaults (which
 * parts are defaults), and upstream's documentation with its attribution.
 */
final class Hovers {
  private Hovers() {}

  /** Shown under every text taken from upstream. */
  static final String ATTRIBUTION =
      "_Field documentation: Kubernetes API (kubernetes/api), © The Kubernetes Authors,"
          + " Apache-2.0._";

  static Optional<Hover> hover(DaemonSetLanguageServer.Features f, Position position) {
    Analysis a = f.current();
    int offset = a.lines.offset(position, f.encoding());
    int line = a.lines.lineOf(offset) + 1;
    int column = a.lines.column(offset);
    Optional<Document> doc = a.documentAt(line);
    if (doc.isEmpty() && f.good() != a) {
      a = f.good();
      doc = a.documentAt(line);
    }
    if (doc.isEmpty()) {
      return Optional.empty();
    }
    Document d = doc.get();
    FieldIndex index = a.index(d);
    Optional<FieldIndex.Entry> hit = index.at(line, column);
    if (hit.isEmpty()) {
      return Optional.empty();
    }
    FieldIndex.Entry e = hit.get();
    StringBuilder md = new StringBuilder();
    String name = name(e);
    md.append("**").append(name).append("** `").append(e.path()).append('`');
    if (e.schema() != null) {
      md.append(" (").append(e.schema().scalar()).append(')');
    }
    md.append("\n\n");
    if (d.object() instanceof DaemonSet ds) {
      effective(ds, e)
          .ifPresent(
              v ->
                  md.append("**Effective value** (after the API server's defaults): `")
                      .append(v)
                      .append("`\n\n"));
    }
    Optional<FieldDocs.Doc> docs =
        e.fields().isEmpty()
            ? Optional.empty()
            : FieldDocs.load().field(index.apiVersion(), index.kind(), e.fields());
    if (docs.isPresent()) {
      if (e.mapKey()) {
        md.append("Entry of `").append(e.fields().get(e.fields().size() - 1)).append("`: ");
      }
      md.append(docs.get().doc()).append("\n\n").append(ATTRIBUTION);
    } else if (e.schema() == null) {
      md.append("Not a field of ").append(index.kind()).append(" in Kubernetes 1.35.");
    }
    Span at =
        e.key() != null && FieldIndex.contains(e.key(), line, column)
            ? e.key()
            : e.value() != null ? e.value() : e.key();
    Hover h = new Hover(new MarkupContent(MarkupKind.MARKDOWN, md.toString().strip()));
    if (at != null && at.line() == at.endLine()) {
      h.setRange(a.lines.range(at, f.encoding()));
    }
    return Optional.of(h);
  }

  private static String name(FieldIndex.Entry e) {
    Object last = e.segments().isEmpty() ? "" : e.segments().get(e.segments().size() - 1);
    return last instanceof Integer i ? "item " + i : "`" + last + "`";
  }

  /**
   * The value at the entry's path in the defaulted object, one line: an object lists its fields,
   * marking those the API server's defaults set ({@code maxUnavailable: 1 (default), maxSurge: 0
   * (default)}).
   */
  static Optional<String> effective(DaemonSet ds, FieldIndex.Entry e) {
    JsonValue defaulted = at(ManifestWriter.tree(Defaults.defaulted(ds)), e.segments());
    if (defaulted == null) {
      return Optional.empty();
    }
    JsonValue written = at(ManifestWriter.tree(ds), e.segments());
    if (defaulted instanceof JsonValue.Obj o) {
      if (o.members().isEmpty()) {
        return Optional.of("{}");
      }
      List<String> parts = new ArrayList<>();
      Map<String, JsonValue> given = written instanceof JsonValue.Obj w ? w.members() : Map.of();
      for (Map.Entry<String, JsonValue> m : o.members().entrySet()) {
        parts.add(
            m.getKey()
                + ": "
                + brief(m.getValue())
                + (given.containsKey(m.getKey()) ? "" : " (default)"));
      }
      return Optional.of(String.join(", ", parts));
    }
    return Optional.of(brief(defaulted) + (written == null ? " (default)" : ""));
  }

  private static String brief(JsonValue v) {
    if (v instanceof JsonValue.Obj o) {
      return o.members().isEmpty() ? "{}" : "{…}";
    }
    if (v instanceof JsonValue.Arr a) {
      return a.elements().isEmpty() ? "[]" : "[" + a.elements().size() + " items]";
    }
    if (v instanceof JsonValue.Str s) {
      return s.value();
    }
    return v.toString();
  }

  static @Nullable JsonValue at(JsonValue root, List<Object> segments) {
    JsonValue v = root;
    for (Object s : segments) {
      if (s instanceof Integer i) {
        if (!(v instanceof JsonValue.Arr a) || i >= a.elements().size()) {
          return null;
        }
        v = a.elements().get(i);
      } else {
        if (!(v instanceof JsonValue.Obj o) || !o.members().containsKey((String) s)) {
          return null;
        }
        v = o.members().get((String) s);
      }
    }
    return v;
  }
}
