package dev.daemonset.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.daemonset.core.TestData;
import dev.daemonset.core.lint.Linter;
import dev.daemonset.core.read.ManifestReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The lint JSON that {@link ReportWriter} writes is valid against docs/schemas/lint.schema.json:
 * for the examples, for every validation conformance case and every real-world manifest (findings
 * with related locations, every severity), and for no file at all; and the schema rejects what
 * breaks the contract.
 */
class JsonSchemaTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static Schema schema(String name) throws IOException {
    Path file = TestData.path("").getParent().resolve("docs/schemas/" + name);
    try (InputStream in = Files.newInputStream(file)) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(MAPPER.readTree(in));
    }
  }

  @Test
  void lintOutputIsValidVersionOne() throws IOException {
    List<Path> files = new ArrayList<>();
    files.add(TestData.path("examples/broken-daemonset.yaml"));
    files.add(TestData.path("examples/my-daemonset.yaml"));
    files.addAll(TestData.realWorldManifests().toList());
    try (var cases = Files.list(TestData.path("conformance/validation"))) {
      cases.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
    }
    Linter linter = Linter.defaults();
    List<FileReport> reports = new ArrayList<>();
    for (Path file : files) {
      String text = Files.readString(file);
      reports.add(new FileReport(file.getFileName().toString(), text, linter.lint(text)));
    }
    Schema schema = schema("lint.schema.json");
    ReportWriter json = ReportWriter.of(ReportFormat.JSON);
    JsonNode all = MAPPER.readTree(json.format(reports));
    assertThat(all.path("version").asInt()).isEqualTo(1);
    assertThat(all.findValues("related")).isNotEmpty();
    assertThat(all.findValuesAsText("severity")).contains("error", "warning", "info");
    assertThat(schema.validate(all)).isEmpty();
    assertThat(schema.validate(MAPPER.readTree(json.format(List.of())))).isEmpty();
  }

  @Test
  void theSchemaRejectsWhatBreaksTheContract() throws IOException {
    Schema schema = schema("lint.schema.json");
    String ok =
        "{\"version\":1,\"files\":[{\"file\":\"a.yaml\",\"diagnostics\":[{\"severity\":\"error\","
            + "\"code\":\"unknown-field\",\"path\":\"spec.x\",\"message\":\"m\",\"line\":1,"
            + "\"column\":1,\"endLine\":1,\"endColumn\":2,\"document\":0}]}]}";
    assertThat(schema.validate(MAPPER.readTree(ok))).isEmpty();
    assertThat(schema.validate(MAPPER.readTree(ok.replace("\"version\":1", "\"version\":2"))))
        .isNotEmpty();
    assertThat(schema.validate(MAPPER.readTree(ok.replace("\"error\"", "\"fatal\"")))).isNotEmpty();
    assertThat(schema.validate(MAPPER.readTree(ok.replace("\"line\":1,", "")))).isNotEmpty();
    assertThat(
            schema.validate(
                MAPPER.readTree(ok.replace("\"document\":0", "\"document\":0,\"x\":1"))))
        .isNotEmpty();
  }

  @Test
  void suppressedFindingsAreListedAsTheSchemaSays() throws IOException {
    String text =
        """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: agent
          annotations: {daemonset.dev/ignore: image-tag-latest, daemonset.dev/ignore-reason: why}
        spec:
          selector: {matchLabels: {app: agent}}
          template:
            metadata: {labels: {app: agent}}
            spec: {containers: [{name: agent, image: "agent:latest"}]}
        """;
    var result = Linter.defaults().check(ManifestReader.defaults().read(text));
    List<FileReport> reports =
        List.of(new FileReport("a.yaml", text, result.diagnostics(), result.suppressed()));
    JsonNode json = MAPPER.readTree(ReportWriter.of(ReportFormat.JSON).format(reports));
    JsonNode suppressed = json.path("files").path(0).path("suppressed");
    assertThat(suppressed.size()).isEqualTo(1);
    assertThat(suppressed.path(0).path("code").asText()).isEqualTo("image-tag-latest");
    assertThat(suppressed.path(0).path("suppressedBy").asText()).isEqualTo("daemonset.dev/ignore");
    assertThat(suppressed.path(0).path("reason").asText()).isEqualTo("why");
    Schema schema = schema("lint.schema.json");
    assertThat(schema.validate(json)).isEmpty();
    ((com.fasterxml.jackson.databind.node.ObjectNode) suppressed.path(0)).remove("suppressedBy");
    assertThat(schema.validate(json)).isNotEmpty();
  }
}
