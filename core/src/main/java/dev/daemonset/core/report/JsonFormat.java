package dev.daemonset.core.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.daemonset.api.Diagnostic;
import java.io.PrintWriter;
import java.util.List;

/**
 * The JSON contract of DESIGN.md: {@code {"files":[{"file","diagnostics":[{"severity","code",
 * "path","message","line","column","endLine","endColumn","document"}]}]}}. An unknown position
 * ({@link dev.daemonset.api.Span#isKnown()} false) is written as line, column, endLine and
 * endColumn 0, which no real position has.
 */
final class JsonFormat {
  static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  static void write(List<FileReport> reports, PrintWriter out) {
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode files = root.putArray("files");
    for (FileReport report : reports) {
      ObjectNode file = files.addObject();
      file.put("file", report.name());
      ArrayNode diagnostics = file.putArray("diagnostics");
      for (Diagnostic d : report.diagnostics()) {
        diagnostics.add(diagnostic(d));
      }
    }
    print(root, out);
  }

  static ObjectNode diagnostic(Diagnostic d) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("severity", d.severity().label());
    n.put("code", d.code());
    n.put("path", d.path());
    n.put("message", d.message());
    n.put("line", d.span().line());
    n.put("column", d.span().column());
    n.put("endLine", d.span().endLine());
    n.put("endColumn", d.span().endColumn());
    n.put("document", d.span().document());
    if (!d.related().isEmpty()) {
      ArrayNode related = n.putArray("related");
      for (Diagnostic.Related r : d.related()) {
        ObjectNode rn = related.addObject();
        rn.put("message", r.message());
        rn.put("line", r.span().line());
        rn.put("column", r.span().column());
        rn.put("endLine", r.span().endLine());
        rn.put("endColumn", r.span().endColumn());
        rn.put("document", r.span().document());
      }
    }
    return n;
  }

  static void print(Object tree, PrintWriter out) {
    try {
      out.println(MAPPER.writeValueAsString(tree));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise output", e);
    }
    out.flush();
  }
}
