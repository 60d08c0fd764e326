package dev.daemonset.core.internal.labels;

import dev.daemonset.api.model.NodeSelectorRequirement;
import dev.daemonset.core.internal.validation.Formats;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * apimachinery's {@code labels.Requirement}: one parsed requirement of a label or node selector.
 * {@link #of} is {@code labels.NewRequirement} (a requirement it rejects does not exist), {@link
 * #matches} is {@code Requirement.Matches}. Immutable.
 */
public final class Requirement {
  private final String key;
  private final Operator operator;
  private final String[] values;

  /** The bound of a {@code Gt}/{@code Lt} requirement, parsed once; 0 for the others. */
  private final long bound;

  private Requirement(String key, Operator operator, String[] values, long bound) {
    this.key = key;
    this.operator = operator;
    this.values = values;
    this.bound = bound;
  }

  /**
   * {@code labels.NewRequirement}: the key must be a qualified name; {@code In} and {@code NotIn}
   * need values, {@code Exists} and {@code DoesNotExist} none, {@code Gt} and {@code Lt} (allowed
   * only with {@code gtLt}, as node selectors allow them) exactly one integer; every value must be
   * a valid label value. {@code null} when upstream's parser would return an error.
   */
  public static @Nullable Requirement of(
      String key, String operator, List<String> values, boolean gtLt) {
    Operator op = Operator.of(operator);
    if (op == null || !Formats.isQualifiedName(key)) {
      return null;
    }
    long bound = 0;
    switch (op) {
      case IN, NOT_IN -> {
        if (values.isEmpty()) {
          return null;
        }
      }
      case EXISTS, DOES_NOT_EXIST -> {
        if (!values.isEmpty()) {
          return null;
        }
      }
      case GT, LT -> {
        if (!gtLt || values.size() != 1) {
          return null;
        }
        try {
          bound = Long.parseLong(values.get(0));
        } catch (NumberFormatException e) {
          return null;
        }
      }
    }
    for (String v : values) {
      if (!Formats.isLabelValue(v)) {
        return null;
      }
    }
    return new Requirement(key, op, values.toArray(new String[0]), bound);
  }

  /** {@code matchLabels} entry {@code key: value}: upstream's {@code Equals} requirement. */
  static @Nullable Requirement equal(String key, String value) {
    Requirement r = of(key, NodeSelectorRequirement.IN, List.of(value), false);
    return r;
  }

  public String key() {
    return key;
  }

  public Operator operator() {
    return operator;
  }

  /**
   * {@code Requirement.Matches} for the value of this requirement's key, {@code null} when the
   * label is absent: {@code In} needs it present and listed, {@code NotIn} absent or unlisted,
   * {@code Gt}/{@code Lt} present, an integer, and beyond the bound.
   */
  public boolean matches(@Nullable String value) {
    return switch (operator) {
      case IN -> value != null && listed(value);
      case NOT_IN -> value == null || !listed(value);
      case EXISTS -> value != null;
      case DOES_NOT_EXIST -> value == null;
      case GT, LT -> {
        if (value == null) {
          yield false;
        }
        long have;
        try {
          have = Long.parseLong(value);
        } catch (NumberFormatException e) {
          yield false;
        }
        yield operator == Operator.GT ? have > bound : have < bound;
      }
    };
  }

  private boolean listed(String value) {
    for (String v : values) {
      if (v.equals(value)) {
        return true;
      }
    }
    return false;
  }
}
