package dev.daemonset.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.Document;
import dev.daemonset.api.ReadResult;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.core.TestData;
import dev.daemonset.core.read.ManifestReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The validation conformance suite: every file in {@code src/conformance/validation} is one case, a
 * manifest preceded by the errors the API server gives for it, one {@code # expect:} line each
 * ({@code code path line:column message}, or {@code none}), in the server's order. A file with two
 * documents is an update (stored object first); a file named {@code r73-*} or {@code r74-*} is a
 * status update.
 */
class ValidationConformanceTest {

  static final Path DIR = TestData.path("conformance/validation");
  private static final Pattern EXPECT = Pattern.compile("# expect: (.*)");
  private static final Pattern RULE = Pattern.compile("^r(\\d\\d)-");

  static Stream<String> cases() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".yaml"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void serverErrors(String name) throws IOException {
    String text = Files.readString(DIR.resolve(name));
    List<String> expected = new ArrayList<>();
    for (String line : text.lines().toList()) {
      Matcher m = EXPECT.matcher(line);
      if (m.matches() && !m.group(1).equals("none")) {
        expected.add(m.group(1));
      }
    }
    ReadResult read = ManifestReader.defaults().read(text);
    assertThat(read.diagnostics()).as("reader findings").filteredOn(Diagnostic::isError).isEmpty();
    List<Document> docs = read.documents();
    List<Diagnostic> found;
    if (docs.size() == 1) {
      found =
          DaemonSetValidator.validate((DaemonSet) docs.get(0).object(), docs.get(0).sourceMap());
    } else {
      assertThat(docs).hasSize(2);
      DaemonSet old = (DaemonSet) docs.get(0).object();
      DaemonSet now = (DaemonSet) docs.get(1).object();
      found =
          name.startsWith("r73-") || name.startsWith("r74-")
              ? DaemonSetValidator.validateStatusUpdate(old, now, docs.get(1).sourceMap())
              : DaemonSetValidator.validateUpdate(old, now, docs.get(1).sourceMap());
    }
    assertThat(found)
        .extracting(ValidationConformanceTest::render)
        .containsExactlyElementsOf(expected);
  }

  static String render(Diagnostic d) {
    return d.code()
        + " "
        + d.path()
        + " "
        + d.span().line()
        + ":"
        + d.span().column()
        + " "
        + d.message();
  }

  /**
   * Every rule R1-R74 has a failing case and a passing edge case ({@code -ok}). The rules the API
   * server cannot fail after defaulting and request preparation have only a passing case: R4
   * (namespace from the request), R26 (grace period defaulted), R57 (rollingUpdate defaulted), R58
   * (OnDelete ignores rollingUpdate) and R69 (the server bumps the template generation itself).
   */
  @Test
  void everyRuleHasAFailingAndAPassingCase() throws IOException {
    TreeSet<Integer> failing = new TreeSet<>();
    TreeSet<Integer> passing = new TreeSet<>();
    cases()
        .forEach(
            n -> {
              Matcher m = RULE.matcher(n);
              if (m.find()) {
                (n.endsWith("-ok.yaml") ? passing : failing).add(Integer.parseInt(m.group(1)));
              }
            });
    List<Integer> noFailing = new ArrayList<>();
    List<Integer> noPassing = new ArrayList<>();
    for (int r = 1; r <= 74; r++) {
      if (!failing.contains(r)) {
        noFailing.add(r);
      }
      if (!passing.contains(r)) {
        noPassing.add(r);
      }
    }
    assertThat(noFailing).containsExactly(4, 26, 57, 58, 69);
    assertThat(noPassing).isEmpty();
  }
}
