package dev.daemonset.core.plan;

import dev.daemonset.api.model.IntOrString;
import dev.daemonset.api.model.JsonValue;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The planner's former model to JSON mapping, kept in test code only as the oracle that the one
 * mapping ({@code internal.json.ModelJson}) gives every template the same canonical text, and so
 * the same revision hash, as before: it named the JSON fields after the record components, by
 * reflection (a component rename would have changed the hash silently; that is why it went).
 */
final class ReflectiveJson {
  private ReflectiveJson() {}

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
}
