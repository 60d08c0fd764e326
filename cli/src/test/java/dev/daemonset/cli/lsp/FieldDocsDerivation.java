package dev.daemonset.cli.lsp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Derives the language server's field documentation ({@code field-docs.json}) from upstream's
 * {@code types.go} (struct fields, Go types, JSON names) and {@code types_swagger_doc_generated.go}
 * (the documentation of each JSON field): every struct reachable from a DaemonSet, with embedded
 * ({@code inline}) structs flattened into the struct that embeds them, as encoding/json does.
 */
final class FieldDocsDerivation {

  static final String SOURCE =
      "Field documentation from Kubernetes: types.go and types_swagger_doc_generated.go of"
          + " kubernetes/api 10b39a39bcee (apps/v1, core/v1) and kubernetes/apimachinery"
          + " eed236ceee2c (meta/v1), Copyright The Kubernetes Authors, Apache-2.0"
          + " (src/testdata/k8s-api-docs). Derived by FieldDocsResourceTest; do not edit.";

  /** Upstream import path to our package key. */
  private static final Map<String, String> PACKAGES =
      Map.of(
          "k8s.io/api/apps/v1", "apps/v1",
          "k8s.io/api/core/v1", "core/v1",
          "k8s.io/apimachinery/pkg/apis/meta/v1", "meta/v1");

  private static final Pattern STRUCT = Pattern.compile("^type (\\w+) struct \\{\\s*$");
  private static final Pattern FIELD =
      Pattern.compile("^\\s+(?:(\\w+)\\s+)?([\\[\\]\\*\\w.]+)\\s+`([^`]*)`");
  private static final Pattern JSON_TAG = Pattern.compile("json:\"([^\"]*)\"");
  private static final Pattern IMPORT = Pattern.compile("^\\s+(?:(\\w+)\\s+)?\"([^\"]+)\"\\s*$");
  private static final Pattern DOC_MAP =
      Pattern.compile("^var map_(\\w+) = map\\[string\\]string\\{");
  private static final Pattern DOC_ENTRY =
      Pattern.compile("^\\s*\"([^\"]*)\":\\s*\"((?:[^\"\\\\]++|\\\\.)*+)\",\\s*$");

  private record Field(String json, String goType, String pkg, boolean inline) {}

  private record Struct(List<Field> fields) {}

  private final Map<String, Struct> structs = new HashMap<>();
  private final Map<String, Map<String, String>> docs = new HashMap<>();

  private FieldDocsDerivation() {}

  /** The derived resource, from the k8s-api-docs folder {@code root}. */
  static ObjectNode derive(Path root) throws IOException {
    FieldDocsDerivation d = new FieldDocsDerivation();
    d.read(root.resolve("api/apps/v1"), "apps/v1");
    d.read(root.resolve("api/core/v1"), "core/v1");
    d.read(root.resolve("apimachinery/pkg/apis/meta/v1"), "meta/v1");
    return d.resource(Map.of("apps/v1/DaemonSet", "apps/v1.DaemonSet"));
  }

  private void read(Path dir, String pkg) throws IOException {
    List<String> types = Files.readAllLines(dir.resolve("types.go"), StandardCharsets.UTF_8);
    Map<String, String> aliases = new HashMap<>();
    boolean inImports = false;
    String struct = null;
    List<Field> fields = null;
    for (String line : types) {
      if (line.startsWith("import (")) {
        inImports = true;
        continue;
      }
      if (inImports) {
        if (line.startsWith(")")) {
          inImports = false;
        } else {
          Matcher m = IMPORT.matcher(line);
          if (m.matches()) {
            String path = m.group(2);
            String alias =
                m.group(1) != null ? m.group(1) : path.substring(path.lastIndexOf('/') + 1);
            aliases.put(alias, PACKAGES.getOrDefault(path, ""));
          }
        }
        continue;
      }
      Matcher s = STRUCT.matcher(line);
      if (s.matches()) {
        struct = s.group(1);
        fields = new ArrayList<>();
        continue;
      }
      if (struct == null) {
        continue;
      }
      if (line.startsWith("}")) {
        structs.put(pkg + "." + struct, new Struct(fields));
        struct = null;
        continue;
      }
      String code = line.strip();
      if (code.startsWith("//")) {
        continue;
      }
      Matcher f = FIELD.matcher(line);
      if (!f.find()) {
        continue;
      }
      Matcher tag = JSON_TAG.matcher(f.group(3));
      if (!tag.find()) {
        continue;
      }
      String json = tag.group(1);
      String name = json.contains(",") ? json.substring(0, json.indexOf(',')) : json;
      if (name.equals("-")) {
        continue;
      }
      boolean embedded = f.group(1) == null;
      String goType = f.group(2);
      String bare = goType.replace("[]", "").replace("*", "");
      String typePkg = pkg;
      int dot = bare.indexOf('.');
      if (dot >= 0) {
        typePkg = aliases.getOrDefault(bare.substring(0, dot), "");
        bare = bare.substring(dot + 1);
      }
      fields.add(new Field(name, bare, typePkg, embedded && name.isEmpty()));
    }
    List<String> swagger =
        Files.readAllLines(dir.resolve("types_swagger_doc_generated.go"), StandardCharsets.UTF_8);
    Map<String, String> current = null;
    for (String line : swagger) {
      Matcher m = DOC_MAP.matcher(line);
      if (m.find()) {
        current = new HashMap<>();
        docs.put(pkg + "." + m.group(1), current);
        continue;
      }
      if (current != null) {
        if (line.startsWith("}")) {
          current = null;
          continue;
        }
        Matcher e = DOC_ENTRY.matcher(line);
        if (e.matches()) {
          current.put(e.group(1), unquote(e.group(2)));
        }
      }
    }
  }

  /** Go's interpreted string literal escapes, as the generator writes them. */
  static String unquote(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 == s.length()) {
        out.append(c);
        continue;
      }
      char n = s.charAt(++i);
      switch (n) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'u' -> {
          out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> out.append(n);
      }
    }
    return out.toString();
  }

  private ObjectNode resource(Map<String, String> roots) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode out = mapper.createObjectNode();
    out.put("source", SOURCE);
    ObjectNode rootsNode = out.putObject("roots");
    new TreeMap<>(roots).forEach(rootsNode::put);
    Map<String, ObjectNode> types = new TreeMap<>();
    Deque<String> todo = new ArrayDeque<>(new TreeMap<>(roots).values());
    while (!todo.isEmpty()) {
      String key = todo.pop();
      if (types.containsKey(key) || !structs.containsKey(key)) {
        continue;
      }
      ObjectNode type = mapper.createObjectNode();
      types.put(key, type);
      String doc = docs.getOrDefault(key, Map.of()).get("");
      if (doc != null) {
        type.put("doc", doc);
      }
      ObjectNode fields = type.putObject("fields");
      Map<String, ObjectNode> flat = new LinkedHashMap<>();
      flatten(key, flat, mapper);
      flat.forEach(fields::set);
      flat.values()
          .forEach(
              f -> {
                if (f.has("type")) {
                  todo.add(f.get("type").asText());
                }
              });
    }
    ObjectNode typesNode = out.putObject("types");
    types.forEach(typesNode::set);
    return out;
  }

  /** The JSON fields of struct {@code key}, embedded structs' fields in their place. */
  private void flatten(String key, Map<String, ObjectNode> out, ObjectMapper mapper) {
    Map<String, String> doc = docs.getOrDefault(key, Map.of());
    for (Field f : structs.get(key).fields()) {
      String ref = f.pkg().isEmpty() ? "" : f.pkg() + "." + f.goType();
      if (f.inline()) {
        if (structs.containsKey(ref)) {
          flatten(ref, out, mapper);
        }
        continue;
      }
      ObjectNode field = mapper.createObjectNode();
      if (structs.containsKey(ref)) {
        field.put("type", ref);
      }
      String text = doc.get(f.json());
      if (text != null) {
        field.put("doc", text);
      }
      out.putIfAbsent(f.json(), field);
    }
  }
}
