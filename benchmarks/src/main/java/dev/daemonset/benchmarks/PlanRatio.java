package dev.daemonset.benchmarks;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The plan / floor ratio of {@link PlanBenchmark}, measured on one cluster in one JVM: the plan and
 * the floor alternate in rounds of 0.3 s of thread CPU time, after a warm-up, and the ratio is
 * taken round by round.
 *
 * <p>Why beside JMH: JMH runs each benchmark in a fork of its own, so the floor and the plan read
 * two copies of the cluster that the collector laid out differently. At 15,000 nodes and more the
 * floor's time is mostly memory latency, and on the development machine it differed by up to 40%
 * from fork to fork (65,000 nodes: 39 and 59 ms in two runs a minute apart); a ratio of two forks
 * carries that noise. Here both read the same objects, and a slow stretch of the machine falls on
 * both sides of a round. Thread CPU time leaves out the time the thread waits for a core.
 *
 * <p>One JVM is one draw, though: on the development machine the same build's plan at 5,000 nodes
 * took 1.5 ms in one JVM and 3.1 ms in another (the heap's layout, the compiler's choices, the
 * machine's cache), and the ratio ranged from 2.3 to 4.0 (the floor moves too, not in step). With a
 * fourth argument above 1 the tool runs that many JVMs one after the other, each as above, prints
 * each one's rows, and then per size the median of their ratios and their range.
 *
 * <pre>{@code
 * java -Xmx4g -cp benchmarks/target/benchmarks.jar dev.daemonset.benchmarks.PlanRatio [sizes] [order] [other pods per node] [JVMs]
 * }</pre>
 *
 * {@code sizes} defaults to {@code 1000,5000,15000,65000}, {@code order} to {@code shuffled} (see
 * {@link PlanBenchmark#order}), other pods per node to 0.5 (see {@link
 * PlanBenchmark#otherPodsPerNode}), JVMs to 1.
 */
public final class PlanRatio {
  private static final long ROUND_NANOS = 300_000_000L;
  private static final int ROUNDS = 15;
  private static final long WARM_UP_NANOS = 30_000_000_000L;

  @SuppressWarnings("unused") // written so that the calls are not optimized away
  private static volatile Object sink;

  private PlanRatio() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    String sizes = args.length > 0 ? args[0] : "1000,5000,15000,65000";
    String order = args.length > 1 ? args[1] : "shuffled";
    String othersArg = args.length > 2 ? args[2] : "0.5";
    int jvms = args.length > 3 ? Integer.parseInt(args[3]) : 1;
    if (jvms < 1) {
      throw new IllegalArgumentException("the number of JVMs must be at least 1: " + jvms);
    }
    PrintStream out = System.out;
    out.println(
        "| nodes | order | other pods per node | floor ms (median) | plan ms (median) | plan / floor (median of rounds) | range |");
    out.println("|---:|---|---:|---:|---:|---:|---:|");
    if (jvms == 1) {
      measure(sizes, order, othersArg, out);
    } else {
      acrossJvms(jvms, sizes, order, othersArg, out);
    }
  }

  /**
   * Runs this tool in {@code jvms} JVMs in turn, with this JVM's options, echoing their rows; then
   * one row per size: the median of the JVMs' ratios, and their range.
   */
  private static void acrossJvms(
      int jvms, String sizes, String order, String othersArg, PrintStream out)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            PlanRatio.class.getName(),
            sizes,
            order,
            othersArg,
            "1"));
    Map<String, List<Double>> ratios = new LinkedHashMap<>();
    for (int jvm = 0; jvm < jvms; jvm++) {
      Process process =
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      try (BufferedReader rows =
          new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8))) {
        for (String row = rows.readLine(); row != null; row = rows.readLine()) {
          String[] cells = row.split("\\|");
          if (cells.length < 7 || !cells[1].trim().matches("[0-9,]+")) {
            continue; // the header
          }
          out.println(row);
          ratios
              .computeIfAbsent(cells[1].trim(), k -> new ArrayList<>())
              .add(Double.parseDouble(cells[6].replaceAll("[^0-9.]", ""))); // "2.58×"
        }
      }
      if (process.waitFor() != 0) {
        throw new IllegalStateException("JVM " + (jvm + 1) + " of " + jvms + " failed: " + command);
      }
    }
    out.println();
    out.println("| nodes | JVMs | plan / floor (median of the JVMs' medians) | range |");
    out.println("|---:|---:|---:|---:|");
    ratios.forEach(
        (size, r) -> {
          double[] sorted = r.stream().mapToDouble(Double::doubleValue).sorted().toArray();
          double median =
              sorted.length % 2 == 1
                  ? sorted[sorted.length / 2]
                  : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
          out.printf(
              Locale.ROOT,
              "| %s | %d | %.2f× | %.2f–%.2f× |%n",
              size,
              sorted.length,
              median,
              sorted[0],
              sorted[sorted.length - 1]);
        });
  }

  /**
   * The rows of one JVM: per size, a fresh cluster, warm-up, then plan and floor in alternating
   * rounds.
   */
  private static void measure(String sizes, String order, String othersArg, PrintStream out) {
    double others = Double.parseDouble(othersArg);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
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
      out.printf(
          Locale.ROOT,
          "| %,d | %s | %s | %.3f | %.3f | %.2f× | %.2f–%.2f× |%n",
          b.nodes,
          order,
          othersArg,
          floor[ROUNDS / 2],
          plan[ROUNDS / 2],
          ratio[ROUNDS / 2],
          ratio[0],
          ratio[ROUNDS - 1]);
    }
  }

  /** Calls {@code op} for one round of thread CPU time; the milliseconds per call. */
  static double msPerCall(ThreadMXBean threads, Runnable op) {
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
