package dev.daemonset.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.Document;
import dev.daemonset.api.ReadResult;
import dev.daemonset.core.read.ManifestReader;
import dev.daemonset.core.validate.DaemonSetValidator;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
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
 * Read + default + validate of one DaemonSet manifest, beside Jackson's {@code readTree} of the
 * same bytes (the floor: any reader must at least tokenize) and fabric8's unmarshalling into its
 * model (what a Java user would pick today; it validates nothing).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// Ten warm-up iterations, not three: our path (SnakeYAML, binder, defaults, every rule) is a lot
// of code for the JIT, and on two shared cores it was still compiling after three, so the
// measured iterations fell one after another (2.1, 0.6, 0.56, 0.49, 0.44 ms) and the error was
// as large as the mean.
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ReadBenchmark {

  @Param({"small", "typical", "large"})
  public String manifest;

  @Param({"yaml", "json"})
  public String format;

  private static final ManifestReader READER = ManifestReader.defaults();

  private byte[] bytes;
  private final YAMLMapper yaml = new YAMLMapper();
  private final JsonMapper json = new JsonMapper();

  @Setup(Level.Trial)
  public void load() throws IOException {
    byte[] yamlBytes;
    try (InputStream in =
        ReadBenchmark.class.getResourceAsStream("/manifests/" + manifest + ".yaml")) {
      if (in == null) {
        throw new IOException("no manifest " + manifest);
      }
      yamlBytes = in.readAllBytes();
    }
    bytes = format.equals("yaml") ? yamlBytes : json.writeValueAsBytes(yaml.readTree(yamlBytes));
  }

  /** Ours: strict reading with positions, defaulting, every API-server rule. */
  @Benchmark
  public List<Diagnostic> readAndValidate() {
    ReadResult read = READER.read(bytes);
    List<Diagnostic> out = new ArrayList<>(read.diagnostics());
    for (Document doc : read.documents()) {
      if (doc.object() instanceof dev.daemonset.api.model.DaemonSet ds) {
        out.addAll(DaemonSetValidator.validate(ds, doc.sourceMap()));
      }
    }
    return out;
  }

  /** The floor: Jackson's tree of the same bytes, no model, no positions, no checks. */
  @Benchmark
  public JsonNode jacksonReadTree() {
    try {
      return format.equals("yaml") ? yaml.readTree(bytes) : json.readTree(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** fabric8 kubernetes-model: unmarshal into its DaemonSet class, no validation. */
  @Benchmark
  public DaemonSet fabric8() {
    try {
      return format.equals("yaml")
          ? yaml.readValue(bytes, DaemonSet.class)
          : json.readValue(bytes, DaemonSet.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
