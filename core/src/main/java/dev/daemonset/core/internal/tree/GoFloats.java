package dev.daemonset.core.internal.tree;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/**
 * Go's float parsing and formatting, as kubectl's YAML-to-JSON conversion applies them: {@code
 * strconv.ParseFloat} for decimal literals (underscores between digits allowed), the shortest
 * decimal that reads back as the same number (Go's {@code FormatFloat(f, fmt, -1, bits)}, where JDK
 * 17's {@code Double.toString} sometimes gives a longer one), {@code encoding/json}'s number text,
 * and the {@code 'g'} text sigs.k8s.io/yaml gives a float map key at 32 bits.
 */
final class GoFloats {
  private GoFloats() {}

  /**
   * Go's {@code strconv.ParseFloat(s, 64)} for a decimal literal: the number, an infinity when it
   * is out of range (Go then reports {@code ErrRange}), or null when Go rejects the text. Hex
   * floats and the words {@code inf} and {@code nan} are not handled: no caller passes them.
   */
  static @Nullable Double parseDecimal(String s) {
    int i = 0;
    int n = s.length();
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    boolean digits = false;
    boolean dot = false;
    boolean underscores = false;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digits = true;
      } else if (c == '_') {
        underscores = true;
      } else if (c == '.' && !dot) {
        dot = true;
      } else {
        break;
      }
    }
    if (!digits) {
      return null;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      boolean exponent = false;
      for (; i < n; i++) {
        char c = s.charAt(i);
        if (c >= '0' && c <= '9') {
          exponent = true;
        } else if (c == '_') {
          underscores = true;
        } else {
          break;
        }
      }
      if (!exponent) {
        return null;
      }
    }
    if (i != n || (underscores && !underscoresBetweenDigits(s))) {
      return null;
    }
    return Double.parseDouble(underscores ? s.replace("_", "") : s);
  }

  /** Go's {@code underscoreOK} for a decimal literal: every '_' has a digit on both sides. */
  private static boolean underscoresBetweenDigits(String s) {
    char saw = '^'; // '^' start, '0' digit, '_' underscore, '!' anything else
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        saw = '0';
      } else if (c == '_') {
        if (saw != '0') {
          return false;
        }
        saw = '_';
      } else if (saw == '_') {
        return false;
      } else {
        saw = '!';
      }
    }
    return saw != '_';
  }

  /**
   * The shortest decimal that reads back as {@code d} (finite, not zero, positive), the closer one
   * of two equally short candidates: the digits Go's {@code FormatFloat(d, fmt, -1, 64)} prints.
   */
  static BigDecimal shortest(double d) {
    BigDecimal exact = new BigDecimal(d);
    for (int digits = 1; digits < 17; digits++) {
      BigDecimal down = exact.round(new MathContext(digits, RoundingMode.DOWN));
      BigDecimal up = exact.round(new MathContext(digits, RoundingMode.UP));
      boolean downOk = Double.parseDouble(down.toString()) == d;
      boolean upOk = Double.parseDouble(up.toString()) == d;
      if (downOk || upOk) {
        return closer(exact, downOk ? down : null, upOk ? up : null);
      }
    }
    return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
  }

  /**
   * As {@link #shortest(double)} for a float32: the digits of {@code FormatFloat(f, fmt, -1, 32)}.
   */
  static BigDecimal shortest(float f) {
    BigDecimal exact = new BigDecimal(f);
    for (int digits = 1; digits < 9; digits++) {
      BigDecimal down = exact.round(new MathContext(digits, RoundingMode.DOWN));
      BigDecimal up = exact.round(new MathContext(digits, RoundingMode.UP));
      boolean downOk = Float.parseFloat(down.toString()) == f;
      boolean upOk = Float.parseFloat(up.toString()) == f;
      if (downOk || upOk) {
        return closer(exact, downOk ? down : null, upOk ? up : null);
      }
    }
    return exact.round(new MathContext(9, RoundingMode.HALF_EVEN)).stripTrailingZeros();
  }

  private static BigDecimal closer(
      BigDecimal exact, @Nullable BigDecimal down, @Nullable BigDecimal up) {
    if (down == null) {
      return java.util.Objects.requireNonNull(up).stripTrailingZeros();
    }
    if (up == null) {
      return down.stripTrailingZeros();
    }
    int c = exact.subtract(down).compareTo(up.subtract(exact));
    boolean evenDown = !down.unscaledValue().testBit(0);
    return (c < 0 || (c == 0 && evenDown) ? down : up).stripTrailingZeros();
  }

  /**
   * The number text Go's {@code encoding/json} writes for a float64: the shortest digits, plain
   * from 1e-6 up to 1e21, else with an exponent ({@code 1e+21}, {@code 1.5e-7}); {@code -0} keeps
   * its sign.
   */
  static String json(double d) {
    if (d == 0) {
      return 1 / d < 0 ? "-0" : "0";
    }
    BigDecimal digits = shortest(Math.abs(d));
    double abs = Math.abs(d);
    String text =
        abs >= 1e-6 && abs < 1e21 ? digits.toPlainString() : digits.toString().replace('E', 'e');
    return d < 0 ? "-" + text : text;
  }

  /**
   * The map key sigs.k8s.io/yaml makes of a float: Go's {@code strconv.FormatFloat(f, 'g', -1,
   * 32)}, with {@code .inf}, {@code -.inf} and {@code .nan} for the values JSON has no number for.
   * The float64 is first rounded to 32 bits, so {@code 3.14159265358979} becomes {@code 3.1415927}
   * and {@code 1e6} becomes {@code 1e+06}.
   */
  static String key(double d) {
    float f = (float) d;
    if (Float.isNaN(f)) {
      return ".nan";
    }
    if (Float.isInfinite(f)) {
      return f > 0 ? ".inf" : "-.inf";
    }
    String sign = f < 0 || (f == 0 && 1 / f < 0) ? "-" : "";
    if (f == 0) {
      return sign + "0";
    }
    BigDecimal digits = shortest(Math.abs(f));
    String mantissa = digits.unscaledValue().toString();
    int exponent = mantissa.length() - 1 - digits.scale(); // d.ddd x 10^exponent
    if (exponent < -4 || exponent >= 6) { // Go's %g with the shortest precision
      StringBuilder e = new StringBuilder(sign).append(mantissa.charAt(0));
      if (mantissa.length() > 1) {
        e.append('.').append(mantissa, 1, mantissa.length());
      }
      int abs = Math.abs(exponent);
      return e.append(exponent < 0 ? "e-" : "e+")
          .append(abs < 10 ? "0" : "")
          .append(abs)
          .toString();
    }
    return sign + digits.toPlainString();
  }
}
