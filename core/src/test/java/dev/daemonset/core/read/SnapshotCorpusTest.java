package dev.daemonset.core.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.ReadResult;
import dev.daemonset.core.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The snapshot reader agrees with the full reader ({@link SnapshotAgreement}) on every file of the
 * test data, the validation corpus and the examples: the upstream fixtures (a Node and a Pod with
 * every field set, as YAML and JSON), the real-world manifests and the validation cases
 * (DaemonSets, which it reads with the full reader, diagnostics and all). The planner corpus is
 * read as snapshots by {@code PlanScenarioTest}.
 */
class SnapshotCorpusTest {

  static Stream<Path> files() throws IOException {
    List<Path> files = new ArrayList<>();
    for (String dir :
        List.of(
            "testdata/k8s-api-testdata",
            "testdata/real-world",
            "conformance/validation",
            "examples")) {
      try (Stream<Path> walk = Files.walk(TestData.path(dir))) {
        walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".json"))
            .forEach(files::add);
      }
    }
    files.sort(null);
    assertThat(files).hasSizeGreaterThan(200);
    return files.stream();
  }

  @ParameterizedTest
  @MethodSource("files")
  void readsWhatTheFullReaderReads(Path file) throws IOException {
    ReadResult r = SnapshotAgreement.check(Files.readAllBytes(file), file.toString());
    if (file.getFileName().toString().startsWith("core.v1.")) {
      assertThat(r.documents()).as("the fixture's object").hasSize(1);
    }
  }
}
