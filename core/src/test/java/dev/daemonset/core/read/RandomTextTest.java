package dev.daemonset.core.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.ReadResult;
import dev.daemonset.core.Seeds;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Seeded random text built from YAML and JSON syntax never makes the reader throw, and every
 * diagnostic it gives points inside the text.
 */
@ExtendWith(Seeds.class)
class RandomTextTest {

  private static final String[] YAML_ATOMS = {
    "a",
    "b: ",
    "- ",
    "\n",
    "  ",
    "{",
    "}",
    "[",
    "]",
    ", ",
    ": ",
    "&x ",
    "*x",
    "!!str ",
    "!!int ",
    "? ",
    "|\n",
    ">-\n",
    "'",
    "\"",
    "#c",
    "---\n",
    "...\n",
    "<<: ",
    "~",
    "yes",
    "0640",
    "1:20",
    "\t",
    "%YAML 1.1\n",
    "kind: DaemonSet\n",
    "apiVersion: apps/v1\n",
    "spec:\n",
    "  template:\n",
    "é",
    "\\",
    "\r\n"
  };
  private static final String[] JSON_ATOMS = {
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"a\"",
    "\"kind\"",
    "\"DaemonSet\"",
    "1",
    "-0.5e3",
    "true",
    "null",
    " ",
    "\n",
    "\"\\u00e9\"",
    "\"\\",
    "/*",
    "x"
  };

  private static void fuzz(long seed, String[] atoms, String prefix) {
    Seeds.use(seed);
    Random random = new Random(seed);
    for (int round = 0; round < 400; round++) {
      StringBuilder s = new StringBuilder(prefix);
      int n = random.nextInt(60);
      for (int i = 0; i < n; i++) {
        s.append(atoms[random.nextInt(atoms.length)]);
      }
      String text = s.toString();
      ReadResult r = ManifestReader.defaults().read(text);
      long lines = text.split("\r\n|\r|\n", -1).length;
      for (Diagnostic d : r.diagnostics()) {
        assertThat(d.span().line())
            .as("seed %d round %d: %s", seed, round, text)
            .isBetween(1, (int) lines + 1);
      }
    }
  }

  @Test
  void yamlSoup() {
    fuzz(1234L, YAML_ATOMS, "");
  }

  @Test
  void jsonSoup() {
    fuzz(5678L, JSON_ATOMS, "{");
  }
}
