package dev.daemonset.core.bind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The known fields of the kinds we bind, loaded from {@code schema.json} beside this class.
 *
 * <p>That resource is derived from the kubernetes/api round-trip fixtures (testdata, commit
 * 10b39a39bcee, Apache-2.0), which set every field once; {@code SchemaResourceTest} derives it
 * again and fails if the two differ. Notation: {@code "string"} and the other scalar labels of
 * {@link Type.Scalar}; an object of fields; {@code {"*": T}} for a free-keyed map;
 * {@code [T]} for a list.
 */
final class Schema {

  private static final Map<String, Type> KINDS = load();

  private Schema() {}

  /** The type of {@code apiVersion}/{@code kind}, e.g. {@code apps/v1/DaemonSet}, or null. */
  static @Nullable Type kind(String key) {
    return KINDS.get(key);
  }

  private static Map<String, Type> load() {
    try (InputStream in = Schema.class.getResourceAsStream("schema.json")) {
      if (in == null) {
        throw new IllegalStateException("schema.json missing from the classpath");
      }
      JsonNode root = new ObjectMapper().readTree(in);
      Map<String, Type> kinds = new LinkedHashMap<>();
      root.get("kinds").properties().forEach(e -> kinds.put(e.getKey(), parse(e.getValue())));
      return Map.copyOf(kinds);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses one type in the resource notation. */
  static Type parse(JsonNode n) {
    if (n.isTextual()) {
      Type.Scalar s = Type.Scalar.of(n.asText());
      if (s == null) {
        throw new IllegalArgumentException("unknown scalar type " + n.asText());
      }
      return s;
    }
    if (n.isArray()) {
      return new Type.ListOf(parse(n.get(0)));
    }
    if (n.size() == 1 && n.has("*")) {
      return new Type.MapOf(parse(n.get("*")));
    }
    Map<String, Type> fields = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : n.properties()) {
      fields.put(e.getKey(), parse(e.getValue()));
    }
    return new Type.Struct(fields);
  }
}
