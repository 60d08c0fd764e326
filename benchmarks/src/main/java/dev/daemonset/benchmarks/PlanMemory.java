package dev.daemonset.benchmarks;

import dev.daemonset.api.plan.Plan;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;
import org.openjdk.jol.info.GraphLayout;

/**
 * The planner's memory target: bytes a {@link Plan} retains per node beyond the input model, for
 * the same clusters as {@link PlanBenchmark}. Measured two ways that must agree:
 * <ul>
 *   <li>JOL: the size of the object graph reachable from the input (DaemonSet and snapshot) and
 *       the plan together, minus that reachable from the input alone; what the plan shares with
 *       the input (pod names, pods) is not counted twice;
 *   <li>the used heap after full GCs with the plan held, minus before it was made (run with
 *       {@code -XX:+UseSerialGC} so that {@code System.gc()} is a full, synchronous collection).
 * </ul>
 * Allocation while planning (garbage) is JMH's {@code -prof gc} figure, not this one.
 *
 * <pre>{@code
 * java -XX:+UseSerialGC -Xmx4g -cp benchmarks/target/benchmarks.jar dev.daemonset.benchmarks.PlanMemory
 * }</pre>
 */
public final class PlanMemory {
  private PlanMemory() {}

  public static void main(String[] args) {
    // Our model is records, whose field offsets JOL reads only this way (before its first use).
    System.setProperty("jol.magicFieldOffset", "true");
    PrintStream out = System.out;
    out.println("| nodes | input model B/node | plan retained B/node (JOL) | plan retained B/node (heap after GC) |");
    out.println("|---:|---:|---:|---:|");
    usedAfterGc(); // the first full GC also frees start-up garbage, which would blur the first size
    for (int nodes : new int[] {1000, 5000, 15000, 65000}) {
      PlanBenchmark cluster = new PlanBenchmark();
      cluster.nodes = nodes;
      cluster.cluster();
      cluster.plan(); // classes loaded and initialized before the baseline
      Object[] input = {cluster.ds, cluster.snapshot};
      long before = usedAfterGc();
      Plan plan = cluster.plan();
      long heapDelta = usedAfterGc() - before;
      long inputSize = GraphLayout.parseInstance(input).totalSize();
      long retained = GraphLayout.parseInstance(input, plan).totalSize() - inputSize;
      out.printf(Locale.ROOT, "| %,d | %,d | %,d | %,d |%n", nodes, inputSize / nodes, retained / nodes, heapDelta / nodes);
      if (plan.verdicts().size() != nodes) {
        throw new IllegalStateException("a verdict per node expected");
      }
    }
  }

  private static long usedAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 4; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
