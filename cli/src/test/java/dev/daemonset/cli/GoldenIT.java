package dev.daemonset.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files: the CLI jar's exact output, per command and format, over src/examples, run from the
 * repository root as a user would. A change in output must change the golden file with it (review
 * the diff): run with {@code -Dgolden.update=true} to rewrite them.
 */
class GoldenIT {

  static final Path GOLDEN = CliProcessIT.ROOT.resolve("cli/src/test/resources/golden");
  static final String NOW = "2026-11-28T10:00:00Z";
  static final String MINIMAL = "src/examples/my-daemonset.yaml";
  static final String AGENT = "src/examples/node-agent.yaml";
  static final String CLUSTER = "src/examples/cluster.yaml";
  static final String BROKEN = "src/examples/broken-daemonset.yaml";

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("lint-minimal.txt", new String[] {"lint", MINIMAL}),
        Arguments.of("lint-broken.txt", new String[] {"lint", BROKEN}),
        Arguments.of("lint-broken.json", new String[] {"lint", "--output", "json", BROKEN}),
        Arguments.of(
            "lint-broken.sarif", new String[] {"lint", "--output", "sarif", BROKEN, MINIMAL}),
        Arguments.of(
            "lint-broken.github", new String[] {"lint", "--output", "github", BROKEN, MINIMAL}),
        Arguments.of("plan-node-agent.txt", new String[] {"plan", "--now", NOW, AGENT, CLUSTER}),
        Arguments.of(
            "plan-node-agent.json",
            new String[] {"plan", "--now", NOW, "--output", "json", AGENT, CLUSTER}),
        Arguments.of(
            "plan-node-agent.yaml",
            new String[] {"plan", "--now", NOW, "--output", "yaml", AGENT, CLUSTER}),
        Arguments.of(
            "explain-node-agent.txt", new String[] {"explain", "--now", NOW, AGENT, CLUSTER}),
        Arguments.of(
            "explain-node-agent.json",
            new String[] {"explain", "--now", NOW, "--output", "json", AGENT, CLUSTER}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesGoldenFile(String golden, String[] args) throws Exception {
    CliProcessIT.Run run = CliProcessIT.run(CliProcessIT.ROOT, args);
    assertThat(run.err()).isEmpty();
    String actual = normalise(run.out());
    Path file = GOLDEN.resolve(golden);
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(file, actual);
    }
    assertThat(actual).isEqualTo(Files.readString(file));
  }

  /**
   * Replaces what depends on the machine or the build: the working directory URI and the version.
   */
  static String normalise(String out) {
    return out.replaceAll("\"uri\" : \"file:[^\"]*\"", "\"uri\" : \"file:///WORKDIR/\"")
        .replaceAll(
            "\"(version|semanticVersion)\" : \"(?!2\\.1\\.0\")[0-9][^\"]*\"",
            "\"$1\" : \"VERSION\"");
  }
}
