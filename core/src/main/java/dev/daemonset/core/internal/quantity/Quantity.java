package dev.daemonset.core.internal.quantity;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;

/**
 * A Kubernetes resource quantity ({@code 500m}, {@code 1.5Gi}, {@code 2e3}) as {@code
 * k8s.io/apimachinery/pkg/api/resource} holds it: a decimal value, rounded away from zero to nano
 * units, and the notation it was written in, which decides how it is printed back.
 *
 * <p>Immutable and thread-safe. Text that is not a quantity gives an empty {@link #parse} result,
 * never an exception.
 *
 * <pre>{@code
 * Quantity.parse("0.5").orElseThrow().roundedUpToMilli().canonical(); // "500m"
 * Quantity.parse("1024Mi").orElseThrow().canonical();                  // "1Gi"
 * }</pre>
 *
 * @param text the quantity as written
 * @param value its value, rounded away from zero to nano units
 * @param format the notation: binary SI values below one are held as decimal SI
 */
public record Quantity(String text, BigDecimal value, Format format) {

  /** The three notations of a quantity. */
  public enum Format {
    /** Decimal SI suffixes: {@code n u m "" k M G T P E}. */
    DECIMAL_SI,
    /** Binary SI suffixes: {@code Ki Mi Gi Ti Pi Ei}. */
    BINARY_SI,
    /** A decimal exponent: {@code 1e3}, {@code 5E-3}. */
    DECIMAL_EXPONENT
  }

  public Quantity {
    requireNonNull(text, "text");
    requireNonNull(value, "value");
    requireNonNull(format, "format");
  }

  private static final BigDecimal TWO = BigDecimal.valueOf(2);
  private static final Map<String, BigDecimal> SUFFIXES =
      Map.ofEntries(
          Map.entry("", BigDecimal.ONE),
          Map.entry("n", BigDecimal.ONE.movePointLeft(9)),
          Map.entry("u", BigDecimal.ONE.movePointLeft(6)),
          Map.entry("m", BigDecimal.ONE.movePointLeft(3)),
          Map.entry("k", BigDecimal.ONE.movePointRight(3)),
          Map.entry("M", BigDecimal.ONE.movePointRight(6)),
          Map.entry("G", BigDecimal.ONE.movePointRight(9)),
          Map.entry("T", BigDecimal.ONE.movePointRight(12)),
          Map.entry("P", BigDecimal.ONE.movePointRight(15)),
          Map.entry("E", BigDecimal.ONE.movePointRight(18)),
          Map.entry("Ki", TWO.pow(10)),
          Map.entry("Mi", TWO.pow(20)),
          Map.entry("Gi", TWO.pow(30)),
          Map.entry("Ti", TWO.pow(40)),
          Map.entry("Pi", TWO.pow(50)),
          Map.entry("Ei", TWO.pow(60)));
  private static final Map<Integer, String> DECIMAL_SUFFIXES =
      Map.of(-9, "n", -6, "u", -3, "m", 0, "", 3, "k", 6, "M", 9, "G", 12, "T", 15, "P", 18, "E");
  private static final String[] BINARY_SUFFIXES = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};

  /** Binary quantities are capped at the largest int64, as upstream does. */
  private static final BigDecimal BINARY_MAX =
      new BigDecimal(BigInteger.TWO.pow(63).subtract(BigInteger.ONE));

  private static final BigDecimal KIBI = BigDecimal.valueOf(1024);
  private static final BigInteger KIBI_INT = BigInteger.valueOf(1024);

  /**
   * Longer text is not taken as a quantity: no real quantity needs it, and it keeps hostile input
   * (a megabyte of digits, an exponent of a billion) from costing time or memory.
   */
  private static final int MAX_LENGTH = 64;

  /** The message the API server gives (as a decode error) for text that is not a quantity. */
  public static final String SYNTAX_ERROR =
      "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

  /**
   * Parses {@code text} (surrounding blanks ignored, as in JSON decoding); empty when it is not a
   * quantity.
   */
  public static Optional<Quantity> parse(String text) {
    String t = text.trim();
    if (t.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    int split = numberEnd(t);
    if (split < 0 || !isSuffixShape(t, split) || !isNumber(t, split)) {
      return Optional.empty();
    }
    BigDecimal number = new BigDecimal(t.substring(0, split));
    String suffix = t.substring(split);
    BigDecimal scale = SUFFIXES.get(suffix);
    BigDecimal value;
    Format format;
    if (scale != null) {
      value = number.multiply(scale);
      format = suffix.endsWith("i") ? Format.BINARY_SI : Format.DECIMAL_SI;
    } else {
      int exponent = exponent(suffix);
      if (exponent == NO_EXPONENT) {
        return Optional.empty();
      }
      value = number.scaleByPowerOfTen(exponent);
      format = Format.DECIMAL_EXPONENT;
    }
    if (value.scale() > 9) {
      value = value.setScale(9, RoundingMode.UP);
    }
    if (format == Format.BINARY_SI && value.abs().compareTo(BINARY_MAX) > 0) {
      value = value.signum() < 0 ? BINARY_MAX.negate() : BINARY_MAX;
    }
    if (format == Format.BINARY_SI
        && value.signum() != 0
        && value.abs().compareTo(BigDecimal.ONE) < 0) {
      format = Format.DECIMAL_SI;
    }
    return Optional.of(new Quantity(text, value, format));
  }

  /** What {@link #exponent} returns for a suffix that is no exponent of at most three digits. */
  private static final int NO_EXPONENT = Integer.MIN_VALUE;

  // The grammar of SYNTAX_ERROR, '([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)', then upstream's
  // stricter look at each part, scanned by hand: no regular expression per resource value. The
  // number part is the longest run of digits and dots after an optional sign (no other split can
  // match: the suffix part cannot hold a dot, and digits given back to it would have to end the
  // text, where they end the number part too).

  /** Where the number part of {@code t} ends, or -1 if there is none. */
  private static int numberEnd(String t) {
    int i = !t.isEmpty() && (t.charAt(0) == '+' || t.charAt(0) == '-') ? 1 : 0;
    int from = i;
    while (i < t.length() && (isDigit(t.charAt(i)) || t.charAt(i) == '.')) {
      i++;
    }
    return i == from ? -1 : i;
  }

  /** The suffix part from {@code from}: {@code [eEinumkKMGTP]*[-+]?[0-9]*} to the end. */
  private static boolean isSuffixShape(String t, int from) {
    int i = from;
    while (i < t.length() && "eEinumkKMGTP".indexOf(t.charAt(i)) >= 0) {
      i++;
    }
    if (i < t.length() && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
      i++;
    }
    while (i < t.length() && isDigit(t.charAt(i))) {
      i++;
    }
    return i == t.length();
  }

  /**
   * The number part {@code t[0, end)} as upstream takes it, {@code
   * [+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)}: given the characters {@link #numberEnd} allows, at most one
   * dot and at least one digit.
   */
  private static boolean isNumber(String t, int end) {
    int dots = 0;
    int digits = 0;
    for (int i = 0; i < end; i++) {
      char c = t.charAt(i);
      if (c == '.') {
        dots++;
      } else if (isDigit(c)) {
        digits++;
      }
    }
    return dots <= 1 && digits >= 1;
  }

  /**
   * The exponent of a suffix {@code [eE][-+]?[0-9]+} with at most three digits, or {@link
   * #NO_EXPONENT}.
   */
  private static int exponent(String suffix) {
    if (suffix.isEmpty() || (suffix.charAt(0) != 'e' && suffix.charAt(0) != 'E')) {
      return NO_EXPONENT;
    }
    int i = 1;
    boolean negative = false;
    if (i < suffix.length() && (suffix.charAt(i) == '+' || suffix.charAt(i) == '-')) {
      negative = suffix.charAt(i) == '-';
      i++;
    }
    int digits = suffix.length() - i;
    if (digits < 1 || digits > 3) {
      return NO_EXPONENT;
    }
    int value = 0;
    for (; i < suffix.length(); i++) {
      if (!isDigit(suffix.charAt(i))) {
        return NO_EXPONENT;
      }
      value = value * 10 + (suffix.charAt(i) - '0');
    }
    return negative ? -value : value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** True if the value is below zero. */
  public boolean isNegative() {
    return value.signum() < 0;
  }

  /** True if the value, rounded up to milli units as Kubernetes stores it, is a whole number. */
  public boolean isWhole() {
    return roundedUpToMilli().value.stripTrailingZeros().scale() <= 0;
  }

  /**
   * Compares the values (the notation does not count). Not {@link Comparable}: this order is
   * inconsistent with {@code equals}, which tells {@code 1Gi} from {@code 1024Mi}.
   */
  @SuppressWarnings("MissingImplementsComparable")
  public int compareTo(Quantity other) {
    return value.compareTo(other.value);
  }

  /**
   * This quantity with its value rounded away from zero to milli units, as the API server's
   * defaulting does for every resource list ({@code 0.0001} becomes {@code 1m}); same notation.
   */
  public Quantity roundedUpToMilli() {
    return value.scale() <= 3
        ? this
        : new Quantity(text, value.setScale(3, RoundingMode.UP), format);
  }

  /**
   * The quantity as the API server prints and stores it ({@code Quantity.String()}): zero is {@code
   * 0}; binary SI stays binary only for whole values of at least 1024 in magnitude, with the
   * largest binary suffix that leaves a whole mantissa ({@code 1536Mi}, {@code 1Gi}); everything
   * else is printed as a whole mantissa times a power of ten that is a multiple of three, with the
   * decimal SI suffix or the exponent of its notation ({@code 500m}, {@code 1500}, {@code 12e6}).
   * Like upstream, a decimal SI power beyond {@code E} gets no suffix at all.
   */
  public String canonical() {
    if (value.signum() == 0) {
      return "0";
    }
    Format f = format;
    if (f == Format.BINARY_SI
        && (value.abs().compareTo(KIBI) < 0 || value.stripTrailingZeros().scale() > 0)) {
      f = Format.DECIMAL_SI;
    }
    if (f == Format.BINARY_SI) {
      BigInteger n = value.toBigIntegerExact();
      int k = 0;
      while (k < BINARY_SUFFIXES.length - 1 && n.remainder(KIBI_INT).signum() == 0) {
        n = n.divide(KIBI_INT);
        k++;
      }
      return n + BINARY_SUFFIXES[k];
    }
    BigDecimal stripped = value.stripTrailingZeros();
    int exp10 = -stripped.scale();
    int e = Math.floorDiv(exp10, 3) * 3;
    BigInteger mantissa = stripped.unscaledValue().multiply(BigInteger.TEN.pow(exp10 - e));
    if (f == Format.DECIMAL_EXPONENT) {
      return mantissa + (e == 0 ? "" : "e" + e);
    }
    return mantissa + DECIMAL_SUFFIXES.getOrDefault(e, "");
  }

  /** The {@link #canonical()} text. */
  @Override
  public String toString() {
    return canonical();
  }
}
