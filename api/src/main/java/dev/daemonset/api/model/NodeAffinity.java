package dev.daemonset.api.model;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code affinity.nodeAffinity}.
 *
 * @param requiredTerms the terms of {@code requiredDuringSchedulingIgnoredDuringExecution} ({@code
 *     null} when no required selector is written)
 * @param preferred {@code preferredDuringSchedulingIgnoredDuringExecution}, untyped (the engine
 *     never decides on it)
 * @param other untyped fields
 * @since 0.2
 */
@API(status = STABLE, since = "0.2")
public record NodeAffinity(
    @Nullable List<NodeSelectorTerm> requiredTerms,
    List<JsonValue> preferred,
    Map<String, JsonValue> other) {
  public NodeAffinity {
    requiredTerms = requiredTerms == null ? null : List.copyOf(requiredTerms);
    preferred = Copies.list(preferred, "preferred");
    other = Copies.other(other, "other");
  }
}
