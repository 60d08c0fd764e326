package dev.daemonset.core.internal.json;

/** JSON string literals. */
public final class JsonStrings {
  private JsonStrings() {}

  /**
   * Appends {@code s} as a JSON string literal that is also a valid YAML double-quoted scalar:
   * quotes, backslashes and control characters escaped, and so are the characters YAML readers
   * treat specially (DEL, C1 controls, line and paragraph separators, the byte-order mark, lone
   * surrogates).
   */
  public static void quote(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20
              || c == 0x7F
              || (c >= 0x80 && c <= 0x9F)
              || c == '\u2028'
              || c == '\u2029'
              || c == '\uFEFF'
              || (Character.isSurrogate(c) && !validPair(s, i))) {
            out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static boolean validPair(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }
}
