package dev.daemonset.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CLI in process, on the examples in src/examples. */
class CliTest {

  static final Path EXAMPLES = CliProcessIT.ROOT.resolve("src/examples");
  static final String DS = EXAMPLES.resolve("node-agent.yaml").toString();
  static final String CLUSTER = EXAMPLES.resolve("cluster.yaml").toString();
  static final String NOW = "2026-11-28T10:00:00Z";

  record Result(int exit, String out, String err) {
    List<String> lines() {
      return out.lines().toList();
    }
  }

  static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        Main.run(
            args,
            new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            false);
    return new Result(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** The lines of one node's block in the text explanation. */
  static List<String> block(Result r, String node) {
    List<String> out = new ArrayList<>();
    boolean in = false;
    for (String line : r.lines()) {
      if (line.startsWith("  " + node + ": ")) {
        in = true;
      } else if (in && !line.startsWith("    ")) {
        break;
      }
      if (in) {
        out.add(line.strip());
      }
    }
    return out;
  }

  @Test
  void explainNamesTheTaintAndTheTolerationThatFixesIt() {
    Result r = run("explain", "--now", NOW, DS, CLUSTER);
    assertThat(r.exit()).isZero();
    assertThat(block(r, "gpu-1"))
        .containsExactly(
            "gpu-1: gets no new pod, but a running one may stay",
            "- The node's taint nvidia.com/gpu=present:NoSchedule is not tolerated; running pods may stay;"
                + " the toleration {key: nvidia.com/gpu, operator: Equal, value: present, effect: NoSchedule} would tolerate it.",
            "pod node-agent-q2w8n stays.");
  }

  @Test
  void explainNamesMissingAndDifferentSelectorLabels() {
    Result r = run("explain", "--now", NOW, DS, CLUSTER);
    assertThat(block(r, "legacy-1"))
        .containsExactly(
            "legacy-1: must not run the pod",
            "- nodeSelector requires label kubernetes.io/os=linux, but the node has no label kubernetes.io/os.");
    assertThat(block(r, "win-1"))
        .containsExactly(
            "win-1: must not run the pod",
            "- nodeSelector requires label kubernetes.io/os=linux, but the node has kubernetes.io/os=windows.");
  }

  @Test
  void explainSaysACordonedNodeStillRunsThePod() {
    Result r = run("explain", "--now", NOW, DS, CLUSTER);
    assertThat(block(r, "worker-3"))
        .containsExactly(
            "worker-3: runs the pod",
            "- The node is cordoned (spec.unschedulable); that does not stop daemon pods, which tolerate node.kubernetes.io/unschedulable.",
            "pod node-agent-m3v7x stays.");
  }

  @Test
  void explainNamesTheFailedAffinityTermAndThePodThatGoes() {
    Result r = run("explain", "--now", NOW, DS, CLUSTER);
    assertThat(block(r, "edge-1"))
        .containsExactly(
            "edge-1: must not run the pod",
            "- No term of the required node affinity matches: Term 0: matchExpressions[0]"
                + " (node-role.example.com/edge DoesNotExist) fails: the node has the label node-role.example.com/edge.",
            "pod node-agent-h7d9s is deleted (MISSCHEDULED): the node must not run it, for the reasons above.");
    assertThat(r.lines().get(r.lines().size() - 2))
        .isEqualTo(
            "  Summary: the pod runs on 6 of 10 nodes; not on the"
                + " others because of: node affinity (1 node), nodeSelector (2 nodes), untolerated taints (1 node).");
  }

  @Test
  void explainOneNodeAsJson() throws Exception {
    Result r = run("explain", "--now", NOW, "--node", "gpu-1", "--output", "json", DS, CLUSTER);
    assertThat(r.exit()).isZero();
    JsonNode node = Json.MAPPER.readTree(r.out()).path("explanations").path(0).path("nodes");
    assertThat(node).hasSize(1);
    assertThat(node.path(0).path("verdict").asText()).isEqualTo("MAY_KEEP_RUNNING");
    assertThat(node.path(0).path("reasons").path(0).path("fix").toString())
        .isEqualTo(
            "{\"key\":\"nvidia.com/gpu\",\"operator\":\"Equal\",\"value\":\"present\",\"effect\":\"NoSchedule\"}");
    assertThat(node.path(0).path("pods").path(0).path("fate").asText()).isEqualTo("stays");
  }

  @Test
  void explainRejectsAnUnknownNode() {
    Result r = run("explain", "--now", NOW, "--node", "nope", DS, CLUSTER);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("daemonset: no node named 'nope' in the cluster files\n");
  }

  @Test
  void planListsEveryActionWithItsReasonAndBothStatuses() {
    Result r = run("plan", "--now", NOW, DS, CLUSTER);
    assertThat(r.exit()).isZero();
    assertThat(r.lines())
        .contains(
            "  create  worker-4  node-agent-*      MISSING       Node worker-4 should run a daemon pod and has none.",
            "  status now:       desired 6, current 5, ready 5, available 4, updated 2, misscheduled 2, unavailable 2",
            "  after this plan:  desired 6, current 5, ready 4, available 3, updated 3, misscheduled 1, unavailable 3");
    assertThat(r.out())
        .contains("  delete  edge-1    node-agent-h7d9s  MISSCHEDULED  ")
        .contains("  delete  cp-1      node-agent-4xk2p  OUTDATED      ");
  }

  @Test
  void planJsonFollowsTheDesignContract() throws Exception {
    Result r = run("plan", "--now", NOW, "--output", "json", DS, CLUSTER);
    JsonNode plan = Json.MAPPER.readTree(r.out()).path("plans").path(0);
    assertThat(plan.path("daemonSet").asText()).isEqualTo("monitoring/node-agent");
    List<String> actions = new ArrayList<>();
    plan.path("actions")
        .forEach(
            a ->
                actions.add(
                    a.path("type").asText()
                        + " "
                        + a.path("node").asText()
                        + " "
                        + a.path("pod").asText()
                        + " "
                        + a.path("reason").asText()));
    assertThat(actions)
        .containsExactly(
            "create worker-4 node-agent- MISSING",
            "delete edge-1 node-agent-h7d9s MISSCHEDULED",
            "delete cp-1 node-agent-4xk2p OUTDATED");
    assertThat(plan.path("status").path("desiredNumberScheduled").asInt()).isEqualTo(6);
    assertThat(plan.path("status").path("numberMisscheduled").asInt()).isEqualTo(2);
    assertThat(plan.path("projectedStatus").path("updatedNumberScheduled").asInt()).isEqualTo(3);
  }

  @Test
  void planYamlIsThePodsToCreateReadForKubectl() {
    Result r = run("plan", "--now", NOW, "--output", "yaml", DS, CLUSTER);
    assertThat(r.out())
        .contains(
            "generateName: node-agent-",
            "pod-template-generation: \"2\"",
            "          - key: metadata.name\n            operator: In\n            values:\n            - worker-4");
  }

  @Test
  void planRejectsABadTime() {
    Result r = run("plan", "--now", "yesterday", DS, CLUSTER);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "daemonset: --now must be an RFC 3339 time such as 2026-11-28T10:00:00Z, not 'yesterday'\n");
  }

  @Test
  void planAndExplainRefuseADaemonSetTheApiServerWouldReject(
      @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path invalid =
        java.nio.file.Files.writeString(
            dir.resolve("invalid.yaml"),
            """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: agent
            spec:
              minReadySeconds: -1
              selector: {matchLabels: {app: agent}}
              template:
                metadata: {labels: {app: agent}}
                spec:
                  containers: [{name: agent, image: "agent:1.0"}]
            """);
    String expected =
        String.join(
            "\n",
            invalid
                + ":6:20: error: spec.minReadySeconds: Invalid value: -1: must be greater than or"
                + " equal to 0 [FieldValueInvalid]",
            "    6 |   minReadySeconds: -1",
            "      |                    ^~",
            "daemonset: the input has errors (above); nothing was planned",
            "");
    for (String command : List.of("plan", "explain")) {
      Result r = run(command, "--now", NOW, invalid.toString(), CLUSTER);
      assertThat(r.exit()).as(command).isEqualTo(1);
      assertThat(r.out()).as(command).isEmpty();
      assertThat(r.err()).as(command).isEqualTo(expected);
    }
  }

  @Test
  void everyCommandPrintsTheVersion() {
    Result root = run("-V");
    assertThat(root.exit()).isEqualTo(Main.OK);
    assertThat(root.out()).startsWith("daemonset ").contains("Kubernetes");
    for (String command : List.of("lint", "plan", "explain", "simulate", "diff", "lsp")) {
      for (String flag : List.of("-V", "--version")) {
        Result r = run(command, flag);
        assertThat(r.out()).as(command + " " + flag).isEqualTo(root.out());
        assertThat(r.exit()).as(command + " " + flag).isEqualTo(Main.OK);
      }
    }
  }

  @Test
  void standardInputNamedTwiceIsAUsageErrorInEveryCommand() {
    for (String[] args :
        List.of(
            new String[] {"lint", "-", "-"},
            new String[] {"plan", "-", "-"},
            new String[] {"explain", "-", "-"},
            new String[] {"diff", "-", "-"})) {
      Result r = run(args);
      assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(Main.USAGE);
      assertThat(r.err()).as(String.join(" ", args)).contains("standard input (-) named twice");
    }
  }

  @Test
  void explainWithoutNodesSaysSo() {
    Result r = run("explain", "--now", NOW, DS);
    assertThat(r.exit()).isEqualTo(Main.OK);
    assertThat(r.err()).startsWith("daemonset: warning: no Node in the input");
  }
}
