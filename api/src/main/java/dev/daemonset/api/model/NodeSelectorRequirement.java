package dev.daemonset.api.model;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import org.apiguardian.api.API;

/**
 * A node selector requirement ({@code matchExpressions[]} or {@code matchFields[]} of a node
 * selector term).
 *
 * @param key the label key, or {@code metadata.name} for matchFields
 * @param operator {@code In}, {@code NotIn}, {@code Exists}, {@code DoesNotExist}, {@code Gt} or
 *     {@code Lt}
 * @param values the operand values
 * @since 0.2
 */
@API(status = STABLE, since = "0.2")
public record NodeSelectorRequirement(String key, String operator, List<String> values) {
  /** The {@code In} operator: the label's value is one of {@code values}. */
  public static final String IN = "In";

  /** The {@code NotIn} operator: the label is absent or its value is none of {@code values}. */
  public static final String NOT_IN = "NotIn";

  /** The {@code Exists} operator: the label is present ({@code values} empty). */
  public static final String EXISTS = "Exists";

  /** The {@code DoesNotExist} operator: the label is absent ({@code values} empty). */
  public static final String DOES_NOT_EXIST = "DoesNotExist";

  /** The {@code Gt} operator: the label's value, an integer, is greater than the one value. */
  public static final String GT = "Gt";

  /** The {@code Lt} operator: the label's value, an integer, is less than the one value. */
  public static final String LT = "Lt";

  public NodeSelectorRequirement {
    key = Copies.str(key, "key");
    operator = Copies.str(operator, "operator");
    values = Copies.list(values, "values");
  }
}
