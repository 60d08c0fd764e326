package dev.daemonset.cli.lsp;

import com.google.gson.JsonObject;
import dev.daemonset.api.Document;
import dev.daemonset.api.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticCodeDescription;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DiagnosticTag;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Range;

/**
 * The engine's diagnostics as LSP diagnostics: exact ranges in the client's position encoding,
 * severity, code, the rule's documentation link, related locations (the first occurrence of a
 * duplicate key) and tags (a removed apiVersion is {@code Deprecated}).
 */
final class LspDiagnostics {
  private LspDiagnostics() {}

  /** Shown as the diagnostic's source in every editor. */
  static final String SOURCE = "daemonset";

  static List<Diagnostic> of(Analysis a, String uri, TextLines.Encoding encoding, DocsLinks links) {
    if (!a.holdsDaemonSet) {
      return List.of();
    }
    List<Diagnostic> out = new ArrayList<>(a.diagnostics.size());
    for (dev.daemonset.api.Diagnostic d : a.diagnostics) {
      out.add(of(d, a, uri, encoding, links));
    }
    return out;
  }

  static Diagnostic of(
      dev.daemonset.api.Diagnostic d,
      Analysis a,
      String uri,
      TextLines.Encoding encoding,
      DocsLinks links) {
    return of(d, span -> range(span, a, encoding), uri, links);
  }

  /**
   * The diagnostics of a file that is not a linted document (a configuration or cluster file): its
   * text positions them, a finding without a position goes to the start of the file.
   */
  static List<Diagnostic> ofFile(
      List<dev.daemonset.api.Diagnostic> found,
      TextLines lines,
      String uri,
      TextLines.Encoding encoding,
      DocsLinks links) {
    Function<Span, Range> ranges = span -> span.isKnown() ? lines.range(span, encoding) : atStart();
    List<Diagnostic> out = new ArrayList<>(found.size());
    for (dev.daemonset.api.Diagnostic d : found) {
      out.add(of(d, ranges, uri, links));
    }
    return out;
  }

  /** An empty range at the start of the text (a new one each time: LSP4J's ranges are mutable). */
  private static Range atStart() {
    return new Range(new org.eclipse.lsp4j.Position(0, 0), new org.eclipse.lsp4j.Position(0, 0));
  }

  private static Diagnostic of(
      dev.daemonset.api.Diagnostic d, Function<Span, Range> ranges, String uri, DocsLinks links) {
    Diagnostic out = new Diagnostic(ranges.apply(d.span()), d.message());
    out.setSeverity(
        switch (d.severity()) {
          case ERROR -> DiagnosticSeverity.Error;
          case WARNING -> DiagnosticSeverity.Warning;
          case INFO -> DiagnosticSeverity.Information;
        });
    out.setCode(d.code());
    out.setSource(SOURCE);
    links
        .href(d.code())
        .ifPresent(href -> out.setCodeDescription(new DiagnosticCodeDescription(href)));
    if (!d.related().isEmpty()) {
      List<DiagnosticRelatedInformation> related = new ArrayList<>();
      for (dev.daemonset.api.Diagnostic.Related r : d.related()) {
        related.add(
            new DiagnosticRelatedInformation(
                new Location(uri, ranges.apply(r.span())), r.message()));
      }
      out.setRelatedInformation(related);
    }
    if (d.code().equals("unsupported-api-version")) {
      out.setTags(List.of(DiagnosticTag.Deprecated));
    }
    JsonObject data = new JsonObject();
    data.addProperty("path", d.path());
    data.addProperty("document", d.span().document());
    out.setData(data);
    return out;
  }

  /**
   * The LSP range of a span; an unknown span (a finding about a whole document without a position)
   * goes to the start of its document, or of the text.
   */
  static Range range(Span span, Analysis a, TextLines.Encoding encoding) {
    if (span.isKnown()) {
      return a.lines.range(span, encoding);
    }
    Span doc =
        Analysis.document(a.read(), span.document())
            .map(Document::sourceMap)
            .map(sm -> sm.document())
            .filter(Span::isKnown)
            .orElse(null);
    if (doc == null) {
      return atStart();
    }
    Range r = a.lines.range(Span.at(doc.document(), doc.line(), doc.column()), encoding);
    return new Range(r.getStart(), r.getStart());
  }
}
