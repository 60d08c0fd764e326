package dev.daemonset.core.read;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.Document;
import dev.daemonset.api.SourceMap;
import dev.daemonset.api.Span;
import dev.daemonset.api.model.ControllerRevision;
import dev.daemonset.api.model.KubernetesObject;
import dev.daemonset.api.model.Node;
import dev.daemonset.api.model.Pod;
import dev.daemonset.core.internal.bind.Binder;
import dev.daemonset.core.internal.snapshot.Slim;
import dev.daemonset.core.internal.tree.Finding;
import dev.daemonset.core.internal.tree.ReaderCode;
import dev.daemonset.core.internal.tree.Tree;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One object (or one document) of a snapshot stream read again with the full reader: what the
 * snapshot path does not read fast (another kind, a DaemonSet above all; a kept field that the full
 * reader has something to say about; YAML beyond the block scanner's shape). Positions are those of
 * the whole stream: the object's text is read on its own, and every span is moved to where the text
 * began.
 *
 * <p>A Node, Pod or ControllerRevision read here is kept as {@link Slim} keeps it, with only the
 * diagnostics that {@link Slim#concernsKept concern} what is kept: unknown fields and the fields a
 * snapshot skips are no concern of a snapshot. Every other kind keeps the full reader's object and
 * diagnostics.
 */
final class FullRead {
  private final ManifestReader reader;

  FullRead(ManifestReader reader) {
    this.reader = reader;
  }

  /** What became of an object read again. */
  enum Outcome {
    /** Read (its object kept, or its kind skipped). */
    READ,
    /** Unreadable (a limit broken): the full reader reads nothing of the document it is in. */
    UNREADABLE,
    /**
     * A syntax error: the snapshot readers read nothing more of the input. The full reader does the
     * same for JSON; in a YAML stream it goes on at the next {@code ---} (a known difference, see
     * docs/reading.md).
     */
    SYNTAX_ERROR,
    /** Not UTF-8 text: the full reader rejects the whole input. */
    NOT_TEXT
  }

  /**
   * Reads {@code bytes[from, to)}, an object that began at {@code line:column} of the stream and at
   * input offset {@code offset}, into {@code out}.
   *
   * @param json whether the stream is JSON (else YAML)
   * @param item whether the object is an item of a {@code v1 List} (then it is one document, even
   *     if it is empty or a List itself)
   */
  Outcome read(
      byte[] bytes,
      int from,
      int to,
      long offset,
      boolean json,
      boolean item,
      int line,
      int column,
      Collected out) {
    ManifestReader.Decoded decoded =
        ManifestReader.decode(bytes, from, to, offset - from, reader.fastPaths());
    ManifestReader.Collector collector = reader.new Collector(out.next);
    String text = decoded.text();
    Outcome[] outcome = {Outcome.READ};
    if (text == null) {
      Diagnostic error = decoded.rejection();
      collector.diagnostics.add(place(moved(error.span(), line, column), error, collector.next++));
      outcome[0] = Outcome.NOT_TEXT;
    } else {
      Consumer<RawDocument> each =
          raw -> {
            RawDocument moved = moved(raw, line, column);
            if (moved.root() == null) {
              boolean syntax =
                  moved.findings().stream()
                      .anyMatch(
                          f ->
                              f.code() == ReaderCode.YAML_SYNTAX
                                  || f.code() == ReaderCode.JSON_SYNTAX);
              outcome[0] = syntax ? Outcome.SYNTAX_ERROR : Outcome.UNREADABLE;
            }
            if (!item) {
              collector.accept(moved);
            } else if (moved.root() == null) {
              moved
                  .findings()
                  .forEach(f -> collector.diagnostics.add(Binder.place(f, collector.next)));
              collector.next++;
            } else {
              reader.bindOne(
                  moved.root(),
                  moved.findings(),
                  collector.next++,
                  collector.documents,
                  collector.diagnostics);
            }
          };
      if (json) {
        JsonTreeBuilder.read(text, decoded.ascii(), reader.limits(), reader.fastPaths(), each);
      } else {
        YamlTreeBuilder.read(text, decoded.ascii(), reader.limits(), reader.fastPaths(), each);
      }
    }
    keep(collector, out);
    return outcome[0];
  }

  /** Adds what the collector read to {@code out}, snapshot kinds as a snapshot keeps them. */
  private static void keep(ManifestReader.Collector collector, Collected out) {
    Map<Integer, String> snapshotKinds = new HashMap<>();
    for (Document d : collector.documents) {
      KubernetesObject o = d.object();
      if (o instanceof Node || o instanceof Pod || o instanceof ControllerRevision) {
        snapshotKinds.put(d.index(), kind(o));
        Span at = d.sourceMap().document();
        out.documents.add(
            new Document(
                d.index(),
                Slim.of(o),
                new SourceMap(Map.of(), Map.of(), Span.at(d.index(), at.line(), at.column()))));
      } else {
        out.documents.add(d);
      }
    }
    for (Diagnostic d : collector.diagnostics) {
      String kind = snapshotKinds.get(d.span().document());
      if (kind == null || Slim.concernsKept(kind, d.path())) {
        out.diagnostics.add(d);
      }
    }
    out.next = collector.next;
  }

  private static String kind(KubernetesObject o) {
    return o instanceof Node ? "Node" : o instanceof Pod ? "Pod" : "ControllerRevision";
  }

  private static Diagnostic place(Span span, Diagnostic d, int document) {
    return new Diagnostic(
        d.severity(),
        d.code(),
        d.path(),
        d.message(),
        new Span(document, span.line(), span.column(), span.endLine(), span.endColumn()),
        d.related());
  }

  // ---- positions: from the object's own text to the stream's ----

  private static RawDocument moved(RawDocument raw, int line, int column) {
    if (line == 1 && column == 1) {
      return raw;
    }
    List<Finding> findings = new ArrayList<>(raw.findings().size());
    for (Finding f : raw.findings()) {
      findings.add(
          new Finding(
              f.severity(),
              f.code(),
              f.path(),
              f.message(),
              moved(f.span(), line, column),
              f.related().stream()
                  .map(r -> new Diagnostic.Related(moved(r.span(), line, column), r.message()))
                  .toList()));
    }
    Tree root = raw.root();
    return new RawDocument(root == null ? null : moved(root, line, column), findings);
  }

  private static Tree moved(Tree t, int line, int column) {
    if (t instanceof Tree.Scalar s) {
      return new Tree.Scalar(s.value(), moved(s.span(), line, column), s.start(), s.end());
    }
    if (t instanceof Tree.SeqNode q) {
      List<Tree> items = new ArrayList<>(q.items().size());
      q.items().forEach(i -> items.add(moved(i, line, column)));
      return new Tree.SeqNode(items, moved(q.span(), line, column), q.start(), q.end(), q.weight());
    }
    Tree.MapNode m = (Tree.MapNode) t;
    List<Tree.Entry> entries = new ArrayList<>(m.entries().size());
    for (Tree.Entry e : m.entries()) {
      entries.add(
          new Tree.Entry(
              e.key(), moved(e.keySpan(), line, column), moved(e.value(), line, column)));
    }
    return new Tree.MapNode(entries, moved(m.span(), line, column), m.start(), m.end(), m.weight());
  }

  /** A span of text that began at {@code line:column} of the stream, in the stream's terms. */
  static Span moved(Span s, int line, int column) {
    return new Span(
        s.document(),
        s.line() + line - 1,
        s.line() == 1 ? s.column() + column - 1 : s.column(),
        s.endLine() + line - 1,
        s.endLine() == 1 ? s.endColumn() + column - 1 : s.endColumn());
  }
}
