package dev.daemonset.api.model;

import java.util.List;

/**
 * One term of a required node selector: every requirement must hold (terms are ORed).
 *
 * @param matchExpressions requirements on node labels
 * @param matchFields requirements on node fields (only {@code metadata.name})
 */
public record NodeSelectorTerm(
    List<NodeSelectorRequirement> matchExpressions, List<NodeSelectorRequirement> matchFields) {
  public NodeSelectorTerm {
    matchExpressions = Copies.list(matchExpressions, "matchExpressions");
    matchFields = Copies.list(matchFields, "matchFields");
  }
}
