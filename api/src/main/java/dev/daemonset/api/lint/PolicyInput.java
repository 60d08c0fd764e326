package dev.daemonset.api.lint;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.daemonset.api.SourceMap;
import dev.daemonset.api.model.DaemonSet;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What a policy looks at: the DaemonSet as written and as the API server would default it, where
 * each field was written, the values of the rule's {@link RuleParameter parameters}, and, when the
 * user configured one, the cluster it will run on.
 *
 * <p>Immutable; the linter builds one per DaemonSet and rule. Tests build their own:
 *
 * <pre>{@code
 * PolicyInput input = new PolicyInput(ds, Defaults.defaulted(ds), SourceMap.empty())
 *     .withParameters(RuleParameters.of(rule.parameters(), Map.of("maxPercent", "25")));
 * }</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class PolicyInput {
  private final DaemonSet daemonSet;
  private final DaemonSet defaulted;
  private final SourceMap sourceMap;
  private final RuleParameters parameters;
  private final @Nullable ClusterContext cluster;

  /**
   * An input without parameter values (every parameter at its default is the linter's business) and
   * without a cluster.
   *
   * @param daemonSet the DaemonSet as written
   * @param defaulted the same DaemonSet after the API server's defaulting (what would run)
   * @param sourceMap where each field was written, for policies that care whether a field was
   *     written or defaulted ({@code sourceMap.value(path).isPresent()})
   */
  public PolicyInput(DaemonSet daemonSet, DaemonSet defaulted, SourceMap sourceMap) {
    this(daemonSet, defaulted, sourceMap, RuleParameters.NONE, null);
  }

  private PolicyInput(
      DaemonSet daemonSet,
      DaemonSet defaulted,
      SourceMap sourceMap,
      RuleParameters parameters,
      @Nullable ClusterContext cluster) {
    this.daemonSet = requireNonNull(daemonSet, "daemonSet");
    this.defaulted = requireNonNull(defaulted, "defaulted");
    this.sourceMap = requireNonNull(sourceMap, "sourceMap");
    this.parameters = requireNonNull(parameters, "parameters");
    this.cluster = cluster;
  }

  /** The DaemonSet as written. */
  public DaemonSet daemonSet() {
    return daemonSet;
  }

  /** The DaemonSet after the API server's defaulting: what would run. */
  public DaemonSet defaulted() {
    return defaulted;
  }

  /** Where each field of the DaemonSet was written. */
  public SourceMap sourceMap() {
    return sourceMap;
  }

  /** The values of the rule's parameters: configured, or the defaults. */
  public RuleParameters parameters() {
    return parameters;
  }

  /** The cluster to check placement against, if the user configured one. */
  public Optional<ClusterContext> cluster() {
    return Optional.ofNullable(cluster);
  }

  /** This input with other parameter values. */
  public PolicyInput withParameters(RuleParameters newParameters) {
    return new PolicyInput(daemonSet, defaulted, sourceMap, newParameters, cluster);
  }

  /** This input with a cluster ({@code null}: without). */
  public PolicyInput withCluster(@Nullable ClusterContext newCluster) {
    return new PolicyInput(daemonSet, defaulted, sourceMap, parameters, newCluster);
  }
}
