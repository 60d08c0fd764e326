package dev.daemonset.core.internal.bind;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Kubernetes-notation field paths: {@code spec.containers[0].image}, {@code metadata.labels[app]}.
 */
final class Paths {
  private Paths() {}

  /** The path of struct field {@code name} under {@code parent}. */
  static String field(String parent, String name) {
    if (!isIdentifier(name)) {
      return entry(parent, name);
    }
    return parent.isEmpty() ? name : parent + "." + name;
  }

  /**
   * True if {@code name} matches {@code [A-Za-z_$][A-Za-z0-9_$]*}; a loop, not a regex, since it
   * runs for every field of every document.
   */
  static boolean isIdentifier(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == '$';
      if (!letter && (i == 0 || c < '0' || c > '9')) {
        return false;
      }
    }
    return true;
  }

  /** The path of map entry {@code key} under {@code parent}. */
  static String entry(String parent, String key) {
    return parent + "[" + key + "]";
  }

  /** The path of list item {@code index} under {@code parent}. */
  static String item(String parent, int index) {
    return parent + "[" + index + "]";
  }

  /**
   * Renders path segments (keys as strings, indexes as integers), using {@code type} to tell struct
   * fields from map entries; where the type is unknown, identifiers are fields.
   */
  static String render(@Nullable Type type, List<Object> segments) {
    String path = "";
    Type t = type;
    for (Object s : segments) {
      if (s instanceof Integer i) {
        path = item(path, i);
        t = t instanceof Type.ListOf l ? l.element() : null;
      } else {
        String key = (String) s;
        if (t instanceof Type.MapOf m) {
          path = entry(path, key);
          t = m.value();
        } else {
          path = field(path, key);
          t = t instanceof Type.Struct st ? st.field(key) : null;
        }
      }
    }
    return path;
  }
}
