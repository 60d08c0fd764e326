package dev.daemonset.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.Severity;
import dev.daemonset.api.lint.Finding;
import dev.daemonset.api.lint.Policy;
import dev.daemonset.api.lint.PolicyInput;
import dev.daemonset.api.lint.RuleInfo;
import dev.daemonset.api.lint.RuleParameter;
import dev.daemonset.api.lint.RuleParameters;
import dev.daemonset.api.plan.NodeVerdict;
import dev.daemonset.core.lint.Linter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Applying a configuration: settings reach the linter, and what cannot be applied is reported. */
class LintSetupTest {

  /** A policy with parameters, to configure: it reports its parameter values and the cluster. */
  static final class Echo implements Policy {
    @Override
    public RuleInfo info() {
      return new RuleInfo("echo", "Echo", "Reports its settings.", "Nothing.", Severity.INFO)
          .withParameters(
              List.of(
                  RuleParameter.integer("limit", "3", "A number."),
                  RuleParameter.list("names", "", "Some names.")));
    }

    @Override
    public List<Finding> check(PolicyInput input) {
      RuleParameters p = input.parameters();
      String nodes =
          input
              .cluster()
              .map(
                  c ->
                      c.verdicts().stream()
                          .map(v -> v.node() + "=" + v.verdict())
                          .toList()
                          .toString())
              .orElse("no cluster");
      return List.of(
          Finding.at(
              "metadata.name",
              "limit "
                  + p.integer("limit").orElseThrow()
                  + " names "
                  + p.list("names")
                  + " "
                  + nodes));
    }
  }

  static final String DS =
      """
      apiVersion: apps/v1
      kind: DaemonSet
      metadata: {name: agent, namespace: kube-system}
      spec:
        selector: {matchLabels: {app: agent}}
        template:
          metadata: {labels: {app: agent}}
          spec:
            nodeSelector: {kubernetes.io/os: linux}
            containers: [{name: agent, image: "agent:1.0"}]
      """;

  static LintSetup load(String config, Path dir) {
    return LintSetup.load(
        LintConfig.parse(config, dir.resolve(LintConfig.FILE_NAME)),
        Linter.builder().policy(new Echo()));
  }

  static List<String> problems(LintSetup setup) {
    return setup.diagnostics().values().stream()
        .flatMap(List::stream)
        .map(
            d ->
                d.severity().label()
                    + " "
                    + d.path()
                    + " "
                    + d.span().line()
                    + ":"
                    + d.span().column()
                    + " "
                    + d.message())
        .toList();
  }

  @Test
  void settingsReachTheLinter(@TempDir Path dir) {
    LintSetup setup =
        load(
            """
            rules:
              echo:
                severity: error
                limit: 7
                names: [a, b]
              image-tag-latest: off
              resources-missing: info
            """,
            dir);
    assertThat(setup.diagnostics()).isEmpty();
    Linter linter = setup.linter();
    assertThat(linter.rules()).extracting(RuleInfo::id).doesNotContain("image-tag-latest");
    assertThat(linter.rules())
        .filteredOn(r -> r.id().equals("resources-missing"))
        .extracting(RuleInfo::defaultSeverity)
        .containsExactly(Severity.INFO);
    assertThat(linter.parameters().get("echo")).containsEntry("limit", "7");
    List<Diagnostic> echo = linter.lint(DS).stream().filter(d -> d.code().equals("echo")).toList();
    assertThat(echo)
        .extracting(Diagnostic::severity, Diagnostic::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Severity.ERROR, "limit 7 names [a, b] no cluster"));
  }

  @Test
  void unknownIdsParametersAndBadValuesAreReportedWhereTheyAreWritten(@TempDir Path dir) {
    LintSetup setup =
        load(
            """
            rules:
              image-tag-lates: off
              FieldValueInvalid: off
              echo:
                limit: many
                nmes: [a]
            """,
            dir);
    assertThat(problems(setup))
        .containsExactly(
            "error rules[image-tag-lates] 2:3 unknown rule `image-tag-lates`; did you mean"
                + " `image-tag-latest`?",
            "error rules[FieldValueInvalid] 3:3 `FieldValueInvalid` is a reading or API-server"
                + " check, which cannot be configured",
            "error rules[echo].limit 5:12 parameter limit of rule echo is integer: \"many\" is not"
                + " a whole number",
            "error rules[echo].nmes 6:5 rule echo has no parameter `nmes` (it has limit, names);"
                + " did you mean `names`?");
    assertThat(setup.hasErrors()).isTrue();
    assertThat(setup.diagnostics().keySet())
        .containsExactly(dir.resolve(LintConfig.FILE_NAME).toAbsolutePath());
    // what could be applied is: the defaults stay for the rest
    assertThat(setup.linter().parameters().get("echo")).containsEntry("limit", "3");
  }

  @Test
  void theClusterFilesReachPlacementRules(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("nodes.yaml"),
        """
        apiVersion: v1
        kind: List
        items:
        - {apiVersion: v1, kind: Node, metadata: {name: linux-1, labels: {kubernetes.io/os: linux}}}
        - {apiVersion: v1, kind: Node, metadata: {name: win-1, labels: {kubernetes.io/os: windows}}}
        """);
    LintSetup setup = load("cluster: [nodes.yaml]\n", dir);
    assertThat(setup.diagnostics()).isEmpty();
    assertThat(setup.cluster().orElseThrow().nodes()).hasSize(2);
    assertThat(setup.linter().lint(DS).stream().filter(d -> d.code().equals("echo")))
        .extracting(Diagnostic::message)
        .containsExactly(
            "limit 3 names [] [linux-1="
                + NodeVerdict.Verdict.SHOULD_RUN
                + ", win-1=MUST_NOT_RUN]");
  }

  @Test
  void unreadableFilesAreReported(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("pods.yaml"),
        "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {nodeName: [a]}\n");
    LintSetup setup =
        load(
            """
            ruleJars: [missing.jar]
            cluster: [nodes.yaml, pods.yaml]
            """,
            dir);
    List<String> problems = problems(setup);
    assertThat(problems).hasSize(4);
    assertThat(problems.get(0))
        .isEqualTo(
            "error ruleJars[0] 1:12 cannot read the rule jar "
                + dir.resolve("missing.jar")
                + ": no such file");
    assertThat(problems.get(1))
        .startsWith("warning cluster 2:1 the cluster files hold no Node, so placement rules");
    assertThat(problems.get(2))
        .isEqualTo(
            "error cluster[0] 2:11 cannot read the cluster file "
                + dir.resolve("nodes.yaml")
                + ": no such file");
    assertThat(problems.get(3)).startsWith("error spec.nodeName 4:18 ");
    assertThat(setup.diagnostics().keySet())
        .containsExactly(dir.resolve(LintConfig.FILE_NAME), dir.resolve("pods.yaml"));
  }

  @Test
  void aJarGivenOutsideTheFileIsReportedUnderItsOwnName(@TempDir Path dir) {
    Path jar = dir.resolve("cli.jar");
    LintSetup setup =
        LintSetup.load(LintConfig.empty().withRuleJars(List.of(jar)), Linter.builder());
    assertThat(setup.diagnostics()).containsOnlyKeys(jar);
    assertThat(setup.diagnostics().get(jar).get(0).span().isKnown()).isFalse();
  }

  @Test
  void clusterFilesGivenOutsideTheFileAreReportedUnderTheirOwnNames(@TempDir Path dir)
      throws IOException {
    Path pods =
        Files.writeString(
            dir.resolve("pods.yaml"), "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n");
    Path missing = dir.resolve("missing.yaml");
    // the file names a cluster, the command line replaces it: no problem at the file's line
    LintConfig config =
        LintConfig.parse("cluster: [nodes.yaml]\n", dir.resolve(LintConfig.FILE_NAME))
            .withClusterFiles(List.of(pods, missing));
    LintSetup setup = LintSetup.load(config, Linter.builder());

    assertThat(setup.diagnostics()).containsOnlyKeys(pods, missing);
    assertThat(setup.diagnostics().get(missing))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.message())
                  .isEqualTo("cannot read the cluster file " + missing + ": no such file");
              assertThat(d.span().isKnown()).isFalse();
            });
    assertThat(setup.diagnostics().get(pods))
        .extracting(Diagnostic::message)
        .singleElement()
        .asString()
        .startsWith("the cluster files hold no Node");
  }

  @Test
  void withoutAFileTheDefaultsApply(@TempDir Path dir) throws IOException {
    Path manifest = Files.writeString(dir.resolve("ds.yaml"), DS);
    LintSetup setup = LintSetup.forFile(manifest);
    assertThat(setup.config().file()).isEmpty();
    assertThat(setup.linter().rules()).isEqualTo(Linter.defaults().rules());
    assertThat(setup.cluster()).isEmpty();
    assertThat(Map.copyOf(setup.diagnostics())).isEmpty();
  }
}
