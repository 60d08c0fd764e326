package dev.daemonset.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.daemonset.api.ReadResult;
import dev.daemonset.core.dump.ClusterDump;
import dev.daemonset.core.read.ManifestReader;
import dev.daemonset.core.read.SnapshotReader;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reading a cluster dump — {@code kubectl get nodes,pods,controllerrevisions -A -o json|yaml} of
 * 1,000 to 65,000 nodes ({@link ClusterDump}) — four ways in one JVM, interleaved round by round so
 * that every ratio compares the same moment of a shared machine:
 *
 * <ul>
 *   <li>{@code snapshot}: {@link SnapshotReader}, streaming from the file (ours);
 *   <li>{@code full}: {@link ManifestReader} of the file's bytes, every field with positions (what
 *       {@code daemonset plan} read before the snapshot path);
 *   <li>{@code readTree}: Jackson's {@code readTree} of the file (the floor: any reader must at
 *       least tokenize), JSON with {@link ObjectMapper}, YAML with {@link YAMLMapper};
 *   <li>{@code fabric8}: fabric8's {@link KubernetesSerialization} unmarshalling the file into a
 *       {@link KubernetesList} of its typed Nodes, Pods and ControllerRevisions (what a Java user
 *       would pick).
 * </ul>
 *
 * <p>Throughput is MB of the file per second of the reading thread's CPU time (the machine is
 * shared, so wall time says more about the neighbours), the median of the rounds; ratios are the
 * median of the per-round ratios. Retained memory is the heap still in use, after full collections,
 * while one reader's result is held, divided by the number of nodes.
 *
 * <p>{@code FleetRead <nodes,...> [json,yaml] [readers] [rounds]}; dumps are written to {@code
 * target/dumps/} if missing. Heap: about 3 GB per 10,000 nodes for {@code full}, {@code readTree}
 * and {@code fabric8} of JSON; {@code snapshot} alone reads 65,000 nodes in well under 1 GB.
 */
public final class FleetRead {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML =
      new YAMLMapper(
          YAMLFactory.builder()
              .loaderOptions(largeDocuments())
              .build()); // SnakeYAML stops at 3 MiB by default

  private static LoaderOptions largeDocuments() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(Integer.MAX_VALUE);
    return options;
  }

  private static final KubernetesSerialization FABRIC8 = new KubernetesSerialization();
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private FleetRead() {}

  /** One way of reading a dump file. */
  @FunctionalInterface
  interface Reader {
    Object read(Path file) throws IOException;
  }

  static final Map<String, Reader> READERS = new LinkedHashMap<>();

  static {
    READERS.put("snapshot", file -> SnapshotReader.defaults().read(file));
    READERS.put("full", file -> ManifestReader.defaults().read(Files.readAllBytes(file)));
    READERS.put(
        "readTree",
        file -> (file.toString().endsWith(".json") ? JSON : YAML).readTree(file.toFile()));
    READERS.put(
        "fabric8",
        file -> {
          try (InputStream in = Files.newInputStream(file)) {
            return FABRIC8.unmarshal(in, KubernetesList.class);
          }
        });
  }

  public static void main(String[] args) throws IOException {
    List<Integer> sizes =
        Arrays.stream((args.length > 0 ? args[0] : "1000,5000").split(","))
            .map(String::strip)
            .map(Integer::parseInt)
            .toList();
    List<String> formats = List.of((args.length > 1 ? args[1] : "json,yaml").split(","));
    List<String> readers =
        List.of((args.length > 2 ? args[2] : String.join(",", READERS.keySet())).split(","));
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
    System.out.printf(
        Locale.ROOT,
        "FleetRead: %s, %s, %s, %d rounds; heap max %d MB; load %s%n",
        sizes,
        formats,
        readers,
        rounds,
        Runtime.getRuntime().maxMemory() >> 20,
        load());
    for (int nodes : sizes) {
      for (String format : formats) {
        Path file = dump(nodes, format);
        measure(file, nodes, readers, rounds);
      }
    }
  }

  /** The dump of {@code nodes} nodes in {@code format}, written if missing. */
  static Path dump(int nodes, String format) throws IOException {
    ClusterDump.Format f = ClusterDump.Format.valueOf(format.toUpperCase(Locale.ROOT));
    Path file = Path.of("target", "dumps", "nodes-" + nodes + "." + f.extension());
    if (!Files.exists(file)) {
      long t0 = System.nanoTime();
      ClusterDump.write(ClusterDump.Options.of(nodes, 20261128L), f, file);
      System.out.printf(
          Locale.ROOT,
          "  wrote %s (%,d bytes) in %.1f s%n",
          file,
          Files.size(file),
          (System.nanoTime() - t0) / 1e9);
    }
    Path ds = file.resolveSibling("daemonset.yaml");
    if (!Files.exists(ds)) {
      Files.writeString(ds, ClusterDump.daemonSetYaml());
    }
    return file;
  }

  private static void measure(Path file, int nodes, List<String> readers, int rounds)
      throws IOException {
    double mb = Files.size(file) / 1e6;
    System.out.printf(Locale.ROOT, "%n%s: %,d nodes, %.1f MB%n", file, nodes, mb);
    List<String> working = new ArrayList<>();
    for (String r : readers) {
      try {
        READERS.get(r).read(file);
        working.add(r);
      } catch (RuntimeException | IOException e) {
        System.out.println("  " + r + " fails: " + e);
      }
    }
    readers = working;
    // warm-up: every reader until it has run 3 times and 20 s of CPU in all have passed
    long warm = 0;
    for (int i = 0; i < 3 || warm < 20_000_000_000L; i++) {
      for (String r : readers) {
        warm += cpu(READERS.get(r), file)[0];
      }
    }
    Map<String, List<Double>> mbps = new LinkedHashMap<>();
    Map<String, List<Double>> ratios = new LinkedHashMap<>();
    for (int round = 0; round < rounds; round++) {
      Map<String, Long> cpu = new LinkedHashMap<>();
      for (String r : readers) {
        long[] t = cpu(READERS.get(r), file);
        cpu.put(r, t[0]);
        mbps.computeIfAbsent(r, k -> new ArrayList<>()).add(mb / (t[0] / 1e9));
      }
      if (cpu.containsKey("snapshot")) {
        for (String r : readers) {
          if (!r.equals("snapshot")) {
            ratios
                .computeIfAbsent("snapshot / " + r, k -> new ArrayList<>())
                .add((double) cpu.get("snapshot") / cpu.get(r));
          }
        }
      }
    }
    for (String r : readers) {
      List<Double> v = mbps.get(r);
      System.out.printf(
          Locale.ROOT,
          "  %-9s %7.1f MB/s (rounds %.1f–%.1f)  %,9.0f ms CPU%n",
          r,
          median(v),
          v.stream().mapToDouble(Double::doubleValue).min().orElse(0),
          v.stream().mapToDouble(Double::doubleValue).max().orElse(0),
          mb / median(v) * 1000);
    }
    ratios.forEach(
        (k, v) ->
            System.out.printf(
                Locale.ROOT,
                "  %-20s %.2f× time (rounds %.2f–%.2f)%n",
                k,
                median(v),
                v.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                v.stream().mapToDouble(Double::doubleValue).max().orElse(0)));
    for (String r : readers) {
      long retained = retained(READERS.get(r), file);
      System.out.printf(
          Locale.ROOT,
          "  %-9s retains %,d bytes: %,d bytes per node%n",
          r,
          retained,
          retained / nodes);
    }
    System.out.println("  load " + load());
  }

  /** Thread CPU and wall nanoseconds of one read. */
  private static long[] cpu(Reader reader, Path file) throws IOException {
    long c0 = THREADS.getCurrentThreadCpuTime();
    long w0 = System.nanoTime();
    Object result = reader.read(file);
    long w1 = System.nanoTime();
    long c1 = THREADS.getCurrentThreadCpuTime();
    if (result instanceof ReadResult r && r.hasErrors()) {
      throw new IllegalStateException(file + ": " + r.diagnostics().get(0));
    }
    return new long[] {c1 - c0, w1 - w0};
  }

  /** The heap in use while one result of {@code reader} is held, less the heap in use without. */
  static long retained(Reader reader, Path file) throws IOException {
    long before = usedAfterGc();
    Object result = reader.read(file);
    long after = usedAfterGc();
    if (result.hashCode() == 42) { // keeps the result reachable until here
      System.out.print("");
    }
    return after - before;
  }

  static long usedAfterGc() {
    for (int i = 0; i < 4; i++) {
      System.gc();
    }
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }

  static double median(List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return v.length == 0 ? 0 : v[v.length / 2];
  }

  static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (IOException | UncheckedIOException e) {
      return "unknown";
    }
  }
}
