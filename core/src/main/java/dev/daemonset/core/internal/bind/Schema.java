package dev.daemonset.core.internal.bind;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
 * {@link Type.Scalar}; an object of fields; {@code {"*": T}} for a free-keyed map; {@code [T]} for
 * a list.
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
      // Streaming, not databind: this runs on every CLI start, and an ObjectMapper costs more to
      // build than the whole schema costs to parse.
      try (JsonParser p = new JsonFactory().createParser(in)) {
        expect(p.nextToken(), JsonToken.START_OBJECT);
        Map<String, Type> kinds = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String field = p.currentName();
          JsonToken value = p.nextToken();
          if (field.equals("kinds")) {
            expect(value, JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String kind = p.currentName();
              p.nextToken();
              kinds.put(kind, parse(p));
            }
          } else {
            p.skipChildren();
          }
        }
        return Map.copyOf(kinds);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses the type whose first token the parser is on, in the resource notation. */
  static Type parse(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_STRING) {
      Type.Scalar s = Type.Scalar.of(p.getText());
      if (s == null) {
        throw new IllegalArgumentException("unknown scalar type " + p.getText());
      }
      return s;
    }
    if (t == JsonToken.START_ARRAY) {
      p.nextToken();
      Type element = parse(p);
      expect(p.nextToken(), JsonToken.END_ARRAY);
      return new Type.ListOf(element);
    }
    expect(t, JsonToken.START_OBJECT);
    Map<String, Type> fields = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      fields.put(name, parse(p));
    }
    if (fields.size() == 1 && fields.containsKey("*")) {
      return new Type.MapOf(fields.get("*"));
    }
    return new Type.Struct(fields);
  }

  private static void expect(@Nullable JsonToken actual, JsonToken expected) {
    if (actual != expected) {
      throw new IllegalStateException("schema.json: expected " + expected + " but found " + actual);
    }
  }
}
