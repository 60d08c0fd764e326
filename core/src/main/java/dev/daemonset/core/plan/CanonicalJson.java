package dev.daemonset.core.plan;

import dev.daemonset.api.model.IntOrString;
import dev.daemonset.api.model.JsonValue;
import dev.daemonset.core.internal.json.JsonStrings;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A canonical JSON form of model objects, for comparing a template with a ControllerRevision's data
 * and for the planner's own template hash.
 *
 * <p>A model record becomes a JSON object of its components under their Kubernetes names (the
 * untyped {@code other} fields merged in; {@code NodeAffinity.requiredTerms} and the {@code
 * SecurityContext} capabilities restored to their Kubernetes nesting). Absent values are left out
 * as Go's {@code omitempty} would: {@code null}, {@code ""}, empty collections, and primitive
 * {@code 0} / {@code false} (a boxed, explicitly written {@code 0} or {@code false} stays). {@link
 * #normalize} then drops nulls and empty strings, arrays and objects on either side and sorts
 * object keys, so that server-written data ({@code "creationTimestamp": null}, {@code "resources":
 * {}}) compares equal. {@link #text} prints the normal form with sorted keys and no whitespace.
 */
final class CanonicalJson {
  private CanonicalJson() {}

  /** The model value as JSON, {@code null} when absent. */
  static @Nullable JsonValue of(@Nullable Object value, boolean primitive) {
    if (value == null) {
      return null;
    }
    if (value instanceof JsonValue j) {
      return j;
    }
    if (value instanceof String s) {
      return s.isEmpty() ? null : JsonValue.of(s);
    }
    if (value instanceof Boolean b) {
      return primitive && !b ? null : JsonValue.of(b);
    }
    if (value instanceof Integer || value instanceof Long) {
      long n = ((Number) value).longValue();
      return primitive && n == 0 ? null : JsonValue.of(n);
    }
    if (value instanceof Instant t) {
      return JsonValue.of(t.toString());
    }
    if (value instanceof IntOrString i) {
      return i.isInt() ? JsonValue.of(i.intValue()) : JsonValue.of(i.stringValue());
    }
    if (value instanceof Map<?, ?> m) {
      Map<String, JsonValue> members = new LinkedHashMap<>();
      m.forEach((k, v) -> put(members, String.valueOf(k), of(v, false)));
      return members.isEmpty() ? null : new JsonValue.Obj(members);
    }
    if (value instanceof Collection<?> c) {
      List<JsonValue> elements = new ArrayList<>(c.size());
      for (Object o : c) {
        JsonValue j = of(o, false);
        elements.add(j == null ? JsonValue.NULL : j);
      }
      return elements.isEmpty() ? null : new JsonValue.Arr(elements);
    }
    if (value instanceof Record r) {
      return record(r);
    }
    throw new IllegalStateException("no JSON form for " + value.getClass());
  }

  private static @Nullable JsonValue record(Record r) {
    Map<String, JsonValue> members = new LinkedHashMap<>();
    String type = r.getClass().getSimpleName();
    for (RecordComponent c : r.getClass().getRecordComponents()) {
      Object v;
      try {
        v = c.getAccessor().invoke(r);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + c, e);
      }
      String name = c.getName();
      JsonValue j = of(v, c.getType().isPrimitive());
      if ("other".equals(name)) {
        if (j != null) {
          j.members().forEach((k, x) -> put(members, k, x));
        }
      } else if ("NodeAffinity".equals(type) && "requiredTerms".equals(name)) {
        if (v != null) {
          put(
              members,
              "requiredDuringSchedulingIgnoredDuringExecution",
              new JsonValue.Obj(
                  Map.of("nodeSelectorTerms", j == null ? new JsonValue.Arr(List.of()) : j)));
        }
      } else if ("NodeAffinity".equals(type) && "preferred".equals(name)) {
        put(members, "preferredDuringSchedulingIgnoredDuringExecution", j);
      } else if ("SecurityContext".equals(type) && name.startsWith("capabilities")) {
        if (j != null) {
          Map<String, JsonValue> caps =
              new LinkedHashMap<>(
                  members.getOrDefault("capabilities", JsonValue.Obj.EMPTY).members());
          caps.put("capabilitiesAdd".equals(name) ? "add" : "drop", j);
          members.put("capabilities", new JsonValue.Obj(caps));
        }
      } else {
        put(members, name, j);
      }
    }
    return members.isEmpty() ? null : new JsonValue.Obj(members);
  }

  private static void put(Map<String, JsonValue> members, String key, @Nullable JsonValue value) {
    if (value != null) {
      members.put(key, value);
    }
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
   * Orders two objects (records of the model) by their canonical JSON: equal objects tie, and two
   * different objects under one name get an order that never depends on the input's.
   */
  static int compareByContent(Object a, Object b) {
    return a.equals(b) ? 0 : text(of(a, false)).compareTo(text(of(b, false)));
  }

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
