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

  /**
   * The same paths without their list indexes: a few upstream errors name a list item's field
   * without the index ({@code metadata.ownerReferences.name}), and those are matched here.
   */
  private final Map<Integer, Set<String>> unindexedByDocument;

  private DroppedValues(
      Map<Integer, Set<String>> pathsByDocument, Map<Integer, Set<String>> unindexedByDocument) {
    this.pathsByDocument = pathsByDocument;
    this.unindexedByDocument = unindexedByDocument;
  }

  /** The fields left out, from the reader's findings (findings of other kinds are ignored). */
  public static DroppedValues of(List<Diagnostic> readerFindings) {
    Map<Integer, Set<String>> paths = new HashMap<>();
    Map<Integer, Set<String>> unindexed = new HashMap<>();
    for (Diagnostic d : readerFindings) {
      if (d.isError() && !d.path().isEmpty() && DROPPING.contains(d.code())) {
        paths.computeIfAbsent(d.span().document(), k -> new HashSet<>()).add(d.path());
        unindexed
            .computeIfAbsent(d.span().document(), k -> new HashSet<>())
            .add(withoutIndexes(d.path()));
      }
    }
    return new DroppedValues(paths, unindexed);
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
    if (under(path, paths)) {
      return true;
    }
    // an upstream path without the list index: matched against the dropped paths without theirs
    Set<String> unindexed = unindexedByDocument.getOrDefault(d.span().document(), Set.of());
    return path.equals(withoutIndexes(path)) && under(path, unindexed);
  }

  /** True if {@code path} is one of {@code paths} or under one. */
  private static boolean under(String path, Set<String> paths) {
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

  /** {@code path} without its list indexes: {@code a[0].b[12]} is {@code a.b}; map keys stay. */
  static String withoutIndexes(String path) {
    StringBuilder out = new StringBuilder(path.length());
    int i = 0;
    while (i < path.length()) {
      char c = path.charAt(i);
      if (c == '[') {
        int close = path.indexOf(']', i);
        if (close > i + 1 && isDigits(path, i + 1, close)) {
          i = close + 1;
          continue;
        }
        int end = close < 0 ? path.length() : close + 1;
        out.append(path, i, end); // a [map key]: kept whole
        i = end;
        continue;
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }

  private static boolean isDigits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
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
