package dev.daemonset.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.Severity;
import dev.daemonset.core.config.LintConfig.RuleSetting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parsing {@code .daemonset.yaml}: every shape of entry, and every problem located. */
class LintConfigTest {

  static final Path FILE = Path.of("/repo/deploy/.daemonset.yaml");

  static List<String> problems(LintConfig c) {
    return c.diagnostics().stream()
        .map(
            d ->
                d.severity().label()
                    + " "
                    + d.code()
                    + " "
                    + d.span().line()
                    + ":"
                    + d.span().column()
                    + " "
                    + d.message())
        .toList();
  }

  @Test
  void everyKindOfEntry() {
    LintConfig c =
        LintConfig.parse(
            """
            rules:
              image-tag-latest: error
              host-network: off
              host-pid: on
              max-unavailable-high:
                severity: warning
                maxPercent: 25
                enabled: true
              image-tag-latest-twin:
                ignoreImages: [controller, manager]
            ruleJars:
              - tools/team-rules.jar
            cluster: ../cluster/nodes.yaml
            """,
            FILE);
    assertThat(c.diagnostics()).isEmpty();
    assertThat(c.rules())
        .containsExactly(
            new RuleSetting("image-tag-latest", null, Severity.ERROR, Map.of()),
            new RuleSetting("host-network", false, null, Map.of()),
            new RuleSetting("host-pid", true, null, Map.of()),
            new RuleSetting(
                "max-unavailable-high", true, Severity.WARNING, Map.of("maxPercent", "25")),
            new RuleSetting(
                "image-tag-latest-twin", null, null, Map.of("ignoreImages", "controller,manager")));
    assertThat(c.ruleJars()).containsExactly(Path.of("/repo/deploy/tools/team-rules.jar"));
    assertThat(c.clusterFiles()).containsExactly(Path.of("/repo/cluster/nodes.yaml"));
    assertThat(c.file()).contains(FILE);
    assertThat(c.sourceMap().key("rules[max-unavailable-high].maxPercent").orElseThrow().line())
        .isEqualTo(7);
    assertThat(c.sourceMap().value("ruleJars[0]").orElseThrow().column()).isEqualTo(5);
  }

  @Test
  void anEmptyFileIsTheDefaults() {
    LintConfig c = LintConfig.parse("# nothing yet\n", FILE);
    assertThat(c.diagnostics()).isEmpty();
    assertThat(c.rules()).isEmpty();
    assertThat(c.ruleJars()).isEmpty();
    assertThat(c.clusterFiles()).isEmpty();
  }

  @Test
  void everyProblemIsLocatedAndTheRestStillCounts() {
    LintConfig c =
        LintConfig.parse(
            """
            rule:
              a: off
            rules:
              image-tag-latest: warn
              host-pid:
                enabled: maybe
                severity: [error]
              listy:
                images: [a, "b,c"]
              host-pid: off
              scalar-list: [off]
            ruleJars: {a: b}
            """,
            FILE);
    assertThat(problems(c))
        .containsExactly(
            "error invalid-config 1:1 unknown key `rule`; did you mean `rules`?; the keys are rules,"
                + " ruleJars, cluster",
            "error invalid-config 4:21 `warn` is not a setting: write off, on, or a severity (error,"
                + " warning, info); did you mean `warning`?",
            "error invalid-config 6:14 `enabled` is true or false",
            "error invalid-config 7:15 `severity` is one of error, warning, info",
            "error invalid-config 9:17 a list parameter holds plain values without commas",
            "error duplicate-key 10:3 duplicate key \"host-pid\": the first one counts",
            "error invalid-config 11:16 a rule's setting is off, on, error, warning, info, or a"
                + " mapping of `enabled`, `severity` and the rule's parameters",
            "error invalid-config 12:11 `ruleJars` is a list of file names");
    Diagnostic duplicate = c.diagnostics().get(5);
    assertThat(duplicate.related()).hasSize(1);
    assertThat(duplicate.related().get(0).span().line()).isEqualTo(5);
    assertThat(c.rules())
        .extracting(RuleSetting::id)
        .containsExactly("host-pid", "listy"); // the first host-pid, with nothing usable in it
  }

  @Test
  void aYamlErrorIsOneLocatedDiagnostic() {
    LintConfig c = LintConfig.parse("rules:\n  a: [off\n", FILE);
    assertThat(c.diagnostics()).hasSize(1);
    Diagnostic d = c.diagnostics().get(0);
    assertThat(d.code()).isEqualTo("yaml-syntax");
    assertThat(d.span().line()).isEqualTo(3);
    assertThat(c.rules()).isEmpty();
  }

  @Test
  void aDocumentThatIsNoMappingIsReported() {
    assertThat(problems(LintConfig.parse("- rules\n", FILE)))
        .containsExactly(
            "error invalid-config 1:1 the configuration is a mapping with the keys [rules,"
                + " ruleJars, cluster]");
  }

  @Test
  void findLooksInTheFilesDirectoryThenUpward(@TempDir Path dir) throws IOException {
    Path nested = Files.createDirectories(dir.resolve("a/b/c"));
    Path manifest = Files.writeString(nested.resolve("ds.yaml"), "kind: DaemonSet\n");
    assertThat(LintConfig.find(manifest)).isEmpty();
    Path top = Files.writeString(dir.resolve("a/.daemonset.yaml"), "rules: {}\n");
    assertThat(LintConfig.find(manifest)).contains(top);
    assertThat(LintConfig.find(nested)).contains(top);
    Path near = Files.writeString(dir.resolve("a/b/c/.daemonset.yaml"), "rules: {}\n");
    assertThat(LintConfig.find(manifest)).contains(near);
    assertThat(LintConfig.read(near).file()).contains(near.toAbsolutePath().normalize());
  }

  @Test
  void commandLineJarsAndClusterFilesResolveAgainstTheWorkingDirectory() {
    LintConfig c =
        LintConfig.parse("ruleJars: [a.jar]\n", FILE)
            .withRuleJars(List.of(Path.of("b.jar")))
            .withClusterFiles(List.of(Path.of("nodes.yaml")));
    assertThat(c.ruleJars())
        .containsExactly(
            Path.of("/repo/deploy/a.jar"), Path.of("b.jar").toAbsolutePath().normalize());
    assertThat(c.clusterFiles()).containsExactly(Path.of("nodes.yaml").toAbsolutePath());
  }
}
