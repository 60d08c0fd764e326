package dev.daemonset.core.internal.bind;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.Document;
import dev.daemonset.api.Severity;
import dev.daemonset.api.SourceMap;
import dev.daemonset.api.Span;
import dev.daemonset.api.model.JsonValue;
import dev.daemonset.api.model.KubernetesObject;
import dev.daemonset.core.internal.tree.Finding;
import dev.daemonset.core.internal.tree.ReaderCode;
import dev.daemonset.core.internal.tree.Spans;
import dev.daemonset.core.internal.tree.Tree;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Binds one located object tree to its api record: checks it against the Kubernetes 1.35 field set,
 * builds the record and its {@link SourceMap}, and turns the reader's findings into diagnostics
 * with Kubernetes-notation paths.
 *
 * <p>Stateless and thread-safe.
 */
public final class Binder {
  private Binder() {}

  private static final Map<String, Function<Fields, KubernetesObject>> BINDERS =
      Map.of(
          "apps/v1/DaemonSet", Models::daemonSet,
          "v1/Pod", Models::pod,
          "v1/Node", Models::node,
          "apps/v1/ControllerRevision", Models::controllerRevision);
  static final Map<String, String> API_VERSIONS =
      Map.of("DaemonSet", "apps/v1", "Pod", "v1", "Node", "v1", "ControllerRevision", "apps/v1");

  /**
   * What binding one document gave.
   *
   * @param document the bound object with its source map, or null if its kind is not bound
   * @param diagnostics every finding about it, the reader's included
   */
  public record Bound(@Nullable Document document, List<Diagnostic> diagnostics) {
    public Bound {
      diagnostics = List.copyOf(diagnostics);
    }
  }

  /**
   * A reader finding about a document of no known kind, as a diagnostic of document {@code
   * document}.
   */
  public static Diagnostic place(Finding f, int document) {
    return place(f, document, null);
  }

  private static Diagnostic place(Finding f, int document, @Nullable Type type) {
    return new Diagnostic(
        f.severity(),
        f.code().id(),
        Paths.render(type, f.path()),
        f.message(),
        Spans.inDocument(f.span(), document),
        f.related().stream().map(r -> Spans.inDocument(r, document)).toList());
  }

  /**
   * Binds {@code root} as document {@code document}.
   *
   * @param findings what the reader found in this document (paths from its root)
   */
  public static Bound bind(Tree root, int document, List<Finding> findings) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    if (!(root instanceof Tree.MapNode m)) {
      findings.forEach(f -> diagnostics.add(place(f, document, null)));
      diagnostics.add(
          new Diagnostic(
              Severity.ERROR,
              ReaderCode.INVALID_TYPE.id(),
              "",
              "a manifest must be an object with apiVersion and kind, found "
                  + Checker.describe(root),
              Spans.inDocument(root.span(), document)));
      return new Bound(null, diagnostics);
    }
    String apiVersion = m.string("apiVersion");
    String kind = m.string("kind");
    String key = apiVersion + "/" + kind;
    Type type = Schema.kind(key);
    Function<Fields, KubernetesObject> binder = BINDERS.get(key);
    if (type == null || binder == null) {
      findings.forEach(f -> diagnostics.add(place(f, document, null)));
      diagnostics.add(unbound(m, apiVersion, kind, document));
      return new Bound(null, diagnostics);
    }
    findings.forEach(f -> diagnostics.add(place(f, document, type)));
    Checker.check(m, type, document, diagnostics);
    KubernetesObject object = binder.apply(Fields.of(m));
    // Most documents are valid and never looked up: record positions only when first asked.
    SourceMap sourceMap = SourceMap.deferred(() -> Checker.sourceMap(m, type, document));
    return new Bound(new Document(document, object, sourceMap), diagnostics);
  }

  /**
   * {@code tree} with the members of every object it knows reordered into Kubernetes' declaration
   * order (the schema's); unknown members follow, in their order.
   *
   * @param kindKey {@code apiVersion/kind}, such as {@code apps/v1/DaemonSet}
   */
  public static JsonValue.Obj canonicalOrder(String kindKey, JsonValue.Obj tree) {
    return (JsonValue.Obj) order(tree, Schema.kind(kindKey));
  }

  private static JsonValue order(JsonValue v, @Nullable Type type) {
    if (v instanceof JsonValue.Arr a) {
      Type element = type instanceof Type.ListOf l ? l.element() : null;
      return new JsonValue.Arr(a.elements().stream().map(e -> order(e, element)).toList());
    }
    if (!(v instanceof JsonValue.Obj o)) {
      return v;
    }
    Map<String, JsonValue> out = new LinkedHashMap<>();
    if (type instanceof Type.Struct st) {
      for (Map.Entry<String, Type> f : st.fields().entrySet()) {
        JsonValue member = o.members().get(f.getKey());
        if (member != null) {
          out.put(f.getKey(), order(member, f.getValue()));
        }
      }
      o.members().forEach((k, m) -> out.putIfAbsent(k, order(m, null)));
    } else {
      Type value = type instanceof Type.MapOf mt ? mt.value() : null;
      o.members().forEach((k, m) -> out.put(k, order(m, value)));
    }
    return new JsonValue.Obj(out);
  }

  private static Diagnostic unbound(Tree.MapNode m, String apiVersion, String kind, int document) {
    Tree.Entry kindEntry = m.entry("kind");
    Span kindSpan = kindEntry == null ? start(m.span()) : kindEntry.value().span();
    if (kind.isEmpty()) {
      Tree.Entry typo = kindEntry == null ? nearKey(m, "kind", 1) : null;
      if (typo != null) {
        return new Diagnostic(
            Severity.ERROR,
            ReaderCode.MISSING_KIND.id(),
            "kind",
            "the document has no kind: did you mean `kind` for `" + typo.key() + "`?",
            Spans.inDocument(typo.keySpan(), document));
      }
      return new Diagnostic(
          Severity.ERROR,
          ReaderCode.MISSING_KIND.id(),
          kindEntry == null ? "" : "kind",
          "the document has no kind: every manifest needs apiVersion and kind",
          Spans.inDocument(kindSpan, document));
    }
    String expected = API_VERSIONS.get(kind);
    if (expected != null) {
      Tree.Entry v = m.entry("apiVersion");
      Tree.Entry typo = v == null ? nearKey(m, "apiVersion", 2) : null;
      if (typo != null) {
        return new Diagnostic(
            Severity.ERROR,
            ReaderCode.UNSUPPORTED_API_VERSION.id(),
            "apiVersion",
            kind
                + " must have apiVersion "
                + expected
                + ", and the document has none: did you mean `apiVersion` for `"
                + typo.key()
                + "`?",
            Spans.inDocument(typo.keySpan(), document));
      }
      return new Diagnostic(
          Severity.ERROR,
          ReaderCode.UNSUPPORTED_API_VERSION.id(),
          "apiVersion",
          kind + " must have apiVersion " + expected + ", not \"" + apiVersion + "\"",
          Spans.inDocument(v == null ? kindSpan : v.value().span(), document));
    }
    String meant = misspelledKind(kind, apiVersion);
    if (meant != null) {
      return new Diagnostic(
          Severity.ERROR,
          ReaderCode.MISSPELLED_KIND.id(),
          "kind",
          apiVersion
              + " has no kind "
              + kind
              + ": did you mean "
              + meant
              + "? (kinds are case-sensitive; kubectl would fail with \"no matches for kind\")",
          Spans.inDocument(kindSpan, document));
    }
    String name = m.get("metadata") instanceof Tree.MapNode meta ? meta.string("name") : "";
    return new Diagnostic(
        Severity.INFO,
        ReaderCode.SKIPPED_KIND.id(),
        "",
        "skipped "
            + kind
            + (name.isEmpty() ? "" : "/" + name)
            + ": not a DaemonSet, Node, Pod or ControllerRevision",
        Spans.inDocument(kindSpan, document));
  }

  /**
   * The kind we read that {@code kind} is a typo of, in that kind's own apiVersion: the same
   * letters in another case ({@code daemonset}), or for a name of six letters or more, at most two
   * edits away ({@code DeamonSet}, {@code DaemonSets}). Short kinds only by case: {@code Job} is a
   * kind of its own, one letter from {@code Pod}. Null when none is.
   */
  static @Nullable String misspelledKind(String kind, String apiVersion) {
    for (Map.Entry<String, String> known : API_VERSIONS.entrySet()) {
      if (!known.getValue().equals(apiVersion)) {
        continue;
      }
      String k = known.getKey();
      if (k.equalsIgnoreCase(kind) || (kind.length() >= 6 && Checker.distance(kind, k) <= 2)) {
        return k;
      }
    }
    return null;
  }

  /** The key of {@code m} at most {@code edits} edits from {@code wanted} (a typo), if any. */
  private static Tree.@Nullable Entry nearKey(Tree.MapNode m, String wanted, int edits) {
    for (Tree.Entry e : m.entries()) {
      if (Checker.distance(e.key(), wanted) <= edits) {
        return e;
      }
    }
    return null;
  }

  private static Span start(Span s) {
    return Span.at(s.document(), s.line(), s.column());
  }
}
