package dev.daemonset.core.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.Severity;
import dev.daemonset.api.Span;
import dev.daemonset.api.lint.RuleInfo;
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
    ObjectNode root = JsonFormat.MAPPER.createObjectNode();
    root.put("$schema", SCHEMA);
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "daemonset");
    driver.put("fullName", "daemonset-engine");
    driver.put("version", version);
    driver.put("semanticVersion", version.replace("-SNAPSHOT", ""));
    ArrayNode ruleArray = driver.putArray("rules");
    Map<String, Integer> index = new HashMap<>();
    for (RuleInfo rule : rules) {
      index.put(rule.id(), ruleArray.size());
      ObjectNode r = ruleArray.addObject();
      r.put("id", rule.id());
      r.put("name", pascal(rule.id()));
      r.putObject("shortDescription").put("text", rule.name());
      r.putObject("fullDescription").put("text", rule.description());
      r.putObject("defaultConfiguration").put("level", level(rule.defaultSeverity()));
      ObjectNode help = r.putObject("help");
      help.put("text", rule.help());
      help.put("markdown", rule.help());
    }
    run.put("columnKind", "unicodeCodePoints");
    if (base != null) {
      run.putObject("originalUriBaseIds")
          .putObject("%SRCROOT%")
          .put("uri", base.toUri().toString());
    }
    ArrayNode results = run.putArray("results");
    for (FileReport report : reports) {
      String uri = uri(report.name(), base);
      for (Diagnostic d : report.diagnostics()) {
        if (Messages.isQuiet(d)) {
          continue;
        }
        ObjectNode result = results.addObject();
        result.put("ruleId", d.code());
        Integer ruleIndex = index.get(d.code());
        if (ruleIndex != null) {
          result.put("ruleIndex", ruleIndex);
        }
        result.put("level", level(d.severity()));
        result.putObject("message").put("text", Messages.display(d));
        ObjectNode location = result.putArray("locations").addObject();
        location.set("physicalLocation", physical(uri, d.span(), base != null));
        if (!d.path().isEmpty()) {
          location
              .putArray("logicalLocations")
              .addObject()
              .put("fullyQualifiedName", d.path())
              .put("kind", "member");
        }
        if (!d.related().isEmpty()) {
          ArrayNode related = result.putArray("relatedLocations");
          int id = 1;
          for (Diagnostic.Related r : d.related()) {
            ObjectNode rl = related.addObject();
            rl.put("id", id++);
            rl.set("physicalLocation", physical(uri, r.span(), base != null));
            rl.putObject("message").put("text", r.message());
          }
        }
        result.putObject("partialFingerprints").put(FINGERPRINT_KEY, fingerprint(d, uri));
      }
    }
    run.putArray("invocations").addObject().put("executionSuccessful", true);
    JsonFormat.print(root, out);
  }

  private static ObjectNode physical(String uri, Span span, boolean hasBase) {
    ObjectNode p = JsonFormat.MAPPER.createObjectNode();
    ObjectNode artifact = p.putObject("artifactLocation");
    artifact.put("uri", uri);
    if (hasBase && !uri.contains(":")) {
      artifact.put("uriBaseId", "%SRCROOT%");
    }
    if (!span.isKnown()) {
      return p; // SARIF: a location without a region means the whole artifact
    }
    ObjectNode region = p.putObject("region");
    region.put("startLine", span.line());
    region.put("startColumn", span.column());
    region.put("endLine", span.endLine());
    region.put(
        "endColumn",
        Math.max(span.endColumn(), span.endLine() == span.line() ? span.column() + 1 : 1));
    return p;
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
    for (char c : id.toCharArray()) {
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
