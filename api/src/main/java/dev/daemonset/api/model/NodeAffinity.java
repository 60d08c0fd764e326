package dev.daemonset.api.model;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code affinity.nodeAffinity}.
 *
 * @param requiredTerms the terms of {@code requiredDuringSchedulingIgnoredDuringExecution} ({@code
 *     null} when no required selector is written)
 * @param preferred {@code preferredDuringSchedulingIgnoredDuringExecution}, untyped (the engine
 *     never decides on it)
 * @param other untyped fields
 */
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
