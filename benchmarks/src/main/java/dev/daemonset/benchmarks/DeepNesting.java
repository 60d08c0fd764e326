package dev.daemonset.benchmarks;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.daemonset.api.ReadResult;
import dev.daemonset.core.read.ManifestReader;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Hostile nesting beside real manifests of the same size, read in one JVM (issue #17's target:
 * "any input up to the size limits rejected or read within 1.5x the time of a real manifest of the
 * same size").
 *
 * <p>For each size, the inputs are: the real one, copies of the large manifest ({@code
 * calico-node}, 12 KB) joined with {@code ---} up to the size (and the same as pretty-printed JSON
 * objects one after the other, the fair measure for the JSON input); and the hostile ones, each made of
 * one construct nested as deep as the size allows: flow lists as a value ({@code a: [[[...]]]}),
 * unclosed flow lists ({@code [[[...}), flow maps as a value ({@code a: {a: {a: ...}}}), compact block lists ({@code - - - ... x}), block
 * maps indented one more space per line, and JSON arrays. Each input is read in turn, round after
 * round ({@code ManifestReader.defaults().read(bytes)}), for 0.2 s of thread CPU time per input and
 * round after a warm-up; the figure is the median time per read over the rounds, and the ratio is
 * the median of the per-round ratios to the real input. Thread CPU time leaves out the time the
 * thread waits for one of the machine's shared cores.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.daemonset.benchmarks.DeepNesting [sizes] [rounds]
 * }</pre>
 * {@code sizes} defaults to {@code 60000,300000} (bytes), {@code rounds} to 9.
 */
public final class DeepNesting {
  private static final long ROUND_NANOS = 200_000_000L;

  @SuppressWarnings("unused") // written so that the reads are not optimized away
  private static volatile Object sink;

  private DeepNesting() {}

  public static void main(String[] args) throws IOException {
    String sizes = args.length > 0 ? args[0] : "60000,300000";
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 9;
    String manifest;
    try (InputStream in = DeepNesting.class.getResourceAsStream("/manifests/large.yaml")) {
      if (in == null) {
        throw new IOException("no manifest large.yaml");
      }
      manifest = new String(in.readAllBytes(), UTF_8);
    }
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    System.out.printf(
        Locale.ROOT,
        "%-22s %9s %12s %10s %7s  %s%n",
        "input",
        "bytes",
        "us per read",
        "x real",
        "range",
        "diagnostics");
    for (String size : sizes.split(",")) {
      Map<String, byte[]> inputs = inputs(Integer.parseInt(size.strip()), manifest);
      List<String> names = new ArrayList<>(inputs.keySet());
      double[][] times = new double[names.size()][rounds];
      for (int warm = 0; warm < 3; warm++) {
        for (String name : names) {
          perRead(inputs.get(name), cpu, ROUND_NANOS / 2);
        }
      }
      for (int r = 0; r < rounds; r++) {
        for (int i = 0; i < names.size(); i++) {
          times[i][r] = perRead(inputs.get(names.get(i)), cpu, ROUND_NANOS);
        }
      }
      for (int i = 0; i < names.size(); i++) {
        double[] ratios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
          ratios[r] = times[i][r] / times[0][r];
        }
        ReadResult result = ManifestReader.defaults().read(inputs.get(names.get(i)));
        System.out.printf(
            Locale.ROOT,
            "%-22s %9d %12.1f %9.2fx %s  %s%n",
            names.get(i),
            inputs.get(names.get(i)).length,
            median(times[i]) / 1000,
            median(ratios),
            range(ratios),
            result.documents().size()
                + " documents, "
                + result.diagnostics().stream().map(d -> d.code()).distinct().toList());
      }
    }
  }

  /** The real input first, then the hostile ones, each of about {@code size} bytes. */
  static Map<String, byte[]> inputs(int size, String manifest) {
    Map<String, byte[]> inputs = new LinkedHashMap<>();
    StringBuilder real = new StringBuilder(manifest);
    while (real.length() + manifest.length() + 4 <= size) {
      real.append("---\n").append(manifest);
    }
    inputs.put("real manifests", real.toString().getBytes(UTF_8));
    try {
      // the same manifests as JSON, one object after the other (as kubectl reads JSON streams)
      StringBuilder json = new StringBuilder();
      var yaml = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper();
      var out = new com.fasterxml.jackson.databind.json.JsonMapper().writerWithDefaultPrettyPrinter();
      String one = out.writeValueAsString(yaml.readTree(manifest)) + "\n";
      json.append(one);
      while (json.length() + one.length() <= size) {
        json.append(one);
      }
      inputs.put("real manifests, JSON", json.toString().getBytes(UTF_8));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    int n = (size - 3) / 2;
    inputs.put("flow lists as a value", ("a: " + "[".repeat(n) + "]".repeat(n)).getBytes(UTF_8));
    inputs.put("unclosed flow lists", "[".repeat(size).getBytes(UTF_8));
    int m = (size - 3) / 5;
    inputs.put("flow maps", ("a: " + "{a: ".repeat(m) + "}".repeat(m)).getBytes(UTF_8));
    inputs.put("compact block lists", ("- ".repeat((size - 2) / 2) + "x\n").getBytes(UTF_8));
    StringBuilder block = new StringBuilder();
    for (int i = 0; block.length() + i + 3 <= size; i++) {
      block.append(" ".repeat(i)).append("k:\n");
    }
    inputs.put("indented block maps", block.toString().getBytes(UTF_8));
    int j = (size - 7) / 2;
    inputs.put("JSON arrays", ("{\"a\": " + "[".repeat(j) + "]".repeat(j) + "}").getBytes(UTF_8));
    return inputs;
  }

  /** Nanoseconds of thread CPU time per read, reading for about {@code budget} nanoseconds. */
  private static double perRead(byte[] input, ThreadMXBean cpu, long budget) {
    long start = cpu.getCurrentThreadCpuTime();
    long reads = 0;
    long now;
    do {
      sink = ManifestReader.defaults().read(input);
      reads++;
      now = cpu.getCurrentThreadCpuTime();
    } while (now - start < budget);
    return (double) (now - start) / reads;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static String range(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return String.format(Locale.ROOT, "%.2f-%.2f", sorted[0], sorted[sorted.length - 1]);
  }
}
