package dev.daemonset.api.model;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import java.util.OptionalInt;
import org.apiguardian.api.API;

/**
 * Kubernetes' {@code IntOrString}: either an integer ({@code maxUnavailable: 1}) or a string
 * ({@code maxUnavailable: "10%"}). The two are different values even when they look alike: {@code
 * 1} and {@code "1"} are not equal, as in Kubernetes.
 *
 * @param isInt true for the integer form
 * @param intValue the integer (0 for the string form)
 * @param stringValue the string ("" for the integer form)
 * @since 0.2
 */
@API(status = STABLE, since = "0.2")
public record IntOrString(boolean isInt, int intValue, String stringValue) {

  public IntOrString {
    requireNonNull(stringValue, "stringValue");
    if (isInt && !stringValue.isEmpty()) {
      throw new IllegalArgumentException("an integer IntOrString has no string value");
    }
    if (!isInt && intValue != 0) {
      throw new IllegalArgumentException("a string IntOrString has no integer value");
    }
  }

  /** The integer form. */
  public static IntOrString of(int value) {
    return new IntOrString(true, value, "");
  }

  /** The string form, for example {@code "10%"}. */
  public static IntOrString of(String value) {
    return new IntOrString(false, 0, value);
  }

  /** True for a string of the form {@code N%} with N decimal digits. */
  public boolean isPercent() {
    return !isInt
        && stringValue.length() > 1
        && stringValue.endsWith("%")
        && stringValue.chars().limit(stringValue.length() - 1L).allMatch(c -> c >= '0' && c <= '9');
  }

  /** The N of a valid percent string, if it is one and fits an int. */
  public OptionalInt percent() {
    if (!isPercent()) {
      return OptionalInt.empty();
    }
    try {
      return OptionalInt.of(Integer.parseInt(stringValue.substring(0, stringValue.length() - 1)));
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
  }

  /** {@code 1} or {@code "10%"}: the integer bare, the string quoted, as JSON prints them. */
  @Override
  public String toString() {
    return isInt ? Integer.toString(intValue) : '"' + stringValue + '"';
  }
}
