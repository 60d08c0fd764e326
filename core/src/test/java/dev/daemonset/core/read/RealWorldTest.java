package dev.daemonset.core.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.ReadResult;
import dev.daemonset.core.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every real-world manifest reads with no error (SOURCES.md: none is rejected upstream). */
class RealWorldTest {

  static final Path DIR = TestData.path("testdata/real-world");

  static Stream<Path> manifests() throws IOException {
    return TestData.realWorldManifests();
  }

  @ParameterizedTest
  @MethodSource("manifests")
  void readsWithoutErrors(Path file) throws IOException {
    ReadResult result = ManifestReader.defaults().read(Files.readAllBytes(file));
    List<Diagnostic> errors = result.diagnostics().stream().filter(Diagnostic::isError).toList();
    assertThat(errors).as(file.getFileName().toString()).isEmpty();
    assertThat(result.daemonSets()).as(file.getFileName().toString()).isNotEmpty();
  }

  @ParameterizedTest
  @MethodSource("manifests")
  void readsTheSameWithoutTheFastPaths(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    ReadResult fast = ManifestReader.defaults().read(bytes);
    ReadResult slow = ManifestReader.defaults().withoutFastPaths().read(bytes);
    assertThat(ManifestReader.defaults().fastPaths()).isTrue();
    assertThat(ManifestReader.defaults().withoutFastPaths().fastPaths()).isFalse();
    assertThat(slow.diagnostics()).isEqualTo(fast.diagnostics());
    assertThat(slow.documents())
        .extracting(d -> d.object())
        .isEqualTo(fast.documents().stream().map(d -> d.object()).toList());
  }

  @Test
  void thirtyFourDaemonSetsInTotal() throws IOException {
    int count = 0;
    for (Path file : manifests().toList()) {
      count += ManifestReader.defaults().read(Files.readAllBytes(file)).daemonSets().size();
    }
    assertThat(count).isEqualTo(34);
  }
}
