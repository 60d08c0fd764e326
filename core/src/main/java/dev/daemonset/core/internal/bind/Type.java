package dev.daemonset.core.internal.bind;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The wire type of a field, as far as strict decoding cares: an object with known fields, a
 * free-keyed map, a list, or a scalar kind.
 */
sealed interface Type permits Type.Struct, Type.MapOf, Type.ListOf, Type.Scalar {

  /** An object whose fields are known, in Kubernetes' declaration order. */
  record Struct(Map<String, Type> fields) implements Type {
    public Struct {
      fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    @Nullable Type field(String name) {
      return fields.get(name);
    }
  }

  /** A map with free keys (labels, annotations, nodeSelector, resource lists, ...). */
  record MapOf(Type value) implements Type {
    public MapOf {
      requireNonNull(value, "value");
    }
  }

  /** A list. */
  record ListOf(Type element) implements Type {
    public ListOf {
      requireNonNull(element, "element");
    }
  }

  /** Scalar kinds, named as in the schema resource. */
  enum Scalar implements Type {
    STRING("string"),
    INTEGER("integer"),
    INT32("int32"),
    BOOLEAN("boolean"),
    NUMBER("number"),
    TIME("time"),
    QUANTITY("quantity"),
    INT_OR_STRING("int-or-string"),
    ANY("any");

    final String label;

    Scalar(String label) {
      this.label = label;
    }

    static @Nullable Scalar of(String label) {
      for (Scalar s : values()) {
        if (s.label.equals(label)) {
          return s;
        }
      }
      return null;
    }
  }
}
