package dev.daemonset.core.bind;

import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Kubernetes-notation field paths: {@code spec.containers[0].image}, {@code metadata.labels[app]}. */
final class Paths {
  private Paths() {}

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

  /** The path of struct field {@code name} under {@code parent}. */
  static String field(String parent, String name) {
    if (!IDENTIFIER.matcher(name).matches()) {
      return entry(parent, name);
    }
    return parent.isEmpty() ? name : parent + "." + name;
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
   * Renders path segments (keys as strings, indexes as integers), using {@code type} to tell
   * struct fields from map entries; where the type is unknown, identifiers are fields.
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
