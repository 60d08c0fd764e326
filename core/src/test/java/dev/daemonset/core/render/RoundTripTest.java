package dev.daemonset.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.daemonset.api.ReadResult;
import dev.daemonset.api.model.KubernetesObject;
import dev.daemonset.core.TestData;
import dev.daemonset.core.read.ManifestReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Round trip of upstream's fully-populated fixtures: YAML and JSON give equal models, writing and
 * reading again gives an equal model, and the written JSON tree equals the original one once Go
 * zero values are dropped (so no field is lost).
 */
class RoundTripTest {

  static Stream<Arguments> fixtures() {
    return Stream.of("HEAD", "v1.33.0")
        .flatMap(
            v ->
                Stream.of("apps.v1.DaemonSet", "core.v1.Node", "core.v1.Pod")
                    .map(k -> Arguments.of(v, k)));
  }

  private static KubernetesObject readOne(String text) {
    ReadResult r = ManifestReader.defaults().read(text);
    assertThat(r.diagnostics()).as("diagnostics").isEmpty();
    assertThat(r.documents()).hasSize(1);
    return r.documents().get(0).object();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("fixtures")
  void roundTrip(String version, String kind) throws Exception {
    Path dir = TestData.path("testdata/k8s-api-testdata").resolve(version);
    String json = Files.readString(dir.resolve(kind + ".json"));
    String yaml = Files.readString(dir.resolve(kind + ".yaml"));
    KubernetesObject fromJson = readOne(json);
    KubernetesObject fromYaml = readOne(yaml);
    assertThat(fromYaml).isEqualTo(fromJson);

    String writtenJson = ManifestWriter.toJson(fromJson);
    String writtenYaml = ManifestWriter.toYaml(fromJson);
    assertThat(readOne(writtenJson)).isEqualTo(fromJson);
    assertThat(readOne(writtenYaml)).isEqualTo(fromJson);
    assertThat(ManifestWriter.toJson(readOne(writtenYaml))).isEqualTo(writtenJson);

    ObjectMapper mapper = new ObjectMapper();
    JsonNode original = normalise(mapper.readTree(json));
    JsonNode written = normalise(mapper.readTree(writtenJson));
    assertThat(written).isEqualTo(original);
  }

  /** Drops Go zero values (null, "", 0, false, empty objects and lists), recursively. */
  static JsonNode normalise(JsonNode n) {
    if (n.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        JsonNode v = normalise(e.getValue());
        if (!isZero(v)) {
          out.set(e.getKey(), v);
        }
      }
      return out;
    }
    if (n.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      n.forEach(x -> out.add(normalise(x)));
      return out;
    }
    return n;
  }

  private static boolean isZero(JsonNode v) {
    return v.isNull()
        || (v.isTextual() && v.asText().isEmpty())
        || (v.isNumber() && v.asDouble() == 0)
        || (v.isBoolean() && !v.asBoolean())
        || (v.isContainerNode() && v.isEmpty());
  }
}
