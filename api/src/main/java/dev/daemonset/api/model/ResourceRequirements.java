package dev.daemonset.api.model;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * {@code resources} of a container. Quantities are kept as written ({@code 100m}, {@code 1Gi},
 * {@code 0.5}); a YAML number is kept as its decimal text.
 *
 * @param limits resource name to quantity, sorted
 * @param requests resource name to quantity, sorted
 * @param other untyped fields (claims)
 * @since 0.2
 */
@API(status = STABLE, since = "0.2")
public record ResourceRequirements(
    Map<String, String> limits, Map<String, String> requests, Map<String, JsonValue> other) {

  /** No limits and no requests. */
  public static final ResourceRequirements EMPTY =
      new ResourceRequirements(Map.of(), Map.of(), Map.of());

  public ResourceRequirements {
    limits = Copies.sorted(limits, "limits");
    requests = Copies.sorted(requests, "requests");
    other = Copies.other(other, "other");
  }

  /** True if nothing is set. */
  public boolean isEmpty() {
    return limits.isEmpty() && requests.isEmpty() && other.isEmpty();
  }
}
