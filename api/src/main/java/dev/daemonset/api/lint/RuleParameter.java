package dev.daemonset.api.lint;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A setting a rule declares: its name, the type of its value, its default and what it changes.
 * Users set it in the configuration file ({@code rules: {max-unavailable-high: {maxPercent: 25}}})
 * or with {@code Linter.builder().parameter(ruleId, name, value)}; the policy reads it from {@link
 * PolicyInput#parameters()}.
 *
 * <p>Values are text in every case, checked against the {@link Type} when they are set: an integer
 * is decimal digits with an optional sign, a boolean is {@code true} or {@code false}, a list is
 * comma-separated items (surrounding spaces dropped, empty items ignored; a configuration file may
 * also write a YAML list). The empty default means "not set": a rule with a required setting, such
 * as the selector of a placement rule, stays quiet until it is set.
 *
 * <pre>{@code
 * RuleParameter maxPercent = RuleParameter.integer("maxPercent", "50",
 *     "The largest maxUnavailable share, in percent of the nodes, that is not reported.");
 * }</pre>
 *
 * @param name the name, lowerCamelCase ({@code maxPercent})
 * @param type what its value is
 * @param defaultValue the value when none is configured, valid for {@code type}, or empty for none
 * @param description one sentence: what the setting changes
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record RuleParameter(String name, Type type, String defaultValue, String description) {

  /** What a parameter's value is. */
  public enum Type {
    /** A whole number, such as {@code 25}. */
    INTEGER,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** Any text, such as a label selector {@code node-role.kubernetes.io/control-plane}. */
    STRING,
    /** Comma-separated items, such as {@code controller,manager}. */
    LIST;

    /** The lower-case name used in documentation ({@code integer}, {@code list}, ...). */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Checks every component.
   *
   * @throws NullPointerException if a component is {@code null}
   * @throws IllegalArgumentException if {@code name} is not lowerCamelCase, or {@code defaultValue}
   *     is not a valid value of {@code type}
   */
  public RuleParameter {
    requireNonNull(name, "name");
    requireNonNull(type, "type");
    requireNonNull(defaultValue, "defaultValue");
    requireNonNull(description, "description");
    if (!isLowerCamelCase(name)) {
      throw new IllegalArgumentException(
          "malformed parameter name \""
              + name
              + "\": a parameter name is lowerCamelCase (letters and digits, starting with a"
              + " lower-case letter, such as maxPercent)");
    }
    if (!defaultValue.isEmpty()) {
      problem(type, defaultValue)
          .ifPresent(
              p -> {
                throw new IllegalArgumentException(
                    "default value of parameter " + name + " is not valid: " + p);
              });
    }
  }

  /** An integer parameter. */
  public static RuleParameter integer(String name, String defaultValue, String description) {
    return new RuleParameter(name, Type.INTEGER, defaultValue, description);
  }

  /** A boolean parameter. */
  public static RuleParameter bool(String name, String defaultValue, String description) {
    return new RuleParameter(name, Type.BOOLEAN, defaultValue, description);
  }

  /** A text parameter. */
  public static RuleParameter string(String name, String defaultValue, String description) {
    return new RuleParameter(name, Type.STRING, defaultValue, description);
  }

  /** A list parameter; {@code defaultValue} is comma-separated. */
  public static RuleParameter list(String name, String defaultValue, String description) {
    return new RuleParameter(name, Type.LIST, defaultValue, description);
  }

  /**
   * What is wrong with {@code value} as a value of this parameter, or empty if it is valid. The
   * empty value is always valid: it means "not set".
   */
  public Optional<String> problem(String value) {
    requireNonNull(value, "value");
    return value.isEmpty() ? Optional.empty() : problem(type, value);
  }

  private static Optional<String> problem(Type type, String value) {
    return switch (type) {
      case INTEGER ->
          isInteger(value)
              ? Optional.empty()
              : Optional.of("\"" + value + "\" is not a whole number");
      case BOOLEAN ->
          value.equals("true") || value.equals("false")
              ? Optional.empty()
              : Optional.of("\"" + value + "\" is not true or false");
      case STRING, LIST -> Optional.empty();
    };
  }

  private static boolean isInteger(String value) {
    try {
      Long.parseLong(value.trim());
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** The items of a comma-separated list, trimmed, empty items left out. */
  public static List<String> items(String value) {
    List<String> out = new ArrayList<>();
    for (String item : requireNonNull(value, "value").split(",", -1)) {
      String trimmed = item.trim();
      if (!trimmed.isEmpty()) {
        out.add(trimmed);
      }
    }
    return List.copyOf(out);
  }

  private static boolean isLowerCamelCase(String name) {
    if (name.isEmpty() || name.charAt(0) < 'a' || name.charAt(0) > 'z') {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
        return false;
      }
    }
    return true;
  }
}
