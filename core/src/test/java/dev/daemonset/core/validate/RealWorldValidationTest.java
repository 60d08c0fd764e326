package dev.daemonset.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.Document;
import dev.daemonset.api.ReadResult;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.core.TestData;
import dev.daemonset.core.read.ManifestReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The real-world manifests run in production: the API server accepts every DaemonSet in them. */
class RealWorldValidationTest {

  static Stream<Path> manifests() throws IOException {
    return TestData.realWorldManifests();
  }

  static List<Diagnostic> validateAll(Path file) throws IOException {
    ReadResult read = ManifestReader.defaults().read(Files.readAllBytes(file));
    List<Diagnostic> all = new ArrayList<>();
    for (Document d : read.documents()) {
      if (d.object() instanceof DaemonSet ds) {
        all.addAll(DaemonSetValidator.validate(ds, d.sourceMap()));
      }
    }
    return all;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("manifests")
  void noErrors(Path file) throws IOException {
    assertThat(validateAll(file)).extracting(d -> d.path() + ": " + d.message()).isEmpty();
  }

  @Test
  void thirtyFourDaemonSetsValidated() throws IOException {
    long count = 0;
    for (Path file : manifests().toList()) {
      count += ManifestReader.defaults().read(Files.readAllBytes(file)).daemonSets().size();
    }
    assertThat(count).isEqualTo(34);
  }
}
