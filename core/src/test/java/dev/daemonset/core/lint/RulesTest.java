package dev.daemonset.core.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.lint.RuleInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every code the reader can report is described (SARIF needs a rule for each result). */
class RulesTest {

  static final Pattern CODE =
      Pattern.compile(
          "new (?:Diagnostic|Finding)\\(\\s*Severity\\.\\w+,\\s*\"([a-z]+(?:-[a-z]+)+)\"|\\b(?:error|warning|info)\\(\\s*\"([a-z]+(?:-[a-z]+)+)\"");

  @Test
  void everyReaderCodeInTheSourcesIsDescribed() throws IOException {
    Set<String> described =
        Linter.defaults().rules().stream().map(RuleInfo::id).collect(Collectors.toSet());
    Set<String> used = new TreeSet<>();
    for (String dir : new String[] {"read", "internal/bind", "internal/tree"}) {
      try (Stream<Path> files = Files.walk(Path.of("src/main/java/dev/daemonset/core", dir))) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          Matcher m = CODE.matcher(Files.readString(f));
          while (m.find()) {
            used.add(m.group(1) != null ? m.group(1) : m.group(2));
          }
        }
      }
    }
    assertThat(used).contains("unknown-field", "duplicate-key", "yaml-syntax", "missing-kind");
    assertThat(described).containsAll(used);
  }

  @Test
  void ruleIdsAreUnique() {
    assertThat(Linter.defaults().rules().stream().map(RuleInfo::id).toList())
        .doesNotHaveDuplicates();
  }
}
