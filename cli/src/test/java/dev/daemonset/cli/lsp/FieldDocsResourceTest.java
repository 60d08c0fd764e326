package dev.daemonset.cli.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The hover and completion documentation is upstream's, derived from the copies of {@code types.go}
 * and {@code types_swagger_doc_generated.go} in {@code src/testdata/k8s-api-docs}: derived again
 * here, and the committed resource must be exactly that, attribution included.
 */
class FieldDocsResourceTest {

  static final Path UPSTREAM = TestFiles.src("testdata/k8s-api-docs");

  @Test
  void committedFieldDocsEqualTheOnesDerivedFromUpstream() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    JsonNode derived = FieldDocsDerivation.derive(UPSTREAM);
    JsonNode committed;
    try (InputStream in = FieldDocs.class.getResourceAsStream(FieldDocs.RESOURCE)) {
      committed = in == null ? null : mapper.readTree(in);
    }
    if (!derived.equals(committed)) {
      Path out = Path.of("target", "derived-field-docs.json");
      Files.createDirectories(out.getParent());
      Files.writeString(
          out, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(derived) + "\n");
    }
    assertThat(derived.equals(committed))
        .as(
            "field-docs.json must be re-derived: copy target/derived-field-docs.json to"
                + " src/main/resources/dev/daemonset/cli/lsp/field-docs.json")
        .isTrue();
  }

  @Test
  void theAttributionTravelsWithTheText() {
    assertThat(FieldDocs.load().attribution())
        .contains("The Kubernetes Authors", "Apache-2.0", "kubernetes/api 10b39a39bcee");
  }

  @Test
  void documentsFieldsThroughEmbeddedAndReferencedTypes() {
    FieldDocs docs = FieldDocs.load();
    assertThat(
            docs.field(
                "apps/v1",
                "DaemonSet",
                java.util.List.of("spec", "updateStrategy", "rollingUpdate", "maxSurge")))
        .hasValueSatisfying(
            d ->
                assertThat(d.doc())
                    .startsWith(
                        "The maximum number of nodes with an existing available DaemonSet pod that can have an updated DaemonSet pod during during an update."));
    // Volume embeds VolumeSource inline: hostPath is a field of the volume itself
    assertThat(
            docs.field(
                "apps/v1",
                "DaemonSet",
                java.util.List.of("spec", "template", "spec", "volumes", "hostPath", "path")))
        .hasValueSatisfying(
            d -> assertThat(d.doc()).startsWith("path of the directory on the host."));
    assertThat(docs.field("apps/v1", "DaemonSet", java.util.List.of("metadata", "labels")))
        .hasValueSatisfying(d -> assertThat(d.doc()).startsWith("Map of string keys and values"));
    assertThat(docs.field("apps/v1", "DaemonSet", java.util.List.of("spec", "nonsense"))).isEmpty();
  }
}
