package dev.daemonset.api.model;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * A label selector ({@code spec.selector}): matchLabels AND every matchExpression.
 *
 * @param matchLabels labels that must be present with these exact values, sorted by key
 * @param matchExpressions requirements, in order
 * @param other untyped fields
 * @since 0.2
 */
@API(status = STABLE, since = "0.2")
public record LabelSelector(
    Map<String, String> matchLabels,
    List<LabelSelectorRequirement> matchExpressions,
    Map<String, JsonValue> other) {

  /** The {@code In} requirement operator: the label's value is one of the values. */
  public static final String IN = "In";

  /** The {@code NotIn} requirement operator: the label is absent or none of the values. */
  public static final String NOT_IN = "NotIn";

  /** The {@code Exists} requirement operator: the label is present (no values). */
  public static final String EXISTS = "Exists";

  /** The {@code DoesNotExist} requirement operator: the label is absent (no values). */
  public static final String DOES_NOT_EXIST = "DoesNotExist";

  public LabelSelector {
    matchLabels = Copies.sorted(matchLabels, "matchLabels");
    matchExpressions = Copies.list(matchExpressions, "matchExpressions");
    other = Copies.other(other, "other");
  }

  /** A selector of matchLabels only. */
  public static LabelSelector of(Map<String, String> matchLabels) {
    return new LabelSelector(matchLabels, List.of(), Map.of());
  }

  /** True if it has neither matchLabels nor matchExpressions (it then selects everything). */
  public boolean isEmpty() {
    return matchLabels.isEmpty() && matchExpressions.isEmpty();
  }

  /**
   * A {@code matchExpressions[]} entry.
   *
   * @param key the label key
   * @param operator {@code In}, {@code NotIn}, {@code Exists} or {@code DoesNotExist}
   * @param values the values for In and NotIn
   */
  public record LabelSelectorRequirement(String key, String operator, List<String> values) {
    public LabelSelectorRequirement {
      key = Copies.str(key, "key");
      operator = Copies.str(operator, "operator");
      values = Copies.list(values, "values");
    }
  }
}
