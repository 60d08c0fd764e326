package dev.daemonset.core.internal.rules;

import dev.daemonset.api.model.IntOrString;
import dev.daemonset.api.model.JsonValue;
import java.util.Collection;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Renders bad values as the API server does (1.34+): Go strings quoted as {@code %q}, numbers
 * plain, everything else as Go's JSON encoder writes it (which escapes {@code <}, {@code >} and
 * {@code &}).
 */
final class Render {
  private Render() {}

  /** A Go {@code string} value, quoted as {@code %q} does. */
  static String goQuote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    s.codePoints()
        .forEach(
            cp -> {
              switch (cp) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                case 7 -> b.append("\\a");
                case 8 -> b.append("\\b");
                case 12 -> b.append("\\f");
                case 11 -> b.append("\\v");
                default -> {
                  if (cp < 0x20 || cp == 0x7f) {
                    b.append(String.format(Locale.ROOT, "\\x%02x", cp));
                  } else if (!goPrintable(cp)) {
                    b.append(
                        cp > 0xffff
                            ? String.format(Locale.ROOT, "\\U%08x", cp)
                            : String.format(Locale.ROOT, "\\u%04x", cp));
                  } else {
                    b.appendCodePoint(cp);
                  }
                }
              }
            });
    return b.append('"').toString();
  }

  /**
   * Go's {@code strconv.IsPrint}: letters, marks, numbers, punctuation, symbols and the ASCII
   * space; every other space, controls, format characters, private use and unassigned code points
   * are escaped by {@code %q}.
   */
  private static boolean goPrintable(int cp) {
    if (cp == ' ') {
      return true;
    }
    return switch (Character.getType(cp)) {
      case Character.SPACE_SEPARATOR,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR,
          Character.CONTROL,
          Character.FORMAT,
          Character.PRIVATE_USE,
          Character.SURROGATE,
          Character.UNASSIGNED ->
          false;
      default -> true;
    };
  }

  /** A string as Go's JSON encoder writes it (named string types, map values, struct fields). */
  static String jsonString(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '<', '>', '&', '\u2028', '\u2029' ->
            b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
        default -> {
          if (c < 0x20) {
            b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /** An IntOrString as JSON: {@code 1} or {@code "50%"}. */
  static String json(IntOrString v) {
    return v.isInt() ? Integer.toString(v.intValue()) : jsonString(v.stringValue());
  }

  /** A string map as JSON, keys sorted (Go's encoder sorts map keys). */
  static String json(Map<String, String> map) {
    StringBuilder b = new StringBuilder("{");
    map.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e -> {
              if (b.length() > 1) {
                b.append(',');
              }
              b.append(jsonString(e.getKey())).append(':').append(jsonString(e.getValue()));
            });
    return b.append('}').toString();
  }

  /** A string list as JSON. */
  static String json(Collection<String> list) {
    StringBuilder b = new StringBuilder("[");
    Iterator<String> it = list.iterator();
    while (it.hasNext()) {
      b.append(jsonString(it.next()));
      if (it.hasNext()) {
        b.append(',');
      }
    }
    return b.append(']').toString();
  }

  /** An untyped value as compact JSON. */
  static String json(JsonValue v) {
    return switch (v.kind()) {
      case NULL, BOOLEAN, NUMBER -> v.toString();
      case STRING -> jsonString(v.asString().orElse(""));
      case ARRAY -> {
        StringBuilder b = new StringBuilder("[");
        for (JsonValue e : v.elements()) {
          if (b.length() > 1) {
            b.append(',');
          }
          b.append(json(e));
        }
        yield b.append(']').toString();
      }
      case OBJECT -> {
        StringBuilder b = new StringBuilder("{");
        for (Map.Entry<String, JsonValue> e : v.members().entrySet()) {
          if (b.length() > 1) {
            b.append(',');
          }
          b.append(jsonString(e.getKey())).append(':').append(json(e.getValue()));
        }
        yield b.append('}').toString();
      }
    };
  }

  /** Valid values as {@code NotSupported} lists them: each Go-quoted, joined by {@code ", "}. */
  static String supported(String... values) {
    StringBuilder b = new StringBuilder();
    for (String v : values) {
      if (b.length() > 0) {
        b.append(", ");
      }
      b.append(goQuote(v));
    }
    return b.toString();
  }
}
