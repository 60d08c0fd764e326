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
 * Bytes → read + default + validate + lint. Allowed outcomes: documents and diagnostics. Not
 * allowed: any exception, StackOverflowError, OutOfMemoryError or hang. Every diagnostic must be
 * located inside the input.
 *
 * <p>In a normal test run this replays the committed corpus in
 * {@code src/test/resources/dev/daemonset/core/fuzz/ReadLintFuzzTestInputs/readAndLint}; with
 * {@code -Pfuzz} it fuzzes (see README).
 */
class ReadLintFuzzTest {
  private static final ManifestReader READER = ManifestReader.defaults();
  private static final Linter LINTER = Linter.standard();

  @DictionaryEntries({"apiVersion: apps/v1", "kind: DaemonSet", "kind: Node", "kind: Pod",
      "kind: List", "items:", "metadata:", "spec:", "template:", "containers:", "- name: ",
      "updateStrategy:", "maxUnavailable: ", "maxSurge: ", "RollingUpdate", "OnDelete", "---",
      "&a ", "*a", "<<: ", "!!str ", "!!int ", "!!binary ", "? ", "|-", ">-", "\\x0D\\x0A",
      "\\x09", "\\\"apiVersion\\\": ", "{\\\"kind\\\": \\\"DaemonSet\\\"", "0x1F", "0o17", "1e3",
      ".inf", "yes", "~"})
  @FuzzTest(maxDuration = FuzzDuration.MAX)
  void readAndLint(byte[] data) {
    ReadResult read = READER.read(data);
    List<Diagnostic> diagnostics = LINTER.lint(read);
    long lines = 1 + countNewlines(data);
    for (Diagnostic d : diagnostics) {
      assertThat(d.span().line()).isBetween(1, (int) Math.min(Integer.MAX_VALUE, lines + 1));
    }
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
