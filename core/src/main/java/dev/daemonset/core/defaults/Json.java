package dev.daemonset.core.defaults;

import dev.daemonset.api.model.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Small immutable edits of untyped JSON objects, for the defaults of fields the model keeps
 * untyped.
 */
final class Json {
  private Json() {}

  /**
   * {@code members} with {@code key} edited by {@code edit} when it holds an object; else
   * unchanged.
   */
  static Map<String, JsonValue> editObject(
      Map<String, JsonValue> members, String key, UnaryOperator<Map<String, JsonValue>> edit) {
    JsonValue v = members.get(key);
    if (!(v instanceof JsonValue.Obj o)) {
      return members;
    }
    Map<String, JsonValue> edited = edit.apply(o.members());
    if (edited == o.members()) {
      return members; // nothing to default (the common case): spare copying both maps
    }
    Map<String, JsonValue> copy = new LinkedHashMap<>(members);
    copy.put(key, new JsonValue.Obj(edited));
    return copy;
  }

  /**
   * {@code members} with each object element of the array at {@code key} edited by {@code edit}.
   */
  static Map<String, JsonValue> editElements(
      Map<String, JsonValue> members, String key, UnaryOperator<Map<String, JsonValue>> edit) {
    JsonValue v = members.get(key);
    if (!(v instanceof JsonValue.Arr a)) {
      return members;
    }
    Map<String, JsonValue> copy = new LinkedHashMap<>(members);
    copy.put(
        key,
        new JsonValue.Arr(
            a.elements().stream()
                .map(
                    e ->
                        e instanceof JsonValue.Obj o
                            ? new JsonValue.Obj(edit.apply(o.members()))
                            : e)
                .toList()));
    return copy;
  }

  /** {@code members} with {@code key} set to {@code value} if it is absent or {@code null}. */
  static Map<String, JsonValue> orDefault(
      Map<String, JsonValue> members, String key, JsonValue value) {
    JsonValue v = members.get(key);
    if (v != null && v.kind() != JsonValue.Kind.NULL) {
      return members;
    }
    Map<String, JsonValue> copy = new LinkedHashMap<>(members);
    copy.put(key, value);
    return copy;
  }

  /**
   * {@link #orDefault} for a Go {@code string} field (not a pointer): the empty string is its zero
   * value, so upstream's defaulting replaces a written {@code ""} too.
   */
  static Map<String, JsonValue> orDefaultString(
      Map<String, JsonValue> members, String key, String value) {
    if (members.get(key) instanceof JsonValue.Str s && s.value().isEmpty()) {
      Map<String, JsonValue> copy = new LinkedHashMap<>(members);
      copy.put(key, JsonValue.of(value));
      return copy;
    }
    return orDefault(members, key, JsonValue.of(value));
  }

  /** {@link #orDefault} for several keys, given as key, value pairs. */
  static Map<String, JsonValue> orDefaults(
      Map<String, JsonValue> members, Object... keysAndValues) {
    Map<String, JsonValue> result = members;
    for (int i = 0; i < keysAndValues.length; i += 2) {
      result = orDefault(result, (String) keysAndValues[i], (JsonValue) keysAndValues[i + 1]);
    }
    return result;
  }
}
