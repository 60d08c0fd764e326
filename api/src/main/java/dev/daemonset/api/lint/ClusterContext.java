package dev.daemonset.api.lint;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.INTERNAL;

import dev.daemonset.api.model.Node;
import dev.daemonset.api.plan.ClusterSnapshot;
import dev.daemonset.api.plan.NodeVerdict;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The cluster a placement rule checks a DaemonSet against: the snapshot the user configured ({@code
 * cluster:} in the configuration file, {@code Linter.builder().cluster(...)}) and the planner's
 * verdict for each of its nodes, so a rule never matches selectors, affinity or taints itself.
 *
 * <p>The verdicts are the DaemonSet controller's answer for this DaemonSet (as the API server would
 * default it) on every node of the snapshot, in node-name order: {@link
 * NodeVerdict.Verdict#SHOULD_RUN}, {@link NodeVerdict.Verdict#MAY_KEEP_RUNNING} or {@link
 * NodeVerdict.Verdict#MUST_NOT_RUN}, with every failed predicate. They are computed on first use
 * and then kept; they do not depend on the time. Thread safe.
 *
 * <pre>{@code
 * input.cluster().ifPresent(cluster -> {
 *   for (NodeVerdict v : cluster.verdicts()) {
 *     if (!v.verdict().shouldRun()) { ... v.failures() ... }
 *   }
 * });
 * }</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class ClusterContext {
  private final ClusterSnapshot snapshot;
  private final Supplier<List<NodeVerdict>> compute;
  private volatile @Nullable List<NodeVerdict> verdicts;

  /**
   * A context whose verdicts {@code compute} makes on first use; the engine builds these. {@code
   * compute} must be a pure function: it may run more than once when threads race.
   */
  @API(status = INTERNAL, since = "0.2")
  public ClusterContext(ClusterSnapshot snapshot, Supplier<List<NodeVerdict>> compute) {
    this.snapshot = requireNonNull(snapshot, "snapshot");
    this.compute = requireNonNull(compute, "compute");
  }

  /** The nodes, pods and revisions the user configured. */
  public ClusterSnapshot snapshot() {
    return snapshot;
  }

  /** The planner's verdict for every node of the snapshot, in node-name order. */
  public List<NodeVerdict> verdicts() {
    List<NodeVerdict> v = verdicts;
    if (v == null) {
      v = List.copyOf(requireNonNull(compute.get(), "computed verdicts"));
      verdicts = v;
    }
    return v;
  }

  /** The verdict for the node named {@code node}, if the snapshot has it. */
  public Optional<NodeVerdict> verdict(String node) {
    requireNonNull(node, "node");
    return verdicts().stream().filter(v -> v.node().equals(node)).findFirst();
  }

  /** The node named {@code name}, if the snapshot has it. */
  public Optional<Node> node(String name) {
    requireNonNull(name, "name");
    return snapshot.nodes().stream().filter(n -> n.metadata().name().equals(name)).findFirst();
  }
}
