package dev.daemonset.api.model;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code spec.affinity}. Only node affinity is typed; pod (anti-)affinity is kept in {@code other}.
 *
 * @param nodeAffinity node affinity, if written
 * @param other untyped fields (podAffinity, podAntiAffinity)
 * @since 0.2
 */
@API(status = STABLE, since = "0.2")
public record Affinity(@Nullable NodeAffinity nodeAffinity, Map<String, JsonValue> other) {
  public Affinity {
    other = Copies.other(other, "other");
  }
}
