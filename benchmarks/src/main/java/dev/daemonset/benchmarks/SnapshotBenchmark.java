package dev.daemonset.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
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
 * Reading a cluster dump of 1,000 nodes ({@link FleetRead}'s readers, in JMH forks): the snapshot
 * reader beside Jackson's {@code readTree} of the same file (the floor) and fabric8's unmarshalling
 * (what a Java user would pick). For the ratios in one JVM and the larger sizes, run {@link
 * FleetRead}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class SnapshotBenchmark {

  @Param({"1000"})
  public int nodes;

  @Param({"json", "yaml"})
  public String format;

  private Path file;

  @Setup(Level.Trial)
  public void dump() throws IOException {
    file = FleetRead.dump(nodes, format);
  }

  @Benchmark
  public Object snapshot() throws IOException {
    return FleetRead.READERS.get("snapshot").read(file);
  }

  @Benchmark
  public Object readTree() throws IOException {
    return FleetRead.READERS.get("readTree").read(file);
  }

  @Benchmark
  public Object fabric8() throws IOException {
    return FleetRead.READERS.get("fabric8").read(file);
  }
}
