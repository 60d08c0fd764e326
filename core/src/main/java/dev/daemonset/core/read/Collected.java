package dev.daemonset.core.read;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.Document;
import dev.daemonset.api.ReadResult;
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

  /** The result: diagnostics ordered by position, as the full reader orders them. */
  ReadResult result() {
    diagnostics.sort(
        Comparator.comparingInt((Diagnostic d) -> d.span().line())
            .thenComparingInt(d -> d.span().column()));
    return new ReadResult(documents, diagnostics);
  }
}
