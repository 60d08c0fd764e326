package dev.daemonset.api.model;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A JSON value, immutable: how the model keeps the fields it does not type, so that reading and
 * writing an object loses nothing.
 *
 * <p>Objects keep their keys in the order they were written. Numbers keep their literal text
 * ({@code 0640} read by kubectl's YAML rules is {@code 416}; {@code 1.50} stays {@code 1.50}).
 * Switch on {@link #kind()} (Java 17) or pattern-match the sealed variants (Java 21+).
 *
 * @since 0.2
 */
@API(status = STABLE, since = "0.2")
public sealed interface JsonValue
    permits JsonValue.Null,
        JsonValue.Bool,
        JsonValue.Num,
        JsonValue.Str,
        JsonValue.Arr,
        JsonValue.Obj {

  /** The variant, for a {@code switch} on Java 17. */
  Kind kind();

  /** The kinds of JSON value. */
  enum Kind {
    NULL,
    BOOLEAN,
    NUMBER,
    STRING,
    ARRAY,
    OBJECT
  }

  /** JSON {@code null}. */
  // Error Prone's ClassInitializationDeadlock: Null implements this interface, which has default
  // methods, so two threads that first touch JsonValue.NULL and new Null() at once could deadlock.
  // Removing the constant is an API change, left to the API's owners (reported on issue #18).
  @SuppressWarnings("ClassInitializationDeadlock")
  Null NULL = new Null();

  /** {@code true} or {@code false}. */
  static Bool of(boolean value) {
    return value ? Bool.TRUE : Bool.FALSE;
  }

  /** A string. */
  static Str of(String value) {
    return new Str(value);
  }

  /** An integer. */
  static Num of(long value) {
    return new Num(Long.toString(value));
  }

  /** The string content if this is a string. */
  default Optional<String> asString() {
    return this instanceof Str s ? Optional.of(s.value()) : Optional.empty();
  }

  /** The members if this is an object, else empty. */
  default Map<String, JsonValue> members() {
    return this instanceof Obj o ? o.members() : Map.of();
  }

  /** The elements if this is an array, else empty. */
  default List<JsonValue> elements() {
    return this instanceof Arr a ? a.elements() : List.of();
  }

  /** JSON {@code null}. Use the {@link #NULL} constant. */
  record Null() implements JsonValue {
    @Override
    public Kind kind() {
      return Kind.NULL;
    }

    @Override
    public String toString() {
      return "null";
    }
  }

  /** A boolean. */
  record Bool(boolean value) implements JsonValue {
    static final Bool TRUE = new Bool(true);
    static final Bool FALSE = new Bool(false);

    @Override
    public Kind kind() {
      return Kind.BOOLEAN;
    }

    @Override
    public String toString() {
      return Boolean.toString(value);
    }
  }

  /**
   * A number, kept as its canonical JSON literal (an integer as decimal digits, anything else as
   * written), so no precision is lost.
   */
  record Num(String literal) implements JsonValue {
    public Num {
      requireNonNull(literal, "literal");
      if (!isJsonNumber(literal)) {
        throw new IllegalArgumentException("not a JSON number literal: " + literal);
      }
    }

    /**
     * RFC 8259's {@code number}: {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}, checked by
     * hand (every number of every manifest passes here, and a matcher per number was a tenth of
     * what reading one allocated).
     */
    private static boolean isJsonNumber(String s) {
      int n = s.length();
      int i = 0;
      if (i < n && s.charAt(i) == '-') {
        i++;
      }
      if (i < n && s.charAt(i) == '0') {
        i++;
      } else if (i < n && s.charAt(i) >= '1' && s.charAt(i) <= '9') {
        i = digits(s, i);
      } else {
        return false;
      }
      if (i < n && s.charAt(i) == '.') {
        int from = i + 1;
        i = digits(s, from);
        if (i == from) {
          return false;
        }
      }
      if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
        i++;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
          i++;
        }
        int from = i;
        i = digits(s, from);
        if (i == from) {
          return false;
        }
      }
      return i == n;
    }

    /** The index after the run of ASCII digits starting at {@code from}. */
    private static int digits(String s, int from) {
      int i = from;
      while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        i++;
      }
      return i;
    }

    @Override
    public Kind kind() {
      return Kind.NUMBER;
    }

    /** The value as a {@link BigDecimal}. */
    public BigDecimal decimal() {
      return new BigDecimal(literal);
    }

    /** True if the literal has no fraction or exponent. */
    public boolean isIntegral() {
      return literal.indexOf('.') < 0 && literal.indexOf('e') < 0 && literal.indexOf('E') < 0;
    }

    @Override
    public String toString() {
      return literal;
    }
  }

  /** A string. */
  record Str(String value) implements JsonValue {
    public Str {
      requireNonNull(value, "value");
    }

    @Override
    public Kind kind() {
      return Kind.STRING;
    }

    /**
     * The string as a JSON literal: quoted, with quotes, backslashes and control characters
     * escaped.
     */
    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c == '"' || c == '\\') {
          sb.append('\\').append(c);
        } else if (c < 0x20) {
          sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
        } else {
          sb.append(c);
        }
      }
      return sb.append('"').toString();
    }
  }

  /** An array. */
  record Arr(List<JsonValue> elements) implements JsonValue {
    public Arr {
      elements = List.copyOf(elements);
    }

    @Override
    public Kind kind() {
      return Kind.ARRAY;
    }

    @Override
    public String toString() {
      return elements.toString();
    }
  }

  /** An object; members keep the order in which they were written. */
  record Obj(Map<String, JsonValue> members) implements JsonValue {
    public static final Obj EMPTY = new Obj(Map.of());

    public Obj {
      LinkedHashMap<String, JsonValue> copy = new LinkedHashMap<>();
      members.forEach(
          (k, v) -> copy.put(requireNonNull(k, "key"), requireNonNull(v, "value of " + k)));
      members = Collections.unmodifiableMap(copy);
    }

    @Override
    public Kind kind() {
      return Kind.OBJECT;
    }

    @Override
    public String toString() {
      return members.toString();
    }
  }
}
