package dev.daemonset.core.read;

import java.util.Random;

/** Seeded random edits of a text, for tests that compare two readers on almost-valid input. */
final class Mutations {
  private Mutations() {}

  /**
   * {@code text} with one to three pieces inserted at random places, each maybe replacing a
   * character.
   */
  static String mutate(String text, Random random, String[] pieces) {
    StringBuilder mutated = new StringBuilder(text);
    for (int m = 1 + random.nextInt(3); m > 0; m--) {
      int at = random.nextInt(mutated.length() + 1);
      if (random.nextBoolean() && at < mutated.length()) {
        mutated.deleteCharAt(at);
      }
      mutated.insert(Math.min(at, mutated.length()), pieces[random.nextInt(pieces.length)]);
    }
    return mutated.toString();
  }
}
