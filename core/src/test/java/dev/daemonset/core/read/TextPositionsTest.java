package dev.daemonset.core.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.core.Seeds;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The JSON reader's position helpers against their straightforward definitions, on seeded random
 * text: the end of a string literal (a backslash escapes the next char) and the line of an offset
 * (a binary search over line starts), asked in text order and at random.
 */
@ExtendWith(Seeds.class)
class TextPositionsTest {

  @Test
  void stringEndsWhereACharByCharWalkEndsIt() {
    long seed = new Random().nextLong();
    Seeds.use(seed);
    Random random = new Random(seed);
    String alphabet = "ab\\\\\"\"u/";
    for (int n = 0; n < 100_000; n++) {
      StringBuilder b = new StringBuilder("\"");
      for (int i = random.nextInt(12); i > 0; i--) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String text = b.toString();
      assertThat(JsonTreeBuilder.stringEnd(text, 0))
          .as(text + " (seed " + seed + ")")
          .isEqualTo(walk(text, 0));
    }
  }

  @Test
  void linesAreWhereABinarySearchPutsThem() {
    long seed = new Random().nextLong();
    Seeds.use(seed);
    Random random = new Random(seed);
    String[] pieces = {"a", "bc", "\n", "\r", "\r\n", "\n\n", "é"};
    for (int n = 0; n < 2_000; n++) {
      StringBuilder b = new StringBuilder();
      for (int i = random.nextInt(30); i > 0; i--) {
        b.append(pieces[random.nextInt(pieces.length)]);
      }
      String text = b.toString();
      LineIndex index = new LineIndex(text);
      int[] starts = starts(text);
      int offset = 0;
      for (int k = 0; k < 40; k++) {
        offset =
            random.nextInt(4) == 0
                ? random.nextInt(text.length() + 2) - 1
                : Math.min(text.length(), offset + random.nextInt(3));
        int i = Arrays.binarySearch(starts, offset);
        assertThat(index.line(offset))
            .as(text + " @" + offset + " (seed " + seed + ")")
            .isEqualTo((i >= 0 ? i : -i - 2) + 1);
      }
    }
  }

  private static int walk(String text, int open) {
    int i = open + 1;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (c == '"') {
        return i + 1;
      } else {
        i++;
      }
    }
    return text.length();
  }

  private static int[] starts(String text) {
    int[] s = new int[text.length() + 1];
    int n = 0;
    s[n++] = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        s[n++] = i + 1;
      }
    }
    return Arrays.copyOf(s, n);
  }
}
