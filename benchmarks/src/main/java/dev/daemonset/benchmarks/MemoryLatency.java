package dev.daemonset.benchmarks;

import java.io.PrintStream;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The machine's memory latency by working-set size: a chain of dependent loads through an array in
 * a random cyclic order, so that every load waits for the one before and no prefetcher can guess
 * the next address. It says where the caches end on the machine that runs the planner benchmarks,
 * which is what {@link PlanRatio}'s growth from 5,000 to 65,000 nodes has to be read against
 * (benchmarks/README.md, "Plan").
 *
 * <pre>{@code
 * java -Xmx4g -cp benchmarks/target/benchmarks.jar dev.daemonset.benchmarks.MemoryLatency [KiB sizes]
 * }</pre>
 */
public final class MemoryLatency {
  private static final long STEPS = 20_000_000L;
  private static final long SEED = 42;

  private MemoryLatency() {}

  public static void main(String[] args) {
    String sizes =
        args.length > 0 ? args[0] : "32,256,1024,4096,8192,16384,32768,65536,131072,262144";
    PrintStream out = System.out;
    out.println("| working set | ns per dependent load |");
    out.println("|---:|---:|");
    for (String size : sizes.split(",")) {
      long kib = Long.parseLong(size.trim());
      int[] next = cycle((int) (kib * 1024 / Integer.BYTES));
      chase(next, STEPS / 4); // warm-up: compiled, pages mapped
      long start = System.nanoTime();
      int end = chase(next, STEPS);
      long nanos = System.nanoTime() - start;
      out.printf(
          Locale.ROOT, "| %,d KiB | %.1f |%s%n", kib, (double) nanos / STEPS, end < 0 ? " " : "");
    }
  }

  /** One random cycle through all {@code n} slots (Sattolo's algorithm), seeded. */
  static int[] cycle(int n) {
    int[] next = new int[n];
    for (int i = 0; i < n; i++) {
      next[i] = i;
    }
    SplittableRandom random = new SplittableRandom(SEED);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i);
      int t = next[i];
      next[i] = next[j];
      next[j] = t;
    }
    return next;
  }

  /** Follows the chain for {@code steps} loads; the slot reached (so that the loads are kept). */
  static int chase(int[] next, long steps) {
    int at = 0;
    for (long s = 0; s < steps; s++) {
      at = next[at];
    }
    return at;
  }
}
