package dev.daemonset.core.internal.tree;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.core.Seeds;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Go's float text, checked against what Go 1.19 printed for the same numbers ({@code encoding/json}
 * for values, {@code strconv.FormatFloat(f, 'g', -1, 32)} for keys).
 */
@ExtendWith(Seeds.class)
class GoFloatsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "2.82879384806159e17, 282879384806159000",
    "123456789012345678901234, 1.2345678901234569e+23",
    "1e21, 1e+21",
    "1e20, 100000000000000000000",
    "1e-7, 1e-7",
    "1.5e-10, 1.5e-10",
    "0.000001, 0.000001",
    "5e-324, 5e-324",
    "1.7976931348623157e308, 1.7976931348623157e+308",
    "0.1, 0.1",
    "-0.0, -0",
    "0.0, 0",
    "-2.5, -2.5",
    "9223372036854775809, 9223372036854776000",
  })
  void jsonTextIsGos(double value, String text) {
    assertThat(GoFloats.json(value)).isEqualTo(text);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "1e6, 1e+06",
    "123456, 123456",
    "1234567, 1.234567e+06",
    "3.14159265358979, 3.1415927",
    "0.0001, 0.0001",
    "0.00001, 1e-05",
    "1e-10, 1e-10",
    "1e100, .inf",
    "-1e100, -.inf",
    "16777217, 1.6777216e+07",
    "-0.0, -0",
    "0, 0",
    "1.5, 1.5",
    "-9223372036854775809, -9.223372e+18",
  })
  void keyTextIsGosAt32Bits(double value, String text) {
    assertThat(GoFloats.key(value)).isEqualTo(text);
  }

  @Test
  void nonFiniteKeys() {
    assertThat(GoFloats.key(Double.NaN)).isEqualTo(".nan");
    assertThat(GoFloats.key(Double.POSITIVE_INFINITY)).isEqualTo(".inf");
    assertThat(GoFloats.key(Double.NEGATIVE_INFINITY)).isEqualTo("-.inf");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    ".5_5, 0.55",
    ".5e1_0, 5.0E9",
    "1_000.5, 1000.5",
    "-.5, -0.5",
    "+1., 1.0",
    ".5E+3, 500.0",
    ".5e400, Infinity",
  })
  void parsesAsGosParseFloat(String text, double value) {
    assertThat(GoFloats.parseDecimal(text)).isEqualTo(value);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "._5", ".5_", ".5__5", ".5_e5", ".5e_5", ".", ".e3", ".5e", ".5e+", "1.2.3", ".5x", "_1"
  })
  void rejectsWhatGosParseFloatRejects(String text) {
    assertThat(GoFloats.parseDecimal(text)).isNull();
  }

  /** Shortest: reads back as the same double, and one digit fewer never does. */
  @Test
  void shortestDigitsReadBackAndCannotBeShorter() {
    long seed = 20261207L;
    Seeds.use(seed);
    Random random = new Random(seed);
    for (int i = 0; i < 2000; i++) {
      double d = Math.abs(Double.longBitsToDouble(random.nextLong()));
      if (Double.isNaN(d) || Double.isInfinite(d) || d == 0) {
        continue;
      }
      java.math.BigDecimal s = GoFloats.shortest(d);
      assertThat(Double.parseDouble(s.toString())).as("seed %d: %s", seed, d).isEqualTo(d);
      int digits = s.precision();
      if (digits > 1) {
        java.math.BigDecimal exact = new java.math.BigDecimal(d);
        for (java.math.RoundingMode mode :
            new java.math.RoundingMode[] {java.math.RoundingMode.DOWN, java.math.RoundingMode.UP}) {
          java.math.BigDecimal shorter = exact.round(new java.math.MathContext(digits - 1, mode));
          assertThat(Double.parseDouble(shorter.toString()))
              .as("seed %d: %s", seed, d)
              .isNotEqualTo(d);
        }
      }
    }
  }
}
