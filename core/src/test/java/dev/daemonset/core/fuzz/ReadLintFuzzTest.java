package dev.daemonset.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.ReadResult;
import dev.daemonset.core.lint.Linter;
import dev.daemonset.core.read.ManifestReader;
import java.util.List;

/**
 * Bytes → read → (per DaemonSet) default + validate + lint policies, the path every CLI and editor
 * run takes.
 *
 * <p>Allowed outcomes, and the only ones: documents and located diagnostics. For every input,
 * hostile or not:
 *
 * <ul>
 *   <li>no exception of any kind escapes {@link ManifestReader#read(byte[])} or {@link
 *       Linter#lint(ReadResult)}, and no {@link StackOverflowError} or {@link OutOfMemoryError}
 *       (the fuzzing JVM has the same 512 MiB heap as the tests);
 *   <li>no input takes longer than {@code fuzz.timeout} seconds (10 by default): libFuzzer reports
 *       a slower one as a hang;
 *   <li>every diagnostic has a code and a message, and its span starts on a line of the input (or
 *       one past the last, for "unexpected end of input") with a column of at least 1;
 *   <li>the linter keeps every reading diagnostic, and its output is ordered by position.
 * </ul>
 *
 * <p>In a normal test run this replays the committed inputs in {@code
 * src/test/resources/dev/daemonset/core/fuzz/ReadLintFuzzTestInputs/readAndLint}: seeds, and each
 * input that once broke one of the rules above, kept as a regression test. With {@code -Pfuzz} it
 * fuzzes: {@code mvn -B -o -Pfuzz -pl core -am test -Dfuzz.duration=30m}.
 */
class ReadLintFuzzTest {
  private static final ManifestReader READER = ManifestReader.defaults();
  private static final Linter LINTER = Linter.defaults();

  @DictionaryEntries({
    "apiVersion: apps/v1",
    "kind: DaemonSet",
    "kind: Node",
    "kind: Pod",
    "kind: List",
    "items:",
    "metadata:",
    "spec:",
    "template:",
    "containers:",
    "- name: ",
    "updateStrategy:",
    "maxUnavailable: ",
    "maxSurge: ",
    "RollingUpdate",
    "OnDelete",
    "---",
    "&a ",
    "*a",
    "<<: ",
    "!!str ",
    "!!int ",
    "!!binary ",
    "? ",
    "|-",
    ">-",
    "\\x0D\\x0A",
    "\\x09",
    "\\\"apiVersion\\\": ",
    "{\\\"kind\\\": \\\"DaemonSet\\\"",
    "0x1F",
    "0o17",
    "1e3",
    ".inf",
    "yes",
    "~"
  })
  @FuzzTest(maxDuration = FuzzDuration.MAX)
  void readAndLint(byte[] data) {
    ReadResult read = READER.read(data);
    List<Diagnostic> diagnostics = LINTER.lint(read);
    int lines = (int) Math.min(Integer.MAX_VALUE - 1, 1 + countNewlines(data));
    for (Diagnostic d : diagnostics) {
      assertThat(d.code()).isNotBlank();
      assertThat(d.message()).isNotBlank();
      assertThat(d.span().line()).as("line of %s", d).isBetween(1, lines + 1);
      assertThat(d.span().column()).as("column of %s", d).isPositive();
    }
    assertThat(diagnostics).containsAll(read.diagnostics());
    assertThat(diagnostics).isSortedAccordingTo(Linter.BY_POSITION);
  }

  private static long countNewlines(byte[] data) {
    long n = 0;
    for (byte b : data) {
      if (b == '\n' || b == '\r') {
        n++;
      }
    }
    return n;
  }
}
