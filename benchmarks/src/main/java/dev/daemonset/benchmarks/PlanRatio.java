package dev.daemonset.benchmarks;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * The plan / floor ratio of {@link PlanBenchmark}, measured on one cluster in one JVM: the plan
 * and the floor alternate in rounds of 0.3 s of thread CPU time, after a warm-up, and the ratio is
 * taken round by round.
 *
 * <p>Why beside JMH: JMH runs each benchmark in a fork of its own, so the floor and the plan read
 * two copies of the cluster that the collector laid out differently. At 15,000 nodes and more the
 * floor's time is mostly memory latency, and on the development machine it differed by up to
 * 40% from fork to fork (65,000 nodes: 39 and 59 ms in two runs a minute apart); a ratio of two
 * forks carries that noise. Here both read the same objects, and a slow stretch of the machine
 * falls on both sides of a round. Thread CPU time leaves out the time the thread waits for a core.
 *
 * <pre>{@code
 * java -Xmx4g -cp benchmarks/target/benchmarks.jar dev.daemonset.benchmarks.PlanRatio [sizes] [order] [other pods per node]
 * }</pre>
 * {@code sizes} defaults to {@code 1000,5000,15000,65000}, {@code order} to {@code shuffled}
 * (see {@link PlanBenchmark#order}), other pods per node to 0.5 (see
 * {@link PlanBenchmark#otherPodsPerNode}).
 */
public final class PlanRatio {
  private static final long ROUND_NANOS = 300_000_000L;
  private static final int ROUNDS = 15;
  private static final long WARM_UP_NANOS = 30_000_000_000L;

  @SuppressWarnings("unused") // written so that the calls are not optimized away
  private static volatile Object sink;

  private PlanRatio() {}

  public static void main(String[] args) {
    String sizes = args.length > 0 ? args[0] : "1000,5000,15000,65000";
    String order = args.length > 1 ? args[1] : "shuffled";
    String othersArg = args.length > 2 ? args[2] : "0.5";
    double others = Double.parseDouble(othersArg);
    PrintStream out = System.out;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    out.println("| nodes | order | other pods per node | floor ms (median) | plan ms (median) | plan / floor (median of rounds) | range |");
    out.println("|---:|---|---:|---:|---:|---:|---:|");
    for (String size : sizes.split(",")) {
      PlanBenchmark b = new PlanBenchmark();
      b.nodes = Integer.parseInt(size.trim());
      b.order = order;
      b.otherPodsPerNode = others;
      b.cluster();
      long end = System.nanoTime() + WARM_UP_NANOS;
      while (System.nanoTime() < end) {
        sink = b.plan();
        sink = b.floor();
      }
      double[] plan = new double[ROUNDS];
      double[] floor = new double[ROUNDS];
      double[] ratio = new double[ROUNDS];
      for (int r = 0; r < ROUNDS; r++) {
        floor[r] = msPerCall(threads, () -> sink = b.floor());
        plan[r] = msPerCall(threads, () -> sink = b.plan());
        ratio[r] = plan[r] / floor[r];
      }
      Arrays.sort(plan);
      Arrays.sort(floor);
      Arrays.sort(ratio);
      out.printf("| %,d | %s | %s | %.3f | %.3f | %.2f× | %.2f–%.2f× |%n", b.nodes, order, othersArg,
          floor[ROUNDS / 2], plan[ROUNDS / 2], ratio[ROUNDS / 2], ratio[0], ratio[ROUNDS - 1]);
    }
  }

  /** Calls {@code op} for one round of thread CPU time; the milliseconds per call. */
  private static double msPerCall(ThreadMXBean threads, Runnable op) {
    long start = threads.getCurrentThreadCpuTime();
    int calls = 0;
    long used;
    do {
      op.run();
      calls++;
      used = threads.getCurrentThreadCpuTime() - start;
    } while (used < ROUND_NANOS);
    return used / 1e6 / calls;
  }
}
