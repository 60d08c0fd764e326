package dev.daemonset.cli.lsp;

import dev.daemonset.core.internal.bind.FieldSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Kubernetes-notation paths ({@code spec.containers[0].image}, {@code metadata.labels[app]}) split
 * into steps.
 */
final class Paths {
  private Paths() {}

  /**
   * The steps of a path: field names, and bracketed parts (list indexes, map keys) with their
   * brackets.
   */
  static List<String> steps(String path) {
    List<String> out = new ArrayList<>();
    int i = 0;
    StringBuilder field = new StringBuilder();
    while (i < path.length()) {
      char c = path.charAt(i);
      if (c == '.') {
        if (field.length() > 0) {
          out.add(field.toString());
          field.setLength(0);
        }
        i++;
      } else if (c == '[') {
        if (field.length() > 0) {
          out.add(field.toString());
          field.setLength(0);
        }
        int depth = 0;
        int j = i;
        for (; j < path.length(); j++) {
          if (path.charAt(j) == '[') {
            depth++;
          } else if (path.charAt(j) == ']' && --depth == 0) {
            break;
          }
        }
        out.add(path.substring(i, Math.min(j + 1, path.length())));
        i = j + 1;
      } else {
        field.append(c);
        i++;
      }
    }
    if (field.length() > 0) {
      out.add(field.toString());
    }
    return out;
  }

  /** The reader's schema at {@code steps} from a kind's root, if the path is known to it. */
  static Optional<FieldSchema> schema(String apiVersion, String kind, List<String> steps) {
    Optional<FieldSchema> s = FieldSchema.kind(apiVersion, kind);
    for (String step : steps) {
      if (s.isEmpty()) {
        return s;
      }
      s =
          step.startsWith("[") || s.get().shape() == FieldSchema.Shape.MAP
              ? s.get().element()
              : s.get().field(step);
    }
    return s;
  }
}
