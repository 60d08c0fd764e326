package dev.daemonset.core.read;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.Document;
import dev.daemonset.api.ReadResult;
import dev.daemonset.api.Span;
import dev.daemonset.core.internal.tree.Spans;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a snapshot read has collected so far: documents and diagnostics in stream order, and the
 * index the next document gets. A top-level document whose items were collected one by one can be
 * taken back whole ({@link #mark}, {@link #reset}) when it turns out unreadable, as the full reader
 * then reads none of its items.
 */
final class Collected {
  final List<Document> documents = new ArrayList<>();
  final List<Diagnostic> diagnostics = new ArrayList<>();
  int next;

  /** Where a top-level document began: to take it back. */
  record Mark(int documents, int diagnostics, int next) {}

  Mark mark() {
    return new Mark(documents.size(), diagnostics.size(), next);
  }

  /** Takes back everything collected since {@code mark}. */
  void reset(Mark mark) {
    documents.subList(mark.documents(), documents.size()).clear();
    diagnostics.subList(mark.diagnostics(), diagnostics.size()).clear();
    next = mark.next();
  }

  /**
   * The diagnostics collected since {@code mark} (what reading one object again has just added).
   */
  List<Diagnostic> since(Mark mark) {
    return new ArrayList<>(diagnostics.subList(mark.diagnostics(), diagnostics.size()));
  }

  /**
   * A List that cannot be read because its item number {@code item} cannot: as the full reader
   * reads nothing of a document it cannot read, everything collected of the List is taken back, and
   * the item's {@code findings} are reported for the List (one document), their paths under {@code
   * items[item]}.
   */
  void unreadableList(Mark list, int item, List<Diagnostic> findings) {
    reset(list);
    int index = next++;
    for (Diagnostic d : findings) {
      String path = d.path();
      String under =
          "items[" + item + "]" + (path.isEmpty() || path.startsWith("[") ? path : "." + path);
      diagnostics.add(
          new Diagnostic(
              d.severity(),
              d.code(),
              under,
              d.message(),
              new Span(
                  index,
                  d.span().line(),
                  d.span().column(),
                  d.span().endLine(),
                  d.span().endColumn()),
              d.related().stream()
                  .map(
                      r ->
                          new Diagnostic.Related(
                              new Span(
                                  index,
                                  r.span().line(),
                                  r.span().column(),
                                  r.span().endLine(),
                                  r.span().endColumn()),
                              r.message()))
                  .toList()));
    }
  }

  /**
   * The input is not text (invalid UTF-8, a control character): as the full reader rejects such an
   * input whole, everything collected is given up for this one diagnostic.
   */
  void notText(Diagnostic d) {
    documents.clear();
    diagnostics.clear();
    diagnostics.add(d.withSpan(Spans.inDocument(d.span(), 0))); // the input's, not an object's
  }

  /** The result: diagnostics ordered by position, as the full reader orders them. */
  ReadResult result() {
    diagnostics.sort(
        Comparator.comparingInt((Diagnostic d) -> d.span().line())
            .thenComparingInt(d -> d.span().column()));
    return new ReadResult(documents, diagnostics);
  }
}
