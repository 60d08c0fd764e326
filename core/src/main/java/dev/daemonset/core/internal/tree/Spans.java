package dev.daemonset.core.internal.tree;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.Span;

/** Span helpers. */
public final class Spans {
  private Spans() {}

  /** The same region in document {@code document}. */
  public static Span inDocument(Span span, int document) {
    return span.document() == document
        ? span
        : new Span(document, span.line(), span.column(), span.endLine(), span.endColumn());
  }

  /**
   * A span from one 1-based position to another, the end clamped so it is never before the start.
   */
  public static Span of(int line, int column, int endLine, int endColumn) {
    if (endLine < line || (endLine == line && endColumn < column)) {
      return Span.at(0, line, column);
    }
    return new Span(0, line, column, endLine, endColumn);
  }

  /** A span covering {@code from}'s start to {@code to}'s end. */
  public static Span cover(Span from, Span to) {
    return of(from.line(), from.column(), to.endLine(), to.endColumn());
  }

  /** A related location moved to {@code document}. */
  public static Diagnostic.Related inDocument(Diagnostic.Related related, int document) {
    return new Diagnostic.Related(inDocument(related.span(), document), related.message());
  }
}
