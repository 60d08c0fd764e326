package dev.daemonset.api.model;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import org.apiguardian.api.API;

/**
 * One term of a required node selector: every requirement must hold (terms are ORed).
 *
 * @param matchExpressions requirements on node labels
 * @param matchFields requirements on node fields (only {@code metadata.name})
 * @since 0.2
 */
@API(status = STABLE, since = "0.2")
public record NodeSelectorTerm(
    List<NodeSelectorRequirement> matchExpressions, List<NodeSelectorRequirement> matchFields) {
  public NodeSelectorTerm {
    matchExpressions = Copies.list(matchExpressions, "matchExpressions");
    matchFields = Copies.list(matchFields, "matchFields");
  }
}
