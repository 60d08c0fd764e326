package dev.daemonset.api.model;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * {@code status} of a Pod.
 *
 * @param phase {@code Pending}, {@code Running}, {@code Succeeded}, {@code Failed}, {@code Unknown}
 *     or ""
 * @param conditions the conditions, in order
 * @param other untyped fields (containerStatuses, podIP, ...)
 * @since 0.2
 */
@API(status = STABLE, since = "0.2")
public record PodStatus(String phase, List<Condition> conditions, Map<String, JsonValue> other) {
  /** No status. */
  public static final PodStatus EMPTY = new PodStatus("", List.of(), Map.of());

  public PodStatus {
    phase = Copies.str(phase, "phase");
    conditions = Copies.list(conditions, "conditions");
    other = Copies.other(other, "other");
  }

  /** The condition of this type, if present. */
  public Optional<Condition> condition(String type) {
    // A loop, not a stream: planners ask this of every pod of a cluster, several times.
    for (Condition c : conditions) {
      if (c.type().equals(type)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
