package dev.daemonset.core.simulate;

/**
 * The simulation's only source of chance: numbers drawn from the seed and a key (a node's name and
 * a counter), each a pure function of its inputs. A draw for one node therefore does not depend on
 * the order in which other nodes were drawn for, so the same seed gives every node the same fate
 * whatever else the simulation does.
 *
 * <p>The key is hashed with 64-bit FNV-1a over its characters and mixed with the seed by the
 * SplitMix64 finaliser; the top 53 bits make a double in {@code [0, 1)}.
 */
final class Draws {
  private final long seed;

  Draws(long seed) {
    this.seed = seed;
  }

  /** A number in {@code [0, 1)} for {@code key} and {@code counter}. */
  double unit(String key, long counter) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < key.length(); i++) {
      h ^= key.charAt(i);
      h *= 0x100000001b3L;
    }
    long z = seed * 0x9E3779B97F4A7C15L + h + counter * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z = z ^ (z >>> 31);
    return (z >>> 11) * 0x1.0p-53;
  }
}
