package dev.daemonset.benchmarks;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Two builds of the planner side by side in one JVM: the before/after measurement behind every
 * change of {@code benchmarks/HISTORY.md}. Each build's benchmark jar gets a class loader of its
 * own (nothing shared but the JDK) and its own copy of the {@link PlanBenchmark} cluster; after a
 * warm-up, the two plans and the floor run in alternating rounds of thread CPU time, and each
 * round's after / before is one sample, so a slow stretch of the machine falls on both builds. Run
 * it twice with the jars swapped: the order they are loaded in can favour one of them.
 *
 * <pre>{@code
 * java -Xmx4g -cp benchmarks/target/benchmarks.jar dev.daemonset.benchmarks.PlanPair before.jar after.jar [sizes] [other pods per node]
 * }</pre>
 *
 * {@code sizes} defaults to {@code 1000,5000}, other pods per node to 0.5.
 */
public final class PlanPair {
  private static final int ROUNDS = 15;
  private static final long WARM_UP_NANOS = 20_000_000_000L;

  @SuppressWarnings("unused") // written so that the calls are not optimized away
  private static volatile Object sink;

  private PlanPair() {}

  public static void main(String[] args) throws ReflectiveOperationException, java.io.IOException {
    if (args.length < 2) {
      throw new IllegalArgumentException(
          "usage: PlanPair before.jar after.jar [sizes] [other pods per node]");
    }
    String sizes = args.length > 2 ? args[2] : "1000,5000";
    double others = args.length > 3 ? Double.parseDouble(args[3]) : 0.5;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    PrintStream out = System.out;
    out.println(
        "| nodes | before ms | after ms | floor ms | after / before (median of rounds) | range |"
            + " before / floor | after / floor |");
    out.println("|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (String size : sizes.split(",")) {
      int nodes = Integer.parseInt(size.trim());
      Build before = new Build(Path.of(args[0]), nodes, others);
      Build after = new Build(Path.of(args[1]), nodes, others);
      long end = System.nanoTime() + WARM_UP_NANOS;
      while (System.nanoTime() < end) {
        before.plan();
        after.plan();
        after.floor();
      }
      double[] b = new double[ROUNDS];
      double[] a = new double[ROUNDS];
      double[] f = new double[ROUNDS];
      double[] ratio = new double[ROUNDS];
      for (int r = 0; r < ROUNDS; r++) {
        b[r] = PlanRatio.msPerCall(threads, before::plan);
        a[r] = PlanRatio.msPerCall(threads, after::plan);
        f[r] = PlanRatio.msPerCall(threads, after::floor);
        ratio[r] = a[r] / b[r];
      }
      Arrays.sort(b);
      Arrays.sort(a);
      Arrays.sort(f);
      Arrays.sort(ratio);
      double mb = b[ROUNDS / 2];
      double ma = a[ROUNDS / 2];
      double mf = f[ROUNDS / 2];
      out.printf(
          Locale.ROOT,
          "| %,d | %.3f | %.3f | %.3f | %.2f | %.2f–%.2f | %.2f× | %.2f× |%n",
          nodes,
          mb,
          ma,
          mf,
          ratio[ROUNDS / 2],
          ratio[0],
          ratio[ROUNDS - 1],
          mb / mf,
          ma / mf);
      before.close();
      after.close();
    }
  }

  /** One build's {@link PlanBenchmark}, loaded from its jar, with its cluster set up. */
  private static final class Build implements AutoCloseable {
    private final URLClassLoader loader;
    private final Object benchmark;
    private final Method plan;
    private final Method floor;

    Build(Path jar, int nodes, double others)
        throws ReflectiveOperationException, java.io.IOException {
      loader =
          new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
      Class<?> c = loader.loadClass(PlanBenchmark.class.getName());
      benchmark = c.getConstructor().newInstance();
      c.getField("nodes").setInt(benchmark, nodes);
      c.getField("otherPodsPerNode").setDouble(benchmark, others);
      c.getMethod("cluster").invoke(benchmark);
      plan = c.getMethod("plan");
      floor = c.getMethod("floor");
    }

    void plan() {
      call(plan);
    }

    void floor() {
      call(floor);
    }

    private void call(Method m) {
      try {
        sink = m.invoke(benchmark);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void close() throws java.io.IOException {
      loader.close();
    }
  }
}
