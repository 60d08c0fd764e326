package dev.daemonset.core.internal.tree;

import dev.daemonset.api.Diagnostic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields whose value the reader reported and left out of the model: a value of the wrong type
 * ({@code invalid-type}) or a YAML value with no JSON form ({@code unsupported-value}). The API
 * server would stop at such a value with a decoding error; we go on to validate and lint the rest,
 * and a later finding at that field or under it would be about the hole the reader left, not about
 * anything written there: {@code containerPort: "abc"} would also get {@code containerPort:
 * Required value}. {@link #without} drops those echoes, so each wrong value is reported once.
 */
public final class DroppedValues {
  private static final Set<String> DROPPING =
      Set.of(ReaderCode.INVALID_TYPE.id(), ReaderCode.UNSUPPORTED_VALUE.id());

  private final Map<Integer, Set<String>> pathsByDocument;

  private DroppedValues(Map<Integer, Set<String>> pathsByDocument) {
    this.pathsByDocument = pathsByDocument;
  }

  /** The fields left out, from the reader's findings (findings of other kinds are ignored). */
  public static DroppedValues of(List<Diagnostic> readerFindings) {
    Map<Integer, Set<String>> paths = new HashMap<>();
    for (Diagnostic d : readerFindings) {
      if (d.isError() && !d.path().isEmpty() && DROPPING.contains(d.code())) {
        paths.computeIfAbsent(d.span().document(), k -> new HashSet<>()).add(d.path());
      }
    }
    return new DroppedValues(paths);
  }

  /** True if nothing was left out. */
  public boolean isEmpty() {
    return pathsByDocument.isEmpty();
  }

  /**
   * True if {@code d} is located at a left-out field of its document or under one: {@code
   * spec.selector} covers {@code spec.selector}, {@code spec.selector.matchLabels} and {@code
   * spec.selector[x]}, not {@code spec.selectorX}. A finding without a path is never covered.
   */
  public boolean covers(Diagnostic d) {
    Set<String> paths = pathsByDocument.get(d.span().document());
    if (paths == null || d.path().isEmpty()) {
      return false;
    }
    String path = d.path();
    if (paths.contains(path)) {
      return true;
    }
    // every ancestor: the prefix before each '.' or '[' that is not inside a [map key]
    boolean inKey = false;
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (inKey) {
        inKey = c != ']';
      } else if (c == '.' || c == '[') {
        if (i > 0 && paths.contains(path.substring(0, i))) {
          return true;
        }
        inKey = c == '[';
      }
    }
    return false;
  }

  /** {@code findings} without those this covers, in their order. */
  public List<Diagnostic> without(List<Diagnostic> findings) {
    if (pathsByDocument.isEmpty()) {
      return findings;
    }
    List<Diagnostic> kept = new ArrayList<>(findings.size());
    for (Diagnostic d : findings) {
      if (!covers(d)) {
        kept.add(d);
      }
    }
    return kept;
  }
}
