package dev.daemonset.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link JsonValue.Num} accepts exactly RFC 8259's number literals. The check is written by hand
 * for speed; this test holds it to the grammar's regular expression.
 */
class JsonNumberTest {

  private static final Pattern GRAMMAR =
      Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

  private static boolean accepted(String literal) {
    try {
      new JsonValue.Num(literal);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  @Test
  void theEdgesOfTheGrammar() {
    for (String ok :
        new String[] {"0", "-0", "7", "-12", "0.5", "1.25e-3", "1E+9", "10e3", "-0.0"}) {
      assertThat(accepted(ok)).as(ok).isTrue();
    }
    for (String bad :
        new String[] {
          "", "-", "01", "+1", ".5", "5.", "1e", "1e+", "1.e3", "0x10", "1 ", " 1", "--1"
        }) {
      assertThat(accepted(bad)).as(bad).isFalse();
    }
    assertThatThrownBy(() -> new JsonValue.Num("1.2.3"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1.2.3");
  }

  @Test
  void agreesWithTheGrammarOnRandomLiterals() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    String alphabet = "0123456789-+.eE x";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder s = new StringBuilder();
      int length = random.nextInt(9);
      for (int j = 0; j < length; j++) {
        s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String literal = s.toString();
      assertThat(accepted(literal))
          .as("literal \"%s\" (seed %d)", literal, seed)
          .isEqualTo(GRAMMAR.matcher(literal).matches());
    }
  }
}
