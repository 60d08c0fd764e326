package dev.daemonset.core.internal.bind;

import java.util.Collection;

/**
 * "Did you mean" for names that were mistyped: the unknown-field check's distance, shared with the
 * checks of rule ids, parameter names and container names in configuration and annotations.
 */
public final class DidYouMean {
  private DidYouMean() {}

  /**
   * {@code "; did you mean `x`?"} for the closest of {@code candidates} (first in name order on a
   * tie) within an edit distance of 2 of {@code name}, else the first that {@code name} (three
   * characters or more) begins, or {@code ""}.
   */
  public static String suggestion(String name, Collection<String> candidates) {
    String best = null;
    int bestDistance = 3;
    if (name.length() >= 3) {
      for (String c : candidates.stream().sorted().toList()) {
        if (c.startsWith(name) && !c.equals(name)) {
          best = c;
          break;
        }
      }
    }
    for (String c : candidates.stream().sorted().toList()) {
      int d = Checker.distance(name, c);
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return best == null ? "" : "; did you mean `" + best + "`?";
  }
}
