package dev.daemonset.benchmarks;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.Document;
import dev.daemonset.api.ReadResult;
import dev.daemonset.api.SourceMap;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.core.read.ManifestReader;
import dev.daemonset.core.validate.DaemonSetValidator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Read + validate of one DaemonSet as JSON, taken apart, beside Jackson in one JVM: the calls are
 * interleaved round by round (each round gives every way the same share of thread CPU time), so
 * every ratio compares the same moment of a shared machine. JMH's {@code ReadBenchmark} gives the
 * absolute figures; this harness gives the ratios the target of issue #21 is stated in, and the
 * parts that explain them:
 *
 * <ul>
 *   <li>{@code readTree}: Jackson's {@code readTree} of the bytes (the floor the target names);
 *   <li>{@code tokens}: Jackson's streaming parser over the same bytes, every token's text taken and
 *       nothing built (what any reader of JSON must at least do);
 *   <li>{@code read}: our strict read (tree with positions, unknown fields, types, the model);
 *   <li>{@code validate}: defaulting and every API-server rule on the already-read DaemonSet;
 *   <li>{@code readValidate}: both, as a user calls them.
 * </ul>
 *
 * <p>{@code ReadRatio [small,typical,large] [rounds]}: prints, per manifest, the median
 * microseconds per call of thread CPU time and the median per-round ratio to {@code readTree}.
 */
public final class ReadRatio {

  private static final JsonMapper JSON = new JsonMapper();
  private static final ManifestReader READER = ManifestReader.defaults();
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final long ROUND_NANOS = 200_000_000L;

  private ReadRatio() {}

  public static void main(String[] args) throws IOException {
    String[] manifests = (args.length > 0 ? args[0] : "small,typical,large").split(",");
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    for (String manifest : manifests) {
      run(manifest, rounds);
    }
  }

  private static void run(String manifest, int rounds) throws IOException {
    byte[] bytes = json(manifest);
    ReadResult first = READER.read(bytes);
    Document doc = first.documents().get(0);
    DaemonSet ds = (DaemonSet) doc.object();
    SourceMap map = doc.sourceMap();
    Map<String, Supplier<Object>> ways = new LinkedHashMap<>();
    ways.put("readTree", () -> readTree(bytes));
    ways.put("tokens", () -> tokens(bytes));
    ways.put("read", () -> READER.read(bytes));
    ways.put("validate", () -> DaemonSetValidator.validate(ds, map));
    ways.put("readValidate", () -> readAndValidate(bytes));
    for (Supplier<Object> way : ways.values()) { // warm-up: the compiler settles first
      perCall(way, 3_000_000_000L / ways.size());
    }
    Map<String, double[]> micros = new LinkedHashMap<>();
    ways.keySet().forEach(k -> micros.put(k, new double[rounds]));
    for (int r = 0; r < rounds; r++) {
      for (Map.Entry<String, Supplier<Object>> way : ways.entrySet()) {
        micros.get(way.getKey())[r] = perCall(way.getValue(), ROUND_NANOS) / 1000.0;
      }
    }
    double[] floor = micros.get("readTree");
    System.out.printf(
        Locale.ROOT, "%s (%,d bytes of JSON), %d rounds:%n", manifest, bytes.length, rounds);
    for (Map.Entry<String, double[]> m : micros.entrySet()) {
      double[] ratio = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        ratio[r] = m.getValue()[r] / floor[r];
      }
      System.out.printf(
          Locale.ROOT,
          "  %-13s %8.2f us  %5.2fx readTree (rounds %.2f-%.2f)%n",
          m.getKey(),
          median(m.getValue()),
          median(ratio),
          Arrays.stream(ratio).min().orElse(0),
          Arrays.stream(ratio).max().orElse(0));
    }
  }

  /** The typical manifest of {@code ReadBenchmark}, as Jackson writes it back in JSON. */
  static byte[] json(String manifest) throws IOException {
    try (InputStream in =
        ReadRatio.class.getResourceAsStream("/manifests/" + manifest + ".yaml")) {
      if (in == null) {
        throw new IOException("no manifest " + manifest);
      }
      return JSON.writeValueAsBytes(new YAMLMapper().readTree(in.readAllBytes()));
    }
  }

  private static List<Diagnostic> readAndValidate(byte[] bytes) {
    ReadResult read = READER.read(bytes);
    List<Diagnostic> out = new ArrayList<>(read.diagnostics());
    for (Document d : read.documents()) {
      if (d.object() instanceof DaemonSet ds) {
        out.addAll(DaemonSetValidator.validate(ds, d.sourceMap()));
      }
    }
    return out;
  }

  private static Object readTree(byte[] bytes) {
    try {
      return JSON.readTree(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Object tokens(byte[] bytes) {
    try (JsonParser p = JSON.getFactory().createParser(bytes)) {
      long seen = 0;
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.FIELD_NAME) {
          seen += p.currentName().length();
        } else if (t.isScalarValue()) {
          seen += p.getText().length();
        }
      }
      return seen;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Nanoseconds of thread CPU time per call, calling for about {@code budget} nanoseconds. */
  private static double perCall(Supplier<Object> way, long budget) {
    long start = THREADS.getCurrentThreadCpuTime();
    long now = start;
    long calls = 0;
    Object sink = null;
    while (now - start < budget) {
      for (int i = 0; i < 50; i++) {
        sink = way.get();
      }
      calls += 50;
      now = THREADS.getCurrentThreadCpuTime();
    }
    if (sink == null) {
      throw new IllegalStateException("no result");
    }
    return (double) (now - start) / calls;
  }

  private static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }
}
