package dev.daemonset.benchmarks;

import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.model.Pod;
import dev.daemonset.api.plan.ClusterSnapshot;
import dev.daemonset.api.plan.Plan;
import dev.daemonset.api.simulate.SimulationOptions;
import dev.daemonset.api.simulate.Startup;
import dev.daemonset.api.simulate.Timeline;
import dev.daemonset.core.plan.Planner;
import dev.daemonset.core.simulate.Simulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A whole rollout simulated (issue #22's targets): {@link PlanBenchmark}'s cluster (seed 42) with
 * every eligible node running one old, available pod, its DaemonSet ({@code maxUnavailable: 10%})
 * rolled out to a new template, pods Ready after a startup drawn uniformly from 20–60 s (seed 1),
 * the other assumptions at their defaults (shutdown 5 s, sync interval 1 s, live mode). Beside it,
 * one plan of the starting cluster: {@code simulate / (syncs × plan)} says what a sync costs beyond
 * a plan.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx6g"})
public class SimulateBenchmark {

  @Param({"5000", "65000"})
  public int nodes;

  DaemonSet ds;
  ClusterSnapshot snapshot;
  SimulationOptions options;

  @Setup(Level.Trial)
  public void cluster() {
    PlanBenchmark base = new PlanBenchmark();
    base.nodes = nodes;
    base.cluster();
    ds = PlanBenchmark.daemonSet();
    snapshot = rolledOut(base.snapshot);
    options =
        SimulationOptions.DEFAULTS.withStartup(
            Startup.uniform(Duration.ofSeconds(20), Duration.ofSeconds(60)));
    System.gc();
  }

  /** The benchmark's cluster with one old, Ready pod on each node that had daemon pods. */
  static ClusterSnapshot rolledOut(ClusterSnapshot mid) {
    List<Pod> pods = new ArrayList<>(mid.pods().size());
    for (Pod p : mid.pods()) {
      String name = p.metadata().name();
      if (!name.startsWith("agent-")) {
        pods.add(p);
      } else if (name.endsWith("-a")) {
        pods.add(
            PlanBenchmark.daemonPod(
                p.spec().nodeName(), "a", PlanBenchmark.OLD, "True", "Running"));
      }
    }
    return new ClusterSnapshot(mid.nodes(), pods, List.of());
  }

  /** The whole rollout, from the first sync to convergence. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 2)
  @Measurement(iterations = 3)
  public Timeline simulate() {
    return Simulator.simulate(ds, snapshot, PlanBenchmark.NOW, options);
  }

  /** One plan of the starting cluster. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Warmup(iterations = 5, time = 2)
  @Measurement(iterations = 5, time = 2)
  public Plan plan() {
    return Planner.plan(ds, snapshot, PlanBenchmark.NOW, options.planOptions());
  }

  /**
   * Without JMH: each size's timeline (simulated time, syncs, waves, events) and the wall time of
   * {@code runs} simulations in this JVM after one warm-up run.
   *
   * <pre>{@code
   * java -Xmx6g -cp benchmarks/target/benchmarks.jar dev.daemonset.benchmarks.SimulateBenchmark 5000,65000 3
   * }</pre>
   */
  public static void main(String[] args) {
    String[] sizes = (args.length > 0 ? args[0] : "5000,65000").split(",");
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    for (String size : sizes) {
      SimulateBenchmark b = new SimulateBenchmark();
      b.nodes = Integer.parseInt(size.strip());
      b.cluster();
      Timeline t = b.simulate();
      System.out.printf(
          Locale.ROOT,
          "%d nodes: %s after %s (simulated), %d syncs, %d waves, %d events, max unavailable %d of %d%n",
          b.nodes,
          t.outcome(),
          t.duration(),
          t.syncs(),
          t.waves(),
          t.events().size(),
          t.maxUnavailableObserved(),
          t.maxUnavailableAllowed());
      for (int i = 0; i < runs; i++) {
        long start = System.nanoTime();
        t = b.simulate();
        double simulate = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        int plans = 10;
        for (int j = 0; j < plans; j++) {
          b.plan();
        }
        double plan = (System.nanoTime() - start) / 1e9 / plans;
        System.out.printf(
            Locale.ROOT,
            "  run %d: simulate %.2f s; one plan %.2f ms; simulate / (syncs x plan) %.2f%n",
            i + 1,
            simulate,
            plan * 1000,
            simulate / (t.syncs() * plan));
      }
    }
  }
}
