package dev.daemonset.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every command that README.md and docs/*.md show with its output ({@code ```console} blocks whose
 * first line is {@code $ java -jar cli/target/daemonset.jar ...}) is run from the repository root,
 * as a reader would, and prints exactly the output shown; where the next paragraph begins "Exit
 * code N", the command exits with N.
 */
class DocumentedOutputIT {

  private static final String PROMPT = "$ java -jar cli/target/daemonset.jar ";

  private static final Pattern CONSOLE =
      Pattern.compile("(?ms)^```console\\n(.*?)^```\\n(?:\\n(Exit code (\\d)))?");

  @TestFactory
  Stream<DynamicTest> documentedCommandsPrintWhatTheDocumentsShow() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path document : documents()) {
      Matcher m = CONSOLE.matcher(Files.readString(document));
      while (m.find()) {
        String block = m.group(1);
        int end = block.indexOf('\n');
        String command = block.substring(0, end);
        if (!command.startsWith(PROMPT)) {
          continue;
        }
        String expected = block.substring(end + 1);
        Integer exit = m.group(3) == null ? null : Integer.valueOf(m.group(3));
        String[] args = command.substring(PROMPT.length()).split(" ");
        tests.add(
            DynamicTest.dynamicTest(
                CliProcessIT.ROOT.relativize(document) + ": " + command,
                () -> {
                  CliProcessIT.Run run = CliProcessIT.run(CliProcessIT.ROOT, args);
                  assertThat(run.err()).isEmpty();
                  assertThat(run.out()).isEqualTo(expected);
                  if (exit != null) {
                    assertThat(run.exit()).isEqualTo(exit);
                  }
                }));
      }
    }
    assertThat(tests).hasSizeGreaterThanOrEqualTo(4);
    return tests.stream();
  }

  private static List<Path> documents() throws IOException {
    List<Path> out = new ArrayList<>();
    out.add(CliProcessIT.ROOT.resolve("README.md"));
    try (Stream<Path> docs = Files.list(CliProcessIT.ROOT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(out::add);
    }
    return out;
  }
}
