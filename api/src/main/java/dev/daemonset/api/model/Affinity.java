package dev.daemonset.api.model;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code spec.affinity}. Only node affinity is typed; pod (anti-)affinity is kept in {@code other}.
 *
 * @param nodeAffinity node affinity, if written
 * @param other untyped fields (podAffinity, podAntiAffinity)
 */
public record Affinity(@Nullable NodeAffinity nodeAffinity, Map<String, JsonValue> other) {
  public Affinity {
    other = Copies.other(other, "other");
  }
}
