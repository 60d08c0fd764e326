package dev.daemonset.core.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.lint.RuleInfo;
import dev.daemonset.core.lint.Linter;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/rules.md names every code the engine can report, and its level. */
class DocumentedRulesTest {

  @Test
  void everyRuleHasARowWithItsLevel() throws IOException {
    String rules = Files.readString(ReadmeExamplesTest.ROOT.resolve("docs/rules.md"));
    Linter.Builder everything = Linter.builder();
    everything.policyIds().forEach(everything::enable);
    List<RuleInfo> all = everything.build().rules();
    assertThat(all).hasSizeGreaterThan(25);
    for (RuleInfo rule : all) {
      // a policy's row links to its section; the engine's rows are plain
      String row =
          rules.contains("| [`" + rule.id() + "`](#" + rule.id() + ") |")
              ? "| [`" + rule.id() + "`](#" + rule.id() + ") |"
              : "| `" + rule.id() + "` |";
      assertThat(rules).as(rule.id()).contains(row);
      if (!rule.id().startsWith("FieldValue")) {
        assertThat(rules).as(rule.id()).contains(row + " " + rule.defaultSeverity().label() + " |");
      }
    }
  }
}
