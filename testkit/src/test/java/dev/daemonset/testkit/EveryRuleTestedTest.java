package dev.daemonset.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.daemonset.api.lint.Policy;
import dev.daemonset.core.lint.Linter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Guards the promise of docs/rules.md that every built-in rule has a failing case with an exact
 * position: a rule added without one fails here, naming it. (The passing case of every rule is
 * {@link BuiltinRulesTest#theCarefulManifestPassesEveryRule()}.)
 */
class EveryRuleTestedTest {

  static final Path TESTS = Path.of("src/test/java/dev/daemonset/testkit");

  @Test
  void everyBuiltinRuleHasAFailingCaseWithAnExactPosition() throws IOException {
    String sources = // without whitespace: the formatter breaks finding( calls across lines
        (Files.readString(TESTS.resolve("BuiltinRulesTest.java"))
                + Files.readString(TESTS.resolve("PlacementRulesTest.java")))
            .replaceAll("\\s+", "");
    List<String> untested = new ArrayList<>();
    for (Policy p : Linter.builtinPolicies()) {
      String id = p.info().id();
      if (!sources.contains("finding(\"" + id + "\"")) {
        untested.add(id);
      }
    }
    assertEquals(List.of(), untested, "built-in rules without a failing case in the test kit");
  }
}
