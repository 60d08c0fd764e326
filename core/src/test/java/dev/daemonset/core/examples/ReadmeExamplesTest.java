package dev.daemonset.core.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.ReadResult;
import dev.daemonset.api.Severity;
import dev.daemonset.api.lint.Finding;
import dev.daemonset.api.lint.Policy;
import dev.daemonset.api.lint.PolicyInput;
import dev.daemonset.api.lint.RuleInfo;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.plan.Action;
import dev.daemonset.api.plan.ClusterSnapshot;
import dev.daemonset.api.plan.Plan;
import dev.daemonset.core.TestData;
import dev.daemonset.core.lint.Linter;
import dev.daemonset.core.plan.Planner;
import dev.daemonset.core.read.ManifestReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Java examples of README.md, compiled and run so they cannot rot. Keep the two in step. */
class ReadmeExamplesTest {

  static final Path EXAMPLES = TestData.path("examples");

  // README: "Write a policy"
  /** Every DaemonSet names the team that is paged when it breaks. */
  public static final class RequireTeamLabel implements Policy {
    @Override
    public RuleInfo info() {
      return new RuleInfo(
          "require-team-label",
          "Team label required",
          "Every DaemonSet names its owning team in metadata.labels[team].",
          "Add `team: <name>` to metadata.labels.",
          Severity.WARNING);
    }

    @Override
    public List<Finding> check(PolicyInput input) {
      return input.daemonSet().metadata().labels().containsKey("team")
          ? List.of()
          : List.of(
              Finding.at("metadata.labels", "no `team` label: who is paged when this breaks?"));
    }
  }

  // README: "Test a policy"
  @Test
  void requireTeamLabelFlagsAMissingLabel() {
    Linter linter = Linter.builder().noPolicies().policy(new RequireTeamLabel()).build();
    List<Diagnostic> findings =
        linter.lint(
            """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: agent
          labels: {app: agent}
        spec:
          selector: {matchLabels: {app: agent}}
          template:
            metadata: {labels: {app: agent}}
            spec:
              containers: [{name: agent, image: "agent:1.0"}]
        """);
    assertThat(findings)
        .extracting(Diagnostic::code, d -> d.span().line(), d -> d.span().column())
        .containsExactly(org.assertj.core.groups.Tuple.tuple("require-team-label", 5, 11));
  }

  // README: "Lint"
  @Test
  void lintTheMinimalExample() throws IOException {
    String yaml = Files.readString(EXAMPLES.resolve("my-daemonset.yaml"));
    List<String> lines = new ArrayList<>();
    for (Diagnostic d : Linter.defaults().lint(yaml)) {
      lines.add(
          d.span().line() + ":" + d.span().column() + " " + d.severity().label() + " " + d.code());
    }
    assertThat(lines)
        .containsExactly(
            "13:5 warning priority-class-missing",
            "14:7 info readiness-probe-missing",
            "15:9 warning resources-missing",
            "16:16 warning image-tag-latest");
  }

  // README: "Plan"
  @Test
  void planTheNodeAgentRollout() throws IOException {
    ManifestReader reader = ManifestReader.defaults();
    DaemonSet ds =
        reader.read(Files.readAllBytes(EXAMPLES.resolve("node-agent.yaml"))).daemonSets().get(0);
    ReadResult cluster = reader.read(Files.readAllBytes(EXAMPLES.resolve("cluster.yaml")));

    Plan plan =
        Planner.plan(
            ds,
            ClusterSnapshot.from(cluster), // nodes, pods and revisions
            Instant.parse("2026-11-28T10:00:00Z"));

    List<String> actions = new ArrayList<>();
    for (Action a : plan.actions()) {
      actions.add(a.kind() + " " + a.node() + " " + a.reason().name());
    }
    assertThat(actions)
        .containsExactly(
            "CREATE worker-4 MISSING", "DELETE edge-1 MISSCHEDULED", "DELETE cp-1 OUTDATED");
    assertThat(plan.status().desiredNumberScheduled()).isEqualTo(6);
  }
}
