package dev.daemonset.core.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.core.TestData;
import dev.daemonset.core.config.LintSetup;
import dev.daemonset.core.lint.LintResult;
import dev.daemonset.core.read.ManifestReader;
import dev.daemonset.core.testsupport.SuppressForbidden;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** docs/library.md: "Configure a linter, as the command line does". */
@SuppressForbidden // the documented example prints to System.out and System.err (in a lambda)
class ConfigurationExampleTest {

  @Test
  void configureALinterAsTheCommandLineDoes() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      LintSetup setup = LintSetup.forFile(TestData.path("examples/node-agent.yaml"));
      setup
          .diagnostics()
          .forEach(
              (file, problems) ->
                  problems.forEach(
                      d -> System.err.println(file + ":" + d.span().line() + ": " + d.message())));
      LintResult result =
          setup
              .linter()
              .check(ManifestReader.defaults().read(TestData.path("examples/node-agent.yaml")));
      System.out.println(
          result.diagnostics().size() + " findings, " + result.suppressed().size() + " suppressed");
      assertThat(setup.diagnostics()).isEmpty(); // the repository has no .daemonset.yaml
    } finally {
      System.setOut(stdout);
    }
    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("0 findings, 0 suppressed\n");
  }
}
