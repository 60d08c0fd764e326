package dev.daemonset.core.internal.bind;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.daemonset.core.TestData;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SchemaResourceTest {

  static final Path FIXTURES = TestData.path("testdata/k8s-api-testdata/HEAD");

  @Test
  void committedSchemaEqualsTheOneDerivedFromTheFixtures() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    JsonNode derived = SchemaDerivation.derive(FIXTURES);
    JsonNode committed;
    try (InputStream in = Schema.class.getResourceAsStream("schema.json")) {
      committed = mapper.readTree(in);
    }
    if (!derived.equals(committed)) {
      Path out = Path.of("target", "derived-schema.json");
      Files.writeString(
          out, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(derived) + "\n");
    }
    assertThat(committed)
        .as("schema.json must be re-derived (see target/derived-schema.json)")
        .isEqualTo(derived);
  }

  @Test
  void everyKindParses() {
    assertThat(Schema.kind("apps/v1/DaemonSet")).isInstanceOf(Type.Struct.class);
    assertThat(Schema.kind("v1/Pod")).isInstanceOf(Type.Struct.class);
    assertThat(Schema.kind("v1/Node")).isInstanceOf(Type.Struct.class);
    assertThat(Schema.kind("apps/v1/ControllerRevision")).isInstanceOf(Type.Struct.class);
    Type.Struct ds = (Type.Struct) Schema.kind("apps/v1/DaemonSet");
    Type.Struct spec = (Type.Struct) ds.field("spec");
    Type.Struct strategy = (Type.Struct) spec.field("updateStrategy");
    Type.Struct rolling = (Type.Struct) strategy.field("rollingUpdate");
    assertThat(rolling.fields()).containsEntry("maxSurge", Type.Scalar.INT_OR_STRING);
    Type.Struct meta = (Type.Struct) ds.field("metadata");
    assertThat(meta.field("labels")).isEqualTo(new Type.MapOf(Type.Scalar.STRING));
    assertThat(meta.field("creationTimestamp")).isEqualTo(Type.Scalar.TIME);
  }
}
