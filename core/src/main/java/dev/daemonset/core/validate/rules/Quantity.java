package dev.daemonset.core.validate.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes resource quantity ({@code 500m}, {@code 1.5Gi}, {@code 2e3}), parsed to an exact
 * decimal. Enough of {@code k8s.io/apimachinery/pkg/api/resource} to compare quantities and to
 * tell whether one is negative or fractional.
 *
 * @param text the quantity as written
 * @param value its exact value
 */
record Quantity(String text, BigDecimal value) {

  private static final Pattern SHAPE = Pattern.compile("([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)");
  private static final Pattern NUMBER = Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)");
  private static final Pattern EXPONENT = Pattern.compile("[eE]([-+]?[0-9]+)");
  private static final BigDecimal TWO = BigDecimal.valueOf(2);
  private static final Map<String, BigDecimal> SUFFIXES = Map.ofEntries(
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

  /**
   * Longer text is not taken as a quantity: no real quantity needs it, and it keeps hostile input
   * (a megabyte of digits, an exponent of a billion) from costing time or memory.
   */
  private static final int MAX_LENGTH = 64;

  /** The message the API server gives (as a decode error) for text that is not a quantity. */
  static final String SYNTAX_ERROR =
      "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

  /** Parses {@code text}; empty when it is not a quantity. */
  static Optional<Quantity> parse(String text) {
    String t = text.trim();
    if (t.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    Matcher m = SHAPE.matcher(t);
    if (t.isEmpty() || !m.matches() || !NUMBER.matcher(m.group(1)).matches()) {
      return Optional.empty();
    }
    BigDecimal number = new BigDecimal(m.group(1));
    String suffix = m.group(2);
    BigDecimal scale = SUFFIXES.get(suffix);
    if (scale == null) {
      Matcher e = EXPONENT.matcher(suffix);
      if (!e.matches() || e.group(1).replaceFirst("^[-+]", "").length() > 3) {
        return Optional.empty();
      }
      return Optional.of(new Quantity(text, number.scaleByPowerOfTen(Integer.parseInt(e.group(1)))));
    }
    return Optional.of(new Quantity(text, number.multiply(scale)));
  }

  boolean isNegative() {
    return value.signum() < 0;
  }

  /** True if the value, rounded up to milli units as Kubernetes stores it, is a whole number. */
  boolean isWhole() {
    BigDecimal milli = value.movePointRight(3).setScale(0, RoundingMode.CEILING);
    return milli.remainder(BigDecimal.valueOf(1000)).signum() == 0;
  }

  int compareTo(Quantity other) {
    return value.compareTo(other.value);
  }

  private static final Map<Integer, String> DECIMAL_SUFFIXES = Map.of(-9, "n", -6, "u", -3, "m", 0, "", 3, "k", 6, "M",
      9, "G", 12, "T", 15, "P", 18, "E");
  private static final String[] BINARY_SUFFIXES = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};

  /**
   * The quantity as the API server prints it ({@code Quantity.String()}): in the notation it was
   * written in (binary, decimal SI or decimal exponent), with the smallest integral mantissa;
   * binary values below 1024 in magnitude, or not whole, fall back to decimal SI. Values finer
   * than a nano unit are rounded up to it, as Kubernetes stores them.
   */
  @Override
  public String toString() {
    String suffix = SHAPE.matcher(text.trim()).replaceFirst("$2");
    BigDecimal v = value.setScale(Math.max(value.scale(), 0) > 9 ? 9 : Math.max(value.scale(), 0), RoundingMode.CEILING);
    if (v.signum() == 0) {
      return "0";
    }
    boolean binary = suffix.endsWith("i");
    boolean exponent = !binary && !suffix.isEmpty() && !SUFFIXES.containsKey(suffix);
    if (binary && v.abs().compareTo(BigDecimal.valueOf(1024)) >= 0 && v.stripTrailingZeros().scale() <= 0) {
      java.math.BigInteger n = v.toBigIntegerExact();
      int k = 0;
      java.math.BigInteger unit = java.math.BigInteger.valueOf(1024);
      while (k < 6 && n.mod(unit).signum() == 0) {
        n = n.divide(unit);
        k++;
      }
      return n + BINARY_SUFFIXES[k];
    }
    BigDecimal stripped = v.stripTrailingZeros();
    int exp10 = -stripped.scale();
    int e = Math.floorDiv(exp10, 3) * 3;
    java.math.BigInteger mantissa = stripped.unscaledValue().multiply(java.math.BigInteger.TEN.pow(exp10 - e));
    if (exponent) {
      return mantissa + (e == 0 ? "" : "e" + e);
    }
    String s = DECIMAL_SUFFIXES.get(e);
    return mantissa + (s != null ? s : "e" + e);
  }
}
