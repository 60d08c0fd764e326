package dev.daemonset.testkit;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.core.lint.LintResult;
import dev.daemonset.core.lint.Linter;
import dev.daemonset.core.read.ManifestReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Which rules fire on which of the real-world manifests in {@code src/testdata/real-world}, kept as
 * a golden file that was reviewed by hand for false positives ({@code
 * src/test/resources/real-world-summary.txt}; the review is in docs/rules.md, "Noise on real
 * manifests"). A change of any rule's behaviour on these manifests shows up as a diff of that file:
 * review it, then rewrite it with {@code -Ddaemonset.golden.update=true}.
 */
class RealWorldGoldenTest {

  static final Path CORPUS = Path.of("../src/testdata/real-world");
  static final Path GOLDEN = Path.of("src/test/resources/real-world-summary.txt");

  @Test
  void theRulesFireWhereTheReviewSaysTheyShould() throws IOException {
    List<Path> manifests;
    try (Stream<Path> files = Files.list(CORPUS)) {
      manifests = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    Linter defaults = Linter.defaults();
    Linter.Builder everything = Linter.builder();
    everything.policyIds().forEach(everything::enable);
    Linter all = everything.build();

    StringBuilder out = new StringBuilder();
    out.append(
            "# Rules that fire on each real-world manifest (src/testdata/real-world), with the\n")
        .append("# default rule set; reviewed by hand for false positives (docs/rules.md).\n")
        .append("# Rewrite with -Ddaemonset.golden.update=true after reviewing a change.\n\n");
    Map<String, int[]> totals = new TreeMap<>();
    Map<String, int[]> allTotals = new TreeMap<>();
    int daemonSets = 0;
    for (Path m : manifests) {
      var read = ManifestReader.defaults().read(m);
      daemonSets += read.daemonSets().size();
      LintResult result = defaults.check(read);
      Map<String, Integer> counts = counts(result.diagnostics());
      out.append(m.getFileName()).append(':');
      counts.forEach((code, n) -> out.append(' ').append(code).append(' ').append(n));
      if (!result.suppressed().isEmpty()) {
        out.append(" (suppressed ").append(result.suppressed().size()).append(')');
      }
      out.append('\n');
      add(totals, counts);
      add(allTotals, counts(all.check(read).diagnostics()));
    }
    out.append("\n# ")
        .append(manifests.size())
        .append(" manifests, ")
        .append(daemonSets)
        .append(" DaemonSets. Per rule: findings, manifests (default rule set)\n");
    totals.forEach(
        (code, t) ->
            out.append(code).append(' ').append(t[0]).append(' ').append(t[1]).append('\n'));
    out.append(
        "\n# Per rule with every rule switched on (opt-in rules included): findings, manifests\n");
    allTotals.forEach(
        (code, t) ->
            out.append(code).append(' ').append(t[0]).append(' ').append(t[1]).append('\n'));
    Golden.assertMatches(GOLDEN, out.toString());
  }

  private static Map<String, Integer> counts(List<Diagnostic> diagnostics) {
    Map<String, Integer> counts = new TreeMap<>();
    for (Diagnostic d : diagnostics) {
      counts.merge(d.code(), 1, Integer::sum);
    }
    return counts;
  }

  private static void add(Map<String, int[]> totals, Map<String, Integer> counts) {
    counts.forEach(
        (code, n) -> {
          int[] t = totals.computeIfAbsent(code, k -> new int[2]);
          t[0] += n;
          t[1]++;
        });
  }
}
