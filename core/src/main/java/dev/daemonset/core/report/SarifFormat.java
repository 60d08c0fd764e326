package dev.daemonset.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.Severity;
import dev.daemonset.api.Span;
import dev.daemonset.api.lint.RuleInfo;
import dev.daemonset.core.lint.LintResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * SARIF 2.1.0: one run whose tool driver describes every rule the run can report, and one result
 * per diagnostic with its region (1-based, columns in code points), related locations, the field
 * path as a logical location, and a fingerprint that survives unrelated edits (it hashes the rule,
 * file, field path and message, not the line number).
 */
final class SarifFormat {
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  static final String FINGERPRINT_KEY = "daemonsetFinding/v1";

  private SarifFormat() {}

  static void write(
      List<FileReport> reports,
      List<RuleInfo> rules,
      String version,
      @Nullable Path base,
      PrintWriter out) {
    JsonFormat.print(
        out,
        g -> {
          g.writeStartObject();
          g.writeStringField("$schema", SCHEMA);
          g.writeStringField("version", "2.1.0");
          g.writeFieldName("runs");
          g.writeStartArray();
          g.writeStartObject();
          g.writeFieldName("tool");
          g.writeStartObject();
          g.writeFieldName("driver");
          g.writeStartObject();
          g.writeStringField("name", "daemonset");
          g.writeStringField("fullName", "daemonset-engine");
          g.writeStringField("version", version);
          g.writeStringField("semanticVersion", version.replace("-SNAPSHOT", ""));
          Map<String, Integer> index = new HashMap<>();
          g.writeFieldName("rules");
          g.writeStartArray();
          for (RuleInfo rule : rules) {
            index.put(rule.id(), index.size());
            rule(rule, g);
          }
          g.writeEndArray();
          g.writeEndObject(); // driver
          g.writeEndObject(); // tool
          g.writeStringField("columnKind", "unicodeCodePoints");
          if (base != null) {
            g.writeFieldName("originalUriBaseIds");
            g.writeStartObject();
            g.writeFieldName("%SRCROOT%");
            g.writeStartObject();
            g.writeStringField("uri", base.toUri().toString());
            g.writeEndObject();
            g.writeEndObject();
          }
          g.writeFieldName("results");
          g.writeStartArray();
          for (FileReport report : reports) {
            String uri = uri(report.name(), base);
            for (Diagnostic d : report.diagnostics()) {
              if (!Messages.isSkipped(d)) {
                result(d, index.get(d.code()), uri, base != null, null, g);
              }
            }
            for (LintResult.Suppressed s : report.suppressed()) {
              Diagnostic d = s.diagnostic();
              result(d, index.get(d.code()), uri, base != null, s, g);
            }
          }
          g.writeEndArray();
          g.writeFieldName("invocations");
          g.writeStartArray();
          g.writeStartObject();
          g.writeBooleanField("executionSuccessful", true);
          g.writeEndObject();
          g.writeEndArray();
          g.writeFieldName("properties");
          g.writeStartObject();
          g.writeNumberField("skippedDocuments", FileReport.skipped(reports));
          g.writeNumberField("suppressedResults", FileReport.suppressed(reports));
          g.writeEndObject();
          g.writeEndObject(); // run
          g.writeEndArray();
          g.writeEndObject();
        });
  }

  private static void rule(RuleInfo rule, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", rule.id());
    String name = name(rule);
    if (!name.equals(rule.id())) {
      g.writeStringField("name", name); // SARIF1001: a name equal to the id must be left out
    }
    text("shortDescription", rule.name(), g);
    text("fullDescription", rule.description(), g);
    g.writeFieldName("defaultConfiguration");
    g.writeStartObject();
    g.writeStringField("level", level(rule.defaultSeverity()));
    g.writeEndObject();
    g.writeFieldName("help");
    g.writeStartObject();
    g.writeStringField("text", rule.help());
    g.writeStringField("markdown", rule.help());
    g.writeEndObject();
    if (!rule.helpUri().isEmpty()) {
      g.writeStringField("helpUri", rule.helpUri());
    }
    g.writeEndObject();
  }

  /**
   * The rule's SARIF {@code name}: its id in PascalCase ({@code image-tag-latest} → {@code
   * ImageTagLatest}); for an id that already is PascalCase (the Kubernetes error types), its title
   * in PascalCase ({@code Required value} → {@code RequiredValue}), so that name and id differ.
   */
  static String name(RuleInfo rule) {
    String name = pascal(rule.id());
    return name.equals(rule.id()) ? pascal(rule.name().replace(' ', '-')) : name;
  }

  /** One result; a suppressed one ({@code suppressed} not null) with its {@code suppressions}. */
  private static void result(
      Diagnostic d,
      @Nullable Integer ruleIndex,
      String uri,
      boolean hasBase,
      LintResult.@Nullable Suppressed suppressed,
      JsonGenerator g)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("ruleId", d.code());
    if (ruleIndex != null) {
      g.writeNumberField("ruleIndex", ruleIndex);
    }
    g.writeStringField("level", level(d.severity()));
    text("message", Messages.display(d), g);
    g.writeFieldName("locations");
    g.writeStartArray();
    g.writeStartObject();
    physical(uri, d.span(), hasBase, g);
    if (!d.path().isEmpty()) {
      g.writeFieldName("logicalLocations");
      g.writeStartArray();
      g.writeStartObject();
      g.writeStringField("fullyQualifiedName", d.path());
      g.writeStringField("kind", "member");
      g.writeEndObject();
      g.writeEndArray();
    }
    g.writeEndObject();
    g.writeEndArray();
    if (!d.related().isEmpty()) {
      g.writeFieldName("relatedLocations");
      g.writeStartArray();
      int id = 1;
      for (Diagnostic.Related r : d.related()) {
        g.writeStartObject();
        g.writeNumberField("id", id++);
        physical(uri, r.span(), hasBase, g);
        text("message", r.message(), g);
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeFieldName("partialFingerprints");
    g.writeStartObject();
    g.writeStringField(FINGERPRINT_KEY, fingerprint(d, uri));
    g.writeEndObject();
    if (suppressed != null) {
      g.writeFieldName("suppressions");
      g.writeStartArray();
      g.writeStartObject();
      g.writeStringField("kind", "inSource");
      g.writeStringField("status", "accepted");
      if (!suppressed.reason().isEmpty()) {
        g.writeStringField("justification", suppressed.reason());
      }
      g.writeFieldName("properties");
      g.writeStartObject();
      g.writeStringField("annotation", suppressed.annotation());
      g.writeEndObject();
      g.writeEndObject();
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  /** {@code "name": {"text": text}}, SARIF's message object. */
  private static void text(String name, String text, JsonGenerator g) throws IOException {
    g.writeFieldName(name);
    g.writeStartObject();
    g.writeStringField("text", text);
    g.writeEndObject();
  }

  private static void physical(String uri, Span span, boolean hasBase, JsonGenerator g)
      throws IOException {
    g.writeFieldName("physicalLocation");
    g.writeStartObject();
    g.writeFieldName("artifactLocation");
    g.writeStartObject();
    g.writeStringField("uri", uri);
    if (hasBase && !uri.contains(":")) {
      g.writeStringField("uriBaseId", "%SRCROOT%");
    }
    g.writeEndObject();
    if (!span.isKnown()) {
      g.writeEndObject(); // SARIF: a location without a region means the whole artifact
      return;
    }
    g.writeFieldName("region");
    g.writeStartObject();
    g.writeNumberField("startLine", span.line());
    g.writeNumberField("startColumn", span.column());
    g.writeNumberField("endLine", span.endLine());
    g.writeNumberField(
        "endColumn",
        Math.max(span.endColumn(), span.endLine() == span.line() ? span.column() + 1 : 1));
    g.writeEndObject();
    g.writeEndObject();
  }

  /**
   * The artifact URI: for a name inside the base directory, relative to it (forward slashes,
   * percent-encoded); for any other absolute path a {@code file:} URI; without a base directory, a
   * relative name percent-encoded as given.
   */
  static String uri(String name, @Nullable Path base) {
    if (name.equals("<stdin>")) {
      return "stdin";
    }
    Path path;
    try {
      path = Path.of(name);
    } catch (InvalidPathException e) {
      return encode(name);
    }
    if (base == null) {
      return path.isAbsolute() ? path.toUri().toString() : encode(name.replace('\\', '/'));
    }
    Path abs = base.resolve(path).normalize();
    if (!abs.startsWith(base)) {
      return abs.toUri().toString();
    }
    return encode(base.relativize(abs).toString().replace('\\', '/'));
  }

  private static String encode(String relative) {
    StringBuilder sb = new StringBuilder();
    for (byte b : relative.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "-._~/".indexOf(c) >= 0) {
        sb.append((char) c);
      } else {
        sb.append('%').append(String.format(Locale.ROOT, "%02X", c));
      }
    }
    return sb.toString();
  }

  static String level(Severity s) {
    return switch (s) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "note";
    };
  }

  /** {@code image-tag-latest} → {@code ImageTagLatest}; Kubernetes error types stay as they are. */
  static String pascal(String id) {
    StringBuilder sb = new StringBuilder();
    boolean up = true;
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c == '-' || c == '_') {
        up = true;
      } else {
        sb.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    return sb.toString();
  }

  static String fingerprint(Diagnostic d, String uri) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String part : List.of(d.code(), uri, d.path(), d.message())) {
        sha.update(part.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
