package dev.daemonset.core.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.Span;
import dev.daemonset.core.internal.json.JacksonSupport;
import dev.daemonset.core.lint.LintResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The JSON contract of DESIGN.md, version 1 (docs/schemas/lint.schema.json): {@code {"version":1,
 * "files":[{"file","diagnostics":[{"severity","code","path","message","line","column","endLine",
 * "endColumn","document"}]}]}}, written with Jackson's streaming generator and its default pretty
 * printer. A file whose findings annotations suppressed also has {@code "suppressed"}: the same
 * objects plus {@code "suppressedBy"} (the annotation) and {@code "reason"}. An unknown position
 * ({@link dev.daemonset.api.Span#isKnown()} false) is written as line, column, endLine and
 * endColumn 0, which no real position has.
 */
final class JsonFormat {
  private JsonFormat() {}

  /** The version of the JSON contract (docs/schemas/lint.schema.json). */
  static final int VERSION = 1;

  /** Created on first use, after {@link JacksonSupport#require()} passed. */
  private static final class Factory {
    static final JsonFactory FOR_REPORTS =
        JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();
  }

  /** What one JSON document writes. */
  interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  /** Writes one pretty-printed JSON document and a line end to {@code out}, and flushes it. */
  static void print(PrintWriter out, Body body) {
    JacksonSupport.require();
    try (JsonGenerator g = Factory.FOR_REPORTS.createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException("writing the report", e);
    }
    out.println();
    out.flush();
  }

  static void write(List<FileReport> reports, PrintWriter out) {
    print(
        out,
        g -> {
          g.writeStartObject();
          g.writeNumberField("version", VERSION);
          g.writeFieldName("files");
          g.writeStartArray();
          for (FileReport report : reports) {
            g.writeStartObject();
            g.writeStringField("file", report.name());
            g.writeFieldName("diagnostics");
            g.writeStartArray();
            for (Diagnostic d : report.diagnostics()) {
              diagnostic(d, null, g);
            }
            g.writeEndArray();
            if (!report.suppressed().isEmpty()) {
              g.writeFieldName("suppressed");
              g.writeStartArray();
              for (LintResult.Suppressed s : report.suppressed()) {
                diagnostic(s.diagnostic(), s, g);
              }
              g.writeEndArray();
            }
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeEndObject();
        });
  }

  /** One diagnostic; a suppressed one also gets the JSON fields "suppressedBy" and "reason". */
  private static void diagnostic(
      Diagnostic d, LintResult.@Nullable Suppressed suppressed, JsonGenerator g)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("severity", d.severity().label());
    g.writeStringField("code", d.code());
    g.writeStringField("path", d.path());
    g.writeStringField("message", d.message());
    span(d.span(), g);
    if (!d.related().isEmpty()) {
      g.writeFieldName("related");
      g.writeStartArray();
      for (Diagnostic.Related r : d.related()) {
        g.writeStartObject();
        g.writeStringField("message", r.message());
        span(r.span(), g);
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    if (suppressed != null) {
      g.writeStringField("suppressedBy", suppressed.annotation());
      g.writeStringField("reason", suppressed.reason());
    }
    g.writeEndObject();
  }

  private static void span(Span s, JsonGenerator g) throws IOException {
    g.writeNumberField("line", s.line());
    g.writeNumberField("column", s.column());
    g.writeNumberField("endLine", s.endLine());
    g.writeNumberField("endColumn", s.endColumn());
    g.writeNumberField("document", s.document());
  }
}
