package dev.daemonset.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The JSON of {@code plan} and {@code explain} is valid against docs/schemas (version 1): with the
 * examples, with a burst limit, one node explained, a pod on a vanished node (a pod-GC delete); and
 * each schema rejects a broken document.
 */
class JsonSchemaTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Path ROOT = CliProcessIT.ROOT;
  private static final String DS = CliTest.DS;
  private static final String CLUSTER = CliTest.CLUSTER;
  private static final String NOW = CliTest.NOW;

  static Schema schema(String name) throws IOException {
    try (InputStream in = Files.newInputStream(ROOT.resolve("docs/schemas/" + name))) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(MAPPER.readTree(in));
    }
  }

  private static JsonNode json(String... args) throws IOException {
    CliTest.Result r = CliTest.run(args);
    assertThat(r.err()).isEmpty();
    assertThat(r.exit()).isZero();
    JsonNode node = MAPPER.readTree(r.out());
    assertThat(node.path("version").asInt()).isEqualTo(1);
    return node;
  }

  @Test
  void planJsonIsValidVersionOne() throws IOException {
    Schema schema = schema("plan.schema.json");
    JsonNode examples = json("plan", "--now", NOW, "-o", "json", DS, CLUSTER);
    JsonNode deferred = json("plan", "--now", NOW, "--burst", "1", "-o", "json", DS, CLUSTER);
    for (JsonNode plan : List.of(examples, deferred)) {
      assertThat(schema.validate(plan)).isEmpty();
    }
    JsonNode gc = json("plan", "--now", NOW, "-o", "json", DS, CLUSTER, podOnVanishedNode());
    assertThat(gc.findValues("podGc")).isNotEmpty();
    assertThat(schema.validate(gc)).isEmpty();
    assertThat(
            schema.validate(MAPPER.readTree(examples.toString().replace("\"create\"", "\"make\""))))
        .isNotEmpty();
  }

  @Test
  void explainJsonIsValidVersionOne() throws IOException {
    Schema schema = schema("explain.schema.json");
    JsonNode all = json("explain", "--now", NOW, "-o", "json", DS, CLUSTER);
    JsonNode one = json("explain", "--now", NOW, "-o", "json", "--node", "gpu-1", DS, CLUSTER);
    assertThat(all.findValues("fix")).isNotEmpty();
    assertThat(all.findValues("create")).isNotEmpty();
    assertThat(schema.validate(all)).isEmpty();
    assertThat(schema.validate(one)).isEmpty();
    assertThat(schema.validate(MAPPER.readTree(all.toString().replace("\"stays\"", "\"kept\""))))
        .isNotEmpty();
  }

  /** A pod of the example DaemonSet bound to a node that is not in the cluster. */
  private static String podOnVanishedNode() throws IOException {
    Path file = Files.createTempFile("vanished", ".yaml");
    file.toFile().deleteOnExit();
    Files.writeString(
        file,
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: node-agent-gone1
          namespace: monitoring
          labels: {app: node-agent}
          ownerReferences:
          - {apiVersion: apps/v1, kind: DaemonSet, name: node-agent,
             uid: 3f1c2a9e-5b7d-4c8e-9a61-2d4f8b0c7e15, controller: true}
        spec:
          nodeName: decommissioned-7
          containers: [{name: agent, image: registry.example.com/node-agent:1.7.0}]
        status: {phase: Running}
        """);
    return file.toString();
  }
}
