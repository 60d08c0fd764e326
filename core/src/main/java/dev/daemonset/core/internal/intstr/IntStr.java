package dev.daemonset.core.internal.intstr;

import dev.daemonset.api.model.IntOrString;
import dev.daemonset.api.model.JsonValue;
import java.math.BigDecimal;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * apimachinery's {@code pkg/util/intstr}: the one home of int-or-percent parsing and scaling. The
 * value type itself, with upstream's percent syntax ({@code IsValidPercent}: digits then {@code
 * %}), is the api's {@link IntOrString}; this class holds what reading, validation and planning do
 * with one.
 */
public final class IntStr {
  private IntStr() {}

  /**
   * An {@link IntOrString} from a JSON value: a string, or an integer that fits int32
   * (IntOrString's integer is an int32; the reader reports a larger one). {@code null} for anything
   * else.
   */
  public static @Nullable IntOrString fromJson(@Nullable JsonValue v) {
    if (v instanceof JsonValue.Str s) {
      return IntOrString.of(s.value());
    }
    if (v instanceof JsonValue.Num n && n.isIntegral()) {
      BigDecimal d = new BigDecimal(n.literal());
      if (d.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) >= 0
          && d.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
        return IntOrString.of(d.intValueExact());
      }
    }
    return null;
  }

  /**
   * {@code GetScaledValueFromIntOrPercent}: an integer as it is; {@code "N%"} as N percent of
   * {@code total}, rounded up or down. Any other string is an error, as upstream's (which parses N
   * with {@code strconv.Atoi}, so a sign is allowed: {@code "-5%"} scales to a negative number).
   *
   * @throws IllegalArgumentException for a string without {@code %} or whose N is no integer
   */
  public static int scaledValue(IntOrString v, int total, boolean roundUp) {
    if (v.isInt()) {
      return v.intValue();
    }
    String s = v.stringValue();
    if (!s.endsWith("%")) {
      throw new IllegalArgumentException("invalid value \"" + s + "\": not a percentage");
    }
    int percent;
    try {
      percent = Integer.parseInt(s.substring(0, s.length() - 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "invalid value \"" + s + "\": not an integer percentage", e);
    }
    double scaled = percent * (double) total / 100;
    return (int) (roundUp ? Math.ceil(scaled) : Math.floor(scaled));
  }

  /**
   * apps validation's {@code getPercentValue}: the N of a valid percent string ({@code
   * Integer.MAX_VALUE} if N does not fit an int), empty for anything else.
   */
  public static OptionalInt percentValue(IntOrString v) {
    if (!v.isPercent()) {
      return OptionalInt.empty();
    }
    String digits = v.stringValue().substring(0, v.stringValue().length() - 1);
    try {
      return OptionalInt.of(Integer.parseInt(digits));
    } catch (NumberFormatException ex) {
      return OptionalInt.of(Integer.MAX_VALUE);
    }
  }

  /**
   * apps validation's {@code getIntOrPercentValue}, which decides whether {@code maxUnavailable}
   * and {@code maxSurge} are zero: the percent number, the integer, else {@code Atoi} of the string
   * (0 on failure).
   */
  public static int intOrPercentValue(IntOrString v) {
    OptionalInt percent = percentValue(v);
    if (percent.isPresent()) {
      return percent.getAsInt();
    }
    if (v.isInt()) {
      return v.intValue();
    }
    try {
      return Integer.parseInt(v.stringValue());
    } catch (NumberFormatException ex) {
      return 0;
    }
  }
}
