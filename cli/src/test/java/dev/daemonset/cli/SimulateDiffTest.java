package dev.daemonset.cli;

import static dev.daemonset.cli.CliTest.CLUSTER;
import static dev.daemonset.cli.CliTest.DS;
import static dev.daemonset.cli.CliTest.NOW;
import static dev.daemonset.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code simulate} and {@code diff} on the examples: text, JSON against its schema, exit codes. */
class SimulateDiffTest {
  @TempDir Path tmp;

  static JsonNode validated(String json, String schemaName) throws IOException {
    Schema schema;
    try (InputStream in =
        Files.newInputStream(CliProcessIT.ROOT.resolve("docs/schemas/" + schemaName))) {
      schema =
          SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
              .getSchema(Json.MAPPER.readTree(in));
    }
    JsonNode tree = Json.MAPPER.readTree(json);
    assertThat(schema.validate(tree)).as(json).isEmpty();
    return tree;
  }

  private Path newVersion() throws IOException {
    String text = Files.readString(Path.of(DS), StandardCharsets.UTF_8);
    Path p = tmp.resolve("node-agent-1.9.yaml");
    Files.writeString(
        p, text.replace("node-agent:1.8.0", "node-agent:1.9.0"), StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void simulateSummarisesTheRolloutAndItsWaves() {
    CliTest.Result r = run("simulate", "--now", NOW, DS, CLUSTER);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.lines())
        .startsWith(
            "DaemonSet monitoring/node-agent",
            "  converged after 1m 25s: every node that should run the pod runs an updated, available one");
    assertThat(r.out()).contains("  waves:", "delete 2 (OUTDATED)");
  }

  @Test
  void simulateJsonFollowsItsSchema() throws IOException {
    CliTest.Result r =
        run(
            "simulate",
            "--now",
            NOW,
            "--startup",
            "20s..60s",
            "--seed",
            "3",
            "-o",
            "json",
            DS,
            CLUSTER);
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode tree = validated(r.out(), "simulate.schema.json");
    JsonNode s = tree.get("simulations").get(0);
    assertThat(s.get("daemonSet").asText()).isEqualTo("monitoring/node-agent");
    assertThat(s.get("converged").asBoolean()).isTrue();
    assertThat(s.get("stall").isNull()).isTrue();
    assertThat(s.get("duration").asText()).startsWith("PT");
    // the same seed, the same timeline
    assertThat(
            run(
                    "simulate",
                    "--now",
                    NOW,
                    "--startup",
                    "20s..60s",
                    "--seed",
                    "3",
                    "-o",
                    "json",
                    DS,
                    CLUSTER)
                .out())
        .isEqualTo(r.out());
  }

  @Test
  void simulateReportsAStall() throws IOException {
    CliTest.Result r =
        run(
            "simulate",
            "--now",
            NOW,
            "--unready",
            "kubernetes.io/hostname=worker-2",
            "-o",
            "json",
            DS,
            CLUSTER);
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode s = validated(r.out(), "simulate.schema.json").get("simulations").get(0);
    assertThat(s.get("stalled").asBoolean()).isTrue();
    assertThat(s.get("stall").get("nodes").toString()).isEqualTo("[\"worker-2\"]");
    CliTest.Result text =
        run("simulate", "--now", NOW, "--unready", "kubernetes.io/hostname=worker-2", DS, CLUSTER);
    assertThat(text.out()).contains("stalled after", "nodes: worker-2");
  }

  @Test
  void simulateRefusesBadAssumptions() {
    assertThat(run("simulate", "--startup", "soon", DS, CLUSTER).exit()).isEqualTo(Main.USAGE);
    assertThat(run("simulate", "--unready", "150%", DS, CLUSTER).exit()).isEqualTo(Main.USAGE);
    assertThat(run("simulate", "--startup", "60s..20s", DS, CLUSTER).exit()).isEqualTo(Main.USAGE);
    assertThat(run("simulate", CLUSTER).exit()).isEqualTo(Main.USAGE);
  }

  @Test
  void simulateNamesTheOptionAndTheTextAsWrittenInItsUsageErrors() {
    assertThat(run("simulate", "--now", "yesterday", DS, CLUSTER).err())
        .isEqualTo(
            "daemonset: --now must be an RFC 3339 time such as 2026-11-28T10:00:00Z, not"
                + " 'yesterday'\n");
    assertThat(run("simulate", "--startup", "60s..20s", DS, CLUSTER).err())
        .isEqualTo(
            "daemonset: --startup: a range goes from the shorter time to the longer (20s..60s),"
                + " not '60s..20s'\n");
    assertThat(run("simulate", "--sync-interval", "0s", DS, CLUSTER).err())
        .isEqualTo("daemonset: --sync-interval must be longer than 0, not '0s'\n");
    assertThat(run("simulate", "--horizon", "PT-5S", DS, CLUSTER).err())
        .isEqualTo("daemonset: --horizon must not be negative, not 'PT-5S'\n");
    assertThat(run("simulate", "--crash-loop", "10%", "--crash-after", "soon", DS, CLUSTER).err())
        .startsWith("daemonset: --crash-after: not a duration: 'soon'");
  }

  @Test
  void simulateHelpPrintsItsPercentagesWithoutWarnings() {
    CliTest.Result help = run("simulate", "--help");
    assertThat(help.err()).isEmpty();
    assertThat(help.out())
        .contains("(10%)")
        .contains("--unready 10% --seed 7")
        .doesNotContain("%%");
  }

  @Test
  void diffWithoutAClusterListsTheFieldsAndTheRollout() throws IOException {
    CliTest.Result r = run("diff", "-o", "json", DS, newVersion().toString());
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode d = validated(r.out(), "diff.schema.json").get("diffs").get(0);
    assertThat(d.get("rollout").asBoolean()).isTrue();
    assertThat(d.get("changes").toString())
        .isEqualTo(
            "[{\"path\":\"spec.template.spec.containers[0].image\","
                + "\"before\":\"registry.example.com/node-agent:1.8.0\","
                + "\"after\":\"registry.example.com/node-agent:1.9.0\"}]");
    assertThat(d.get("estimatedRolloutSeconds").isNull()).isTrue();
  }

  @Test
  void diffFailsOnTheNamedImpact() throws IOException {
    String changed = newVersion().toString();
    assertThat(run("diff", DS, DS).exit()).isZero();
    assertThat(run("diff", "--fail-on", "rollout", DS, DS).exit()).isZero();
    assertThat(run("diff", "--fail-on", "rollout", DS, changed).exit()).isEqualTo(Main.FINDINGS);
    assertThat(run("diff", "--fail-on", "nodes-lost", DS, changed).exit()).isZero(); // no cluster
    CliTest.Result lost =
        run("diff", "--now", NOW, "--fail-on", "nodes-lost", DS, changed, CLUSTER);
    assertThat(lost.exit()).isEqualTo(Main.FINDINGS);
    assertThat(lost.out())
        .contains(
            "nodes losing the daemon pod: 1", "gpu-1 (EMPTIED_BY_ROLLOUT)", "estimated rollout: ");
    assertThat(run("diff", "--fail-on", "everything", DS, changed).exit()).isEqualTo(Main.USAGE);
  }

  @Test
  void diffJsonWithAClusterFollowsItsSchema() throws IOException {
    CliTest.Result r =
        run("diff", "--now", NOW, "-o", "json", DS, newVersion().toString(), CLUSTER);
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode d = validated(r.out(), "diff.schema.json").get("diffs").get(0);
    assertThat(d.get("nodesLost").get(0).get("node").asText()).isEqualTo("gpu-1");
    assertThat(d.get("podsReplaced").asInt()).isPositive();
    assertThat(d.get("estimatedRolloutSeconds").isNumber()).isTrue();
  }
}
