package dev.daemonset.core.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.lint.RuleInfo;
import dev.daemonset.api.lint.RuleParameter;
import dev.daemonset.core.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The built-in rules' part of docs/rules.md is generated from their metadata (id, level, default,
 * title, description, fix, parameters, and the kube-linter / Polaris / kube-score equivalent), so
 * the page cannot drift from the code. After changing a rule, rewrite the page with
 *
 * <pre>
 * mvn -B -pl core -am test -Dtest=RulesDocTest -Dsurefire.failIfNoSpecifiedTests=false -Drules.doc.update=true
 * </pre>
 */
class RulesDocTest {

  static final Path PAGE = TestData.path("").getParent().resolve("docs/rules.md");
  static final String BEGIN =
      "<!-- generated from the rules' metadata by RulesDocTest: edit the rules, not this table -->";
  static final String END = "<!-- end of generated text -->";
  static final String DETAILS_BEGIN =
      "<!-- generated from the rules' metadata by RulesDocTest: the rules one by one -->";

  @Test
  void theRulesPageShowsTheRulesAsTheyAre() throws IOException {
    String page = Files.readString(PAGE, StandardCharsets.UTF_8);
    String updated = replace(replace(page, BEGIN, table()), DETAILS_BEGIN, details());
    if (Boolean.getBoolean("rules.doc.update")) {
      Files.writeString(PAGE, updated, StandardCharsets.UTF_8);
      page = updated;
    }
    assertThat(page)
        .as("docs/rules.md is generated from the rules; rewrite it with -Drules.doc.update=true")
        .isEqualTo(updated);
  }

  /** The page with the text between {@code begin} and the next {@link #END} replaced. */
  static String replace(String page, String begin, String generated) {
    int from = page.indexOf(begin);
    int to = page.indexOf(END, from);
    assertThat(from).as("docs/rules.md has the marker " + begin).isNotNegative();
    assertThat(to).as("docs/rules.md has the marker " + END + " after " + begin).isPositive();
    return page.substring(0, from + begin.length()) + "\n" + generated + page.substring(to);
  }

  static String table() {
    StringBuilder sb = new StringBuilder();
    sb.append("| id | level | default | finds | kube-linter / Polaris / kube-score |\n");
    sb.append("|---|---|---|---|---|\n");
    for (BuiltinPolicy p : BuiltinPolicies.all()) {
      RuleInfo r = p.info();
      sb.append("| [`")
          .append(r.id())
          .append("`](#")
          .append(r.id())
          .append(") | ")
          .append(r.defaultSeverity().label())
          .append(" | ")
          .append(r.enabledByDefault() ? "on" : "off")
          .append(" | ")
          .append(r.name())
          .append(" | ")
          .append(p.equivalent().isEmpty() ? "none" : p.equivalent())
          .append(" |\n");
    }
    return sb.toString();
  }

  static String details() {
    StringBuilder sb = new StringBuilder();
    for (BuiltinPolicy p : BuiltinPolicies.all()) {
      RuleInfo r = p.info();
      sb.append("\n### ").append(r.id()).append("\n\n");
      sb.append("**")
          .append(r.name())
          .append("**: ")
          .append(r.defaultSeverity().label())
          .append(", ")
          .append(r.enabledByDefault() ? "on by default" : "off by default (switch it on with `")
          .append(r.enabledByDefault() ? "" : r.id() + ": on`)")
          .append(p.equivalent().isEmpty() ? "." : "; compare " + p.equivalent() + ".")
          .append("\n\n")
          .append(r.description())
          .append("\n\n**Fix:** ")
          .append(r.help())
          .append('\n');
      if (!r.parameters().isEmpty()) {
        sb.append("\n| parameter | type | default | what it changes |\n|---|---|---|---|\n");
        for (RuleParameter param : r.parameters()) {
          sb.append("| `")
              .append(param.name())
              .append("` | ")
              .append(param.type().label())
              .append(" | ")
              .append(param.defaultValue().isEmpty() ? "not set" : "`" + param.defaultValue() + "`")
              .append(" | ")
              .append(param.description())
              .append(" |\n");
        }
      }
    }
    return sb.toString();
  }
}
