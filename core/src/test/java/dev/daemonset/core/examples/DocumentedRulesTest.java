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
    List<RuleInfo> all = Linter.builder().build().rules();
    assertThat(all).hasSizeGreaterThan(25);
    for (RuleInfo rule : all) {
      String row = "| `" + rule.id() + "` |";
      assertThat(rules).as(rule.id()).contains(row);
      if (!rule.id().startsWith("FieldValue")) {
        assertThat(rules).as(rule.id()).contains(row + " " + rule.defaultSeverity().label() + " |");
      }
    }
  }
}
