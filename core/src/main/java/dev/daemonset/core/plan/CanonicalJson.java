package dev.daemonset.core.plan;

import dev.daemonset.api.model.JsonValue;
import dev.daemonset.api.model.KubernetesObject;
import dev.daemonset.api.model.PodTemplateSpec;
import dev.daemonset.core.internal.json.JsonStrings;
import dev.daemonset.core.internal.json.ModelJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A canonical JSON form of model objects, for comparing a template with a ControllerRevision's data
 * and for the planner's own template hash.
 *
 * <p>A model object becomes JSON by the one mapping that rendering uses too ({@link ModelJson}:
 * every field named explicitly, Go's {@code omitempty} for absent values). {@link #normalize} then
 * drops nulls and empty strings, arrays and objects on either side and sorts object keys, so that
 * server-written data ({@code "creationTimestamp": null}, {@code "resources": {}}) compares equal.
 * {@link #text} prints the normal form with sorted keys and no whitespace.
 */
final class CanonicalJson {
  private CanonicalJson() {}

  /** The pod template as Kubernetes JSON, in normal form ({@code null} if nothing is set). */
  static @Nullable JsonValue template(PodTemplateSpec template) {
    return normalize(ModelJson.template(template));
  }

  /**
   * Nulls, empty strings and empty arrays and objects dropped (recursively), keys sorted; {@code
   * null} if nothing is left.
   */
  static @Nullable JsonValue normalize(@Nullable JsonValue value) {
    if (value == null) {
      return null;
    }
    switch (value.kind()) {
      case NULL:
        return null;
      case STRING:
        return value.asString().orElse("").isEmpty() ? null : value;
      case ARRAY:
        {
          List<JsonValue> out = new ArrayList<>();
          for (JsonValue e : value.elements()) {
            JsonValue n = normalize(e);
            out.add(n == null ? JsonValue.NULL : n);
          }
          return out.isEmpty() ? null : new JsonValue.Arr(out);
        }
      case OBJECT:
        {
          TreeMap<String, JsonValue> out = new TreeMap<>();
          value
              .members()
              .forEach(
                  (k, v) -> {
                    JsonValue n = normalize(v);
                    if (n != null) {
                      out.put(k, n);
                    }
                  });
          return out.isEmpty() ? null : new JsonValue.Obj(out);
        }
      default:
        return value;
    }
  }

  /**
   * Orders two objects (nodes, pods) by their canonical JSON: equal objects tie, and two different
   * objects under one name get an order that never depends on the input's.
   */
  static int compareByContent(KubernetesObject a, KubernetesObject b) {
    return a.equals(b) ? 0 : text(ModelJson.of(a)).compareTo(text(ModelJson.of(b)));
  }

  /** Compact JSON text of {@code value} in normal form, keys in sorted order. */
  static String text(@Nullable JsonValue value) {
    StringBuilder out = new StringBuilder();
    write(normalize(value), out);
    return out.toString();
  }

  private static void write(@Nullable JsonValue v, StringBuilder out) {
    if (v == null) {
      out.append("null");
      return;
    }
    switch (v.kind()) {
      case STRING -> JsonStrings.quote(v.asString().orElse(""), out);
      case ARRAY -> {
        out.append('[');
        boolean first = true;
        for (JsonValue e : v.elements()) {
          if (!first) {
            out.append(',');
          }
          first = false;
          write(e, out);
        }
        out.append(']');
      }
      case OBJECT -> {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, JsonValue> e : new TreeMap<>(v.members()).entrySet()) {
          if (!first) {
            out.append(',');
          }
          first = false;
          JsonStrings.quote(e.getKey(), out);
          out.append(':');
          write(e.getValue(), out);
        }
        out.append('}');
      }
      default -> out.append(v);
    }
  }
}
