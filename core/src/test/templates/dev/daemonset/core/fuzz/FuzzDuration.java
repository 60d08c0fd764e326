package dev.daemonset.core.fuzz;

/**
 * How long {@code -Pfuzz} fuzzes one target: the Maven property {@code fuzz.duration}, filled in at
 * build time because {@code @FuzzTest(maxDuration)} must be a constant. Plain test runs only replay
 * the committed inputs, so there it has no effect.
 */
final class FuzzDuration {
  static final String MAX = "${fuzz.duration}";

  private FuzzDuration() {}
}
