package dev.daemonset.core.render;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import dev.daemonset.api.model.JsonValue;
import dev.daemonset.api.model.KubernetesObject;
import dev.daemonset.core.internal.bind.Binder;
import dev.daemonset.core.internal.json.JsonStrings;
import dev.daemonset.core.internal.tree.YamlScalars;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Writes model objects as Kubernetes JSON or YAML, deterministically.
 *
 * <p>Guarantees: fields use Kubernetes names and Kubernetes' declaration order; typed fields
 * holding Go's zero value (empty string, 0, false, empty list or map, absent) are omitted as Go's
 * {@code omitempty} would; every field kept in an {@code other} map is written back in its place.
 * YAML output quotes every string that kubectl would otherwise read as a boolean, number or null
 * ({@code "yes"}, {@code "0640"}, {@code "1.0"}), so {@code kubectl create -f} reads back exactly
 * what was written; reading the output with {@code ManifestReader} gives an equal object. Stateless
 * and thread-safe.
 *
 * <p>Example: {@code String yaml = ManifestWriter.toYaml(pod);}
 *
 * @since 0.2
 */
@API(status = STABLE, since = "0.2")
public final class ManifestWriter {
  private ManifestWriter() {}

  /** The object as pretty-printed JSON (two-space indent, final newline). */
  public static String toJson(KubernetesObject object) {
    StringBuilder out = new StringBuilder();
    json(tree(object), 0, out);
    return out.append('\n').toString();
  }

  /** The object as one YAML document (block style, two-space indent, final newline). */
  public static String toYaml(KubernetesObject object) {
    StringBuilder out = new StringBuilder();
    JsonValue.Obj root = tree(object);
    if (root.members().isEmpty()) {
      return "{}\n";
    }
    yamlMembers(root, 0, out);
    return out.toString();
  }

  /** The object as a JSON tree, in Kubernetes field order. */
  public static JsonValue.Obj tree(KubernetesObject object) {
    requireNonNull(object, "object");
    JsonValue.Obj raw = ToTree.of(object);
    return Binder.canonicalOrder(
        object.objectKind().apiVersion() + "/" + object.objectKind().kind(), raw);
  }

  private static void json(JsonValue v, int indent, StringBuilder out) {
    switch (v.kind()) {
      case OBJECT -> {
        Map<String, JsonValue> m = v.members();
        if (m.isEmpty()) {
          out.append("{}");
          return;
        }
        out.append("{\n");
        int i = 0;
        for (Map.Entry<String, JsonValue> e : m.entrySet()) {
          out.append("  ".repeat(indent + 1));
          JsonStrings.quote(e.getKey(), out);
          out.append(": ");
          json(e.getValue(), indent + 1, out);
          out.append(++i < m.size() ? ",\n" : "\n");
        }
        out.append("  ".repeat(indent)).append('}');
      }
      case ARRAY -> {
        List<JsonValue> l = v.elements();
        if (l.isEmpty()) {
          out.append("[]");
          return;
        }
        out.append("[\n");
        for (int i = 0; i < l.size(); i++) {
          out.append("  ".repeat(indent + 1));
          json(l.get(i), indent + 1, out);
          out.append(i + 1 < l.size() ? ",\n" : "\n");
        }
        out.append("  ".repeat(indent)).append(']');
      }
      case STRING -> JsonStrings.quote(((JsonValue.Str) v).value(), out);
      default -> out.append(v);
    }
  }

  private static void yamlMembers(JsonValue.Obj obj, int indent, StringBuilder out) {
    boolean first = true;
    for (Map.Entry<String, JsonValue> e : obj.members().entrySet()) {
      if (!first) {
        out.append("  ".repeat(indent));
      }
      first = false;
      yamlScalarText(e.getKey(), out);
      out.append(':');
      yamlValue(e.getValue(), indent, out);
    }
  }

  /** Writes a value after "key:" or "-", including the line end. */
  private static void yamlValue(JsonValue v, int indent, StringBuilder out) {
    if (v instanceof JsonValue.Obj o && !o.members().isEmpty()) {
      out.append('\n').append("  ".repeat(indent + 1));
      yamlMembers(o, indent + 1, out);
    } else if (v instanceof JsonValue.Arr a && !a.elements().isEmpty()) {
      out.append('\n');
      yamlItems(a, indent, out);
    } else {
      out.append(' ');
      yamlScalar(v, out);
      out.append('\n');
    }
  }

  private static void yamlItems(JsonValue.Arr a, int indent, StringBuilder out) {
    for (JsonValue item : a.elements()) {
      out.append("  ".repeat(indent)).append('-');
      if (item instanceof JsonValue.Obj o && !o.members().isEmpty()) {
        out.append(' ');
        yamlMembers(o, indent + 1, out);
      } else if (item instanceof JsonValue.Arr inner && !inner.elements().isEmpty()) {
        out.append('\n');
        yamlItems(inner, indent + 1, out);
      } else {
        out.append(' ');
        yamlScalar(item, out);
        out.append('\n');
      }
    }
  }

  private static void yamlScalar(JsonValue v, StringBuilder out) {
    switch (v.kind()) {
      case OBJECT -> out.append("{}");
      case ARRAY -> out.append("[]");
      case STRING -> yamlScalarText(((JsonValue.Str) v).value(), out);
      default -> out.append(v);
    }
  }

  /**
   * A string as a plain scalar when kubectl reads it back as the same string, else double-quoted.
   */
  private static void yamlScalarText(String s, StringBuilder out) {
    if (plainIsSafe(s)) {
      out.append(s);
    } else {
      JsonStrings.quote(s, out);
    }
  }

  static boolean plainIsSafe(String s) {
    if (s.isEmpty()
        || s.length() > 200
        || YamlScalars.NON_FINITE.contains(s)
        || !(YamlScalars.resolvePlain(s) instanceof JsonValue.Str)
        || YamlScalars.ambiguity(s, JsonValue.of(s)) != null) {
      return false;
    }
    char c = s.charAt(0);
    if ("-?:,[]{}#&*!|>'\"%@` \t".indexOf(c) >= 0
        || s.endsWith(" ")
        || s.endsWith(":")
        || s.contains(": ")
        || s.contains(" #")
        || s.equals("<<")
        || s.startsWith("...")) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch < 0x20
          || ch == 0x7F
          || (ch >= 0x80 && ch <= 0x9F)
          || ch == '\uFEFF'
          || ch == '\u2028'
          || ch == '\u2029') {
        return false;
      }
    }
    return true;
  }
}
