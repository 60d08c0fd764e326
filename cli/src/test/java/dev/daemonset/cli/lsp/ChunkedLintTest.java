package dev.daemonset.cli.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.core.DaemonSetEngine;
import dev.daemonset.core.lint.Linter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The server lints one YAML document at a time and reuses unchanged ones; what it reports must be
 * exactly what linting the whole text reports (less the {@code skipped-kind} notes it leaves out),
 * positions and document indexes included, before and after edits.
 */
class ChunkedLintTest {

  static final DaemonSetEngine ENGINE = DaemonSetEngine.defaults();

  static Stream<Path> manifests() throws IOException {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(TestFiles.src("testdata/real-world"))) {
      s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(out::add);
    }
    try (Stream<Path> s = Files.list(TestFiles.src("examples"))) {
      s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(out::add);
    }
    return out.stream();
  }

  static List<Diagnostic> whole(String text) {
    return ENGINE.lint(ENGINE.read(text)).stream()
        .filter(d -> !d.code().equals("skipped-kind"))
        .toList();
  }

  static Analysis analyse(String text, Map<String, Analysis.Chunk> previous) {
    return Analysis.of(1, TextLines.of(text), ENGINE, Optional.empty(), Instant.EPOCH, previous);
  }

  @ParameterizedTest
  @MethodSource("manifests")
  void documentByDocumentEqualsTheWholeText(Path manifest) throws IOException {
    String text = Files.readString(manifest);
    Analysis a = analyse(text, Map.of());
    List<Diagnostic> expected = new ArrayList<>(whole(text));
    expected.sort(Linter.BY_POSITION);
    if (a.holdsDaemonSet) {
      assertThat(a.diagnostics).isEqualTo(expected);
    }
    // and reusing every chunk gives the same again
    assertThat(analyse(text, a.chunks).diagnostics).isEqualTo(a.diagnostics);
  }

  @Test
  void reusedDocumentsMoveWithTheLinesAboveThem() throws IOException {
    String calico = Files.readString(TestFiles.src("testdata/real-world/21-calico.yaml"));
    String broken = Files.readString(TestFiles.src("examples/broken-daemonset.yaml"));
    String text = calico + "\n---\n" + broken;
    Analysis first = analyse(text, Map.of());
    long seed = new SplittableRandom().nextLong();
    SplittableRandom random = new SplittableRandom(seed);
    Analysis previous = first;
    for (int i = 0; i < 20; i++) {
      // insert or delete blank lines and comments at random line starts: every later document moves
      List<String> lines = new ArrayList<>(text.lines().toList());
      int at = random.nextInt(lines.size());
      if (random.nextBoolean()) {
        lines.add(at, random.nextBoolean() ? "" : "# note " + i);
      } else if (lines.get(at).isBlank() || lines.get(at).startsWith("#")) {
        lines.remove(at);
      }
      text = String.join("\n", lines) + "\n";
      Analysis next = analyse(text, previous.chunks);
      List<Diagnostic> expected = new ArrayList<>(whole(text));
      expected.sort(Linter.BY_POSITION);
      assertThat(next.diagnostics).as("seed " + seed + ", edit " + i).isEqualTo(expected);
      previous = next;
    }
  }

  @Test
  void textTheSplitIsNotSureAboutIsLintedWhole() {
    assertThat(Analysis.split(TextLines.of("a: 1\n--- !!map\nb: 2\n"))).hasSize(1);
    assertThat(Analysis.split(TextLines.of("%YAML 1.1\n---\na: 1\n"))).hasSize(1);
    assertThat(Analysis.split(TextLines.of("a: 1\n...\n---\nb: 2\n"))).hasSize(1);
    assertThat(Analysis.split(TextLines.of("a: 1\n--- # next\nb: 2\n---\n"))).hasSize(3);
  }
}
