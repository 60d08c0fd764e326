package dev.daemonset.cli.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.daemonset.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Argument lists → {@link Main#run}: every subcommand and option of the {@code daemonset} command,
 * in any order and number, with valid and invalid option values, operands that name files of a
 * private temporary directory (good, broken, empty, binary, missing, a directory) and {@code -} for
 * a fuzzed standard input.
 *
 * <p>Safety: arguments come from a fixed vocabulary, from operands that are absolute paths inside
 * the temporary directory, and from free text that is only ever attached to an option ({@code
 * --node=TEXT}) and holds no {@code /}, no {@code ..} and no leading {@code @} (picocli would read
 * {@code @FILE} as an argument file). So no fuzzed argument can name a file outside the temporary
 * directory; before fuzzing, the test checks that no vocabulary word names a file in the working
 * directory, where a bare word would be looked up.
 *
 * <p>Allowed outcomes: exit code 0, 1 or 2 and some output. Not allowed: any exception out of
 * {@code run}, an "internal error" (an exception that the command line caught), another exit code,
 * StackOverflowError, OutOfMemoryError or a hang.
 *
 * <p>Regression inputs in {@code CliFuzzTestInputs/cli}, each a bug found here and fixed: {@code
 * nul-in-operand-was-an-internal-error} (an operand with a NUL character made {@code Path.of}
 * throw; now a usage error, see {@code cli.InvalidOperandTest}).
 *
 * <p>Replays {@code CliFuzzTestInputs/cli} in every test run; fuzz it with {@code mvn -B -o -Pfuzz
 * -pl cli -am test -Dfuzz.target=CliFuzzTest -Dfuzz.duration=30m}.
 */
class CliFuzzTest {
  private static final String[] WORDS = {
    "lint",
    "plan",
    "explain",
    "version",
    "generate-completion",
    "help",
    "--help",
    "-h",
    "--version",
    "-V",
    "--no-color",
    "-q",
    "--quiet",
    "--debug",
    "-o",
    "--output",
    "--fail-on",
    "--now",
    "--mode",
    "--burst",
    "--backoff-node",
    "--no-vanished-node-pods",
    "--revision-hash",
    "--node",
    "--",
    "-",
    "text",
    "json",
    "sarif",
    "github",
    "yaml",
    "warning",
    "error",
    "info",
    "live",
    "full-sync",
    "LIVE",
    "2026-01-01T01:00:00Z",
    "2026-13-01T00:00:00Z",
    "0",
    "1",
    "-1",
    "99999999999",
    "node-1",
    "node-9",
    "-oq",
    "-qo"
  };
  private static final String[] FILES = {
    "ds.yaml",
    "cluster.yaml",
    "broken.yaml",
    "empty.yaml",
    "binary.yaml",
    "list.json",
    "dir",
    "missing.yaml"
  };
  private static final Path DIR = createFiles();

  private static Path createFiles() {
    try {
      for (String word : WORDS) {
        if (!word.startsWith("-") && Files.exists(Path.of(word))) {
          throw new IllegalStateException(
              "the vocabulary word " + word + " names a file in the working directory");
        }
      }
      Path dir = Files.createTempDirectory("cli-fuzz");
      dir.toFile().deleteOnExit();
      write(
          dir.resolve("ds.yaml"),
          """
          apiVersion: apps/v1
          kind: DaemonSet
          metadata: {name: agent, namespace: default, uid: ds-uid, generation: 2}
          spec:
            selector: {matchLabels: {app: agent}}
            updateStrategy: {type: RollingUpdate, rollingUpdate: {maxUnavailable: 1}}
            template:
              metadata: {labels: {app: agent}}
              spec:
                tolerations: [{key: dedicated, operator: Exists}]
                containers: [{name: agent, image: "agent:1.2"}]
          """);
      write(
          dir.resolve("cluster.yaml"),
          """
          apiVersion: v1
          kind: Node
          metadata: {name: node-1, labels: {zone: a}}
          ---
          apiVersion: v1
          kind: Node
          metadata: {name: node-2}
          spec: {unschedulable: true, taints: [{key: dedicated, value: x, effect: NoSchedule}]}
          ---
          apiVersion: v1
          kind: Pod
          metadata:
            name: agent-old
            namespace: default
            labels: {app: agent, controller-revision-hash: old}
            ownerReferences: [{apiVersion: apps/v1, kind: DaemonSet, name: agent, uid: ds-uid, controller: true}]
          spec: {nodeName: node-1, containers: [{name: agent, image: "agent:1.1"}]}
          status: {phase: Running, conditions: [{type: Ready, status: "True"}]}
          """);
      write(
          dir.resolve("broken.yaml"), "apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: [\n");
      write(dir.resolve("empty.yaml"), "");
      Files.write(dir.resolve("binary.yaml"), new byte[] {0, 1, 2, (byte) 0xFF, '\n'});
      write(
          dir.resolve("list.json"),
          "{\"apiVersion\": \"v1\", \"kind\": \"List\", \"items\": [{\"apiVersion\": \"v1\","
              + " \"kind\": \"Node\", \"metadata\": {\"name\": \"node-3\"}}]}");
      Files.createDirectories(dir.resolve("dir/sub"));
      write(dir.resolve("dir/sub/ds.yml"), Files.readString(dir.resolve("ds.yaml")));
      write(dir.resolve("dir/nodes.json"), Files.readString(dir.resolve("list.json")));
      write(dir.resolve("dir/notes.txt"), "not a manifest");
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  @FuzzTest(maxDuration = FuzzDuration.MAX)
  void cli(FuzzedDataProvider data) {
    List<String> args = new ArrayList<>();
    for (int n = data.consumeInt(0, 12); n > 0; n--) {
      switch (data.consumeInt(0, 5)) {
        case 0, 1, 2 -> args.add(WORDS[data.consumeInt(0, WORDS.length - 1)]);
        case 3, 4 -> args.add(DIR.resolve(FILES[data.consumeInt(0, FILES.length - 1)]).toString());
        default -> args.add(WORDS[data.consumeInt(14, 24)] + "=" + safe(data.consumeString(40)));
      }
    }
    byte[] stdin = data.consumeRemainingAsBytes();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            args.toArray(String[]::new),
            new ByteArrayInputStream(stdin),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            data.remainingBytes() % 2 == 0);
    String errors = err.toString(StandardCharsets.UTF_8);
    assertThat(code).as("exit code for %s", args).isIn(Main.OK, Main.FINDINGS, Main.USAGE);
    assertThat(errors).as("stderr for %s", args).doesNotContain("internal error");
  }

  /** Free text that cannot name a path or an argument file. */
  private static String safe(String text) {
    String s = text.replace("/", "").replace("\\", "").replace("..", "");
    while (s.startsWith("@")) {
      s = s.substring(1);
    }
    return s;
  }
}
