package dev.daemonset.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.Document;
import dev.daemonset.api.ReadResult;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.core.TestData;
import dev.daemonset.core.read.ManifestReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Upstream's fully-populated round-trip fixture (every DaemonSet field set once, to placeholder
 * values such as {@code nameValue}) against the errors the API server gives for it, in full and in
 * order: {@code fixture/apps.v1.DaemonSet.expected}, one {@code code path line:column message} per
 * line.
 *
 * <p>The expected list was derived by reading the upstream rules for each written field. It leaves
 * out what the API server would also report for fields this engine does not validate: sysctls, the
 * SELinux change policy, Windows options (pod and container, including hostProcess), the
 * topology-spread matchLabelKeys, resource claims (pod and container), overhead,
 * ephemeral-container field checks, volume devices, resize policies, per-source volume checks
 * beyond the first source, the downward-API {@code resourceFieldRef}, and feature-gated fields the
 * server drops before validating. Managed fields are reset by the server on create and are not
 * checked.
 */
class FixtureValidationTest {

  static final Path FIXTURE =
      TestData.path("testdata/k8s-api-testdata/HEAD/apps.v1.DaemonSet.yaml");

  @Test
  void everyErrorTheServerGivesForTheWrittenFields() throws IOException {
    ReadResult read = ManifestReader.defaults().read(Files.readAllBytes(FIXTURE));
    Document doc = read.documents().get(0);
    List<String> found =
        DaemonSetValidator.validate((DaemonSet) doc.object(), doc.sourceMap()).stream()
            .map(ValidationConformanceTest::render)
            .toList();
    assertThat(found).containsExactlyElementsOf(expected());
  }

  private static List<String> expected() throws IOException {
    try (InputStream in =
        FixtureValidationTest.class.getResourceAsStream("/fixture/apps.v1.DaemonSet.expected")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(l -> !l.isBlank())
          .toList();
    }
  }
}
