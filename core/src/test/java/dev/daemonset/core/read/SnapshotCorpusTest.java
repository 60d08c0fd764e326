package dev.daemonset.core.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.ReadResult;
import dev.daemonset.core.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The snapshot reader agrees with the full reader ({@link SnapshotAgreement}) on every file of the
 * test data and the validation corpus: the upstream fixtures (a Node and a Pod with every field
 * set, as YAML and JSON), the real-world manifests and the validation cases (DaemonSets, which it
 * reads with the full reader, diagnostics and all). The planner corpus is read as snapshots by
 * {@code PlanScenarioTest}.
 */
class SnapshotCorpusTest {

  static Stream<Path> files() throws IOException {
    List<Path> files;
    try (Stream<Path> walk =
        Stream.of(
                TestData.path("testdata/k8s-api-testdata"),
                TestData.path("testdata/real-world"),
                TestData.path("conformance/validation"))
            .flatMap(
                dir -> {
                  try {
                    return Files.walk(dir);
                  } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                  }
                })) {
      files =
          walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".json"))
              .sorted()
              .toList();
    }
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
