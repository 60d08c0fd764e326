package dev.daemonset.api.lint;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The values of a rule's {@link RuleParameter parameters} for one run: the configured value where
 * one was set, else the declared default. A policy reads them from {@link
 * PolicyInput#parameters()}.
 *
 * <p>Asking for a parameter the rule did not declare, or reading one with the wrong type, is a
 * programming error in the policy: it throws {@link IllegalArgumentException}, which the linter
 * reports as {@code policy-failed}. Immutable and thread safe.
 *
 * <pre>{@code
 * long maxPercent = input.parameters().integer("maxPercent").orElse(50);
 * List<String> ignored = input.parameters().list("ignoreImages");
 * }</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class RuleParameters {

  /** No parameters: what a rule without declared parameters gets. */
  public static final RuleParameters NONE = new RuleParameters(Map.of(), Map.of());

  private final Map<String, RuleParameter> declared;
  private final Map<String, String> values;

  private RuleParameters(Map<String, RuleParameter> declared, Map<String, String> values) {
    this.declared = declared;
    this.values = values;
  }

  /**
   * The values of {@code declared} parameters: each configured value, else the default.
   *
   * @param declared the rule's parameters ({@link RuleInfo#parameters()})
   * @param configured values by parameter name
   * @throws IllegalArgumentException if {@code configured} names a parameter that is not declared,
   *     or holds a value that is not valid for its type
   */
  public static RuleParameters of(List<RuleParameter> declared, Map<String, String> configured) {
    requireNonNull(declared, "declared");
    requireNonNull(configured, "configured");
    Map<String, RuleParameter> byName = new LinkedHashMap<>();
    Map<String, String> values = new LinkedHashMap<>();
    for (RuleParameter p : declared) {
      byName.put(p.name(), p);
      values.put(p.name(), p.defaultValue());
    }
    configured.forEach(
        (name, value) -> {
          RuleParameter p = byName.get(requireNonNull(name, "parameter name"));
          if (p == null) {
            throw new IllegalArgumentException(
                "no parameter named \"" + name + "\"; the rule declares " + byName.keySet());
          }
          p.problem(requireNonNull(value, () -> "value of " + name))
              .ifPresent(
                  problem -> {
                    throw new IllegalArgumentException("parameter " + name + ": " + problem);
                  });
          values.put(name, value);
        });
    return new RuleParameters(
        Collections.unmodifiableMap(byName), Collections.unmodifiableMap(values));
  }

  /** The value as text; empty if it is not set and has no default. */
  public String string(String name) {
    return value(name, null);
  }

  /** The value of an integer parameter, or empty if it is not set. */
  public OptionalLong integer(String name) {
    String v = value(name, RuleParameter.Type.INTEGER).trim();
    return v.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(v));
  }

  /** The value of a boolean parameter; {@code false} if it is not set. */
  public boolean bool(String name) {
    return value(name, RuleParameter.Type.BOOLEAN).equals("true");
  }

  /** The items of a list parameter ({@link RuleParameter#items}); empty if it is not set. */
  public List<String> list(String name) {
    return RuleParameter.items(value(name, RuleParameter.Type.LIST));
  }

  /** True if the parameter has a value (configured, or a non-empty default). */
  public boolean isSet(String name) {
    return !value(name, null).isEmpty();
  }

  /** Every value, by name, in declaration order. */
  public Map<String, String> values() {
    return values;
  }

  /** The value of a declared parameter ({@link #of} gave each one, its default at least). */
  private String value(String name, RuleParameter.@Nullable Type type) {
    String v = values.get(declared(name, type).name());
    return v == null ? "" : v;
  }

  private RuleParameter declared(String name, RuleParameter.@Nullable Type type) {
    RuleParameter p = declared.get(requireNonNull(name, "name"));
    if (p == null) {
      throw new IllegalArgumentException(
          "the rule declares no parameter named \"" + name + "\"; it has " + declared.keySet());
    }
    if (type != null && p.type() != type) {
      throw new IllegalArgumentException(
          "parameter " + name + " is of type " + p.type().label() + ", not " + type.label());
    }
    return p;
  }

  @Override
  public String toString() {
    return values().toString();
  }
}
