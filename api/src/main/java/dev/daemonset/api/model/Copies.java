package dev.daemonset.api.model;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Defensive copies shared by the model's compact constructors. */
final class Copies {
  private Copies() {}

  static <T> List<T> list(@Nullable List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  /**
   * An unmodifiable copy that iterates in key order, so iteration never depends on hashing or
   * input order. A hash map filled in key order, not a tree: label lookups are what a planner
   * does per node and per pod, and a tree compares the long shared prefixes of label keys
   * ({@code kubernetes.io/...}) at every level. A map this method made is returned as it is:
   * every {@code withX} of a record runs its constructor again.
   */
  static Map<String, String> sorted(@Nullable Map<String, String> map) {
    if (map instanceof KeyOrdered) {
      return map;
    }
    if (map == null || map.isEmpty()) {
      return Map.of();
    }
    List<Map.Entry<String, String>> entries = new ArrayList<>(map.size());
    map.forEach((k, v) -> entries.add(Map.entry(Objects.requireNonNull(k, "key"), Objects.requireNonNull(v, "value"))));
    entries.sort(Map.Entry.comparingByKey());
    LinkedHashMap<String, String> copy = new LinkedHashMap<>(entries.size() * 2);
    for (Map.Entry<String, String> e : entries) {
      copy.put(e.getKey(), e.getValue());
    }
    return new KeyOrdered(copy);
  }

  /** The maps {@link #sorted} makes: never modified, and unmodifiable through every view. */
  private static final class KeyOrdered extends AbstractMap<String, String> {
    private final Map<String, String> map;
    private final Set<Map.Entry<String, String>> entries;

    KeyOrdered(LinkedHashMap<String, String> map) {
      this.map = map;
      this.entries = Collections.unmodifiableMap(map).entrySet();
    }

    @Override
    public Set<Map.Entry<String, String>> entrySet() {
      return entries;
    }

    @Override
    public @Nullable String get(@Nullable Object key) {
      return map.get(key);
    }

    @Override
    public boolean containsKey(@Nullable Object key) {
      return map.containsKey(key);
    }

    @Override
    public int size() {
      return map.size();
    }
  }

  /** An insertion-ordered, unmodifiable copy of untyped fields. */
  static Map<String, JsonValue> other(@Nullable Map<String, JsonValue> map) {
    if (map == null || map.isEmpty()) {
      return Map.of();
    }
    LinkedHashMap<String, JsonValue> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "key"), Objects.requireNonNull(v, "value")));
    return Collections.unmodifiableMap(copy);
  }

  static String str(@Nullable String s) {
    return s == null ? "" : s;
  }
}
