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
  public NodeSelectorRequirement {
    key = Copies.str(key, "key");
    operator = Copies.str(operator, "operator");
    values = Copies.list(values, "values");
  }
}
