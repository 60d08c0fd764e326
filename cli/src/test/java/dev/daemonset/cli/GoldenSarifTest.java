package dev.daemonset.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * The golden SARIF file that {@link GoldenIT} compares the command's output with is valid SARIF.
 */
class GoldenSarifTest {

  @Test
  void theGoldenSarifValidatesAgainstTheOasisSchema() throws Exception {
    JsonNode sarif;
    try (InputStream in = Files.newInputStream(GoldenIT.GOLDEN.resolve("lint-broken.sarif"))) {
      sarif = Json.MAPPER.readTree(in);
    }
    Schema schema;
    try (InputStream in =
        Files.newInputStream(
            CliProcessIT.ROOT.resolve("src/testdata/sarif/sarif-schema-2.1.0.json"))) {
      schema =
          SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
              .getSchema(Json.MAPPER.readTree(in));
    }
    assertThat(schema.validate(sarif)).isEmpty();
    assertThat(sarif.path("runs").path(0).path("results")).hasSize(15);
  }
}
