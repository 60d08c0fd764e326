package dev.daemonset.api.model;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Defensive copies shared by the model's compact constructors. Each rejects {@code null} with a
 * {@link NullPointerException} that names the component: absent collections are empty, absent
 * strings {@code ""}, as the model's conventions say.
 */
final class Copies {
  private Copies() {}

  static <T> List<T> list(List<T> list, String component) {
    return List.copyOf(Objects.requireNonNull(list, component));
  }

  /**
   * An unmodifiable copy that iterates in key order, so iteration never depends on hashing or input
   * order. A map this method made is returned as it is: every {@code withX} of a record runs its
   * constructor again.
   */
  static Map<String, String> sorted(Map<String, String> map, String component) {
    Objects.requireNonNull(map, component);
    if (map instanceof KeyOrdered) {
      return map;
    }
    if (map.isEmpty()) {
      return Map.of();
    }
    String[] keys = new String[map.size()];
    int n = 0;
    for (String k : map.keySet()) {
      keys[n++] = Objects.requireNonNull(k, "key");
    }
    Arrays.sort(keys); // the keys are unique, so their order alone decides
    String[] values = new String[n];
    for (int i = 0; i < n; i++) {
      values[i] = Objects.requireNonNull(map.get(keys[i]), "value");
    }
    return new KeyOrdered(keys, values);
  }

  /**
   * The maps {@link #sorted} makes: keys and values in two arrays in key order, with the keys'
   * hashes beside them. Labels are what a planner looks up per node and per pod: a small map is
   * searched by hash in one array (a tree compares the long shared prefixes of label keys such as
   * {@code kubernetes.io/} at every level, a hash map costs several times the memory), a large one
   * by binary search. Never modified; unmodifiable through every view.
   */
  private static final class KeyOrdered extends AbstractMap<String, String> {
    private static final int SCANNED = 16;
    private final String[] keys;
    private final String[] values;
    private final int[] hashes;

    /** Takes both arrays as they are: {@code keys} sorted, {@code values} in the same order. */
    KeyOrdered(String[] keys, String[] values) {
      this.keys = keys;
      this.values = values;
      hashes = new int[keys.length];
      for (int i = 0; i < keys.length; i++) {
        hashes[i] = keys[i].hashCode();
      }
    }

    private int indexOf(@Nullable Object key) {
      if (!(key instanceof String k)) {
        return -1;
      }
      if (keys.length > SCANNED) {
        return Math.max(-1, Arrays.binarySearch(keys, k));
      }
      int h = k.hashCode();
      for (int i = 0; i < hashes.length; i++) {
        if (hashes[i] == h && keys[i].equals(k)) {
          return i;
        }
      }
      return -1;
    }

    @Override
    public @Nullable String get(@Nullable Object key) {
      int i = indexOf(key);
      return i < 0 ? null : values[i];
    }

    @Override
    public boolean containsKey(@Nullable Object key) {
      return indexOf(key) >= 0;
    }

    @Override
    public int size() {
      return keys.length;
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super String> action) {
      for (int i = 0; i < keys.length; i++) {
        action.accept(keys[i], values[i]);
      }
    }

    @Override
    public Set<Map.Entry<String, String>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public Iterator<Map.Entry<String, String>> iterator() {
          return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
              return next < keys.length;
            }

            @Override
            public Map.Entry<String, String> next() {
              if (next >= keys.length) {
                throw new NoSuchElementException();
              }
              Map.Entry<String, String> e = Map.entry(keys[next], values[next]);
              next++;
              return e;
            }
          };
        }

        @Override
        public int size() {
          return keys.length;
        }
      };
    }
  }

  /** An insertion-ordered, unmodifiable copy of untyped fields. */
  static Map<String, JsonValue> other(Map<String, JsonValue> map, String component) {
    if (Objects.requireNonNull(map, component).isEmpty()) {
      return Map.of();
    }
    LinkedHashMap<String, JsonValue> copy = new LinkedHashMap<>();
    map.forEach(
        (k, v) -> copy.put(Objects.requireNonNull(k, "key"), Objects.requireNonNull(v, "value")));
    return Collections.unmodifiableMap(copy);
  }

  static String str(String s, String component) {
    return Objects.requireNonNull(s, component);
  }
}
