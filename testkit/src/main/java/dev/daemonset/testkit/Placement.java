package dev.daemonset.testkit;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.daemonset.api.ReadResult;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.plan.ClusterSnapshot;
import dev.daemonset.api.plan.FailedPredicate;
import dev.daemonset.api.plan.NodeVerdict;
import dev.daemonset.core.plan.Planner;
import dev.daemonset.core.read.ManifestReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * Where the DaemonSet controller would run a DaemonSet's pods on a cluster snapshot, with
 * assertions: the planner's verdict for every node, so a test states placement ("runs on the GPU
 * nodes, never on the control plane") and a failure says why each node did or did not fit.
 *
 * <pre>{@code
 * Placement.of(daemonSetYaml, clusterYaml)
 *     .assertRunsOn("worker-1", "gpu-1")
 *     .assertNotOn("cp-1");
 * }</pre>
 *
 * <p>"Runs on" is the verdict {@code SHOULD_RUN}; "not on" is any other ({@code MUST_NOT_RUN}, or
 * {@code MAY_KEEP_RUNNING}: an untolerated {@code NoSchedule} taint gets no new pod).
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class Placement {
  private final Map<String, NodeVerdict> verdicts;

  private Placement(List<NodeVerdict> verdicts) {
    Map<String, NodeVerdict> byNode = new TreeMap<>();
    for (NodeVerdict v : verdicts) {
      byNode.put(v.node(), v);
    }
    this.verdicts = byNode;
  }

  /** The placement of {@code daemonSet} on {@code cluster}. */
  public static Placement of(DaemonSet daemonSet, ClusterSnapshot cluster) {
    requireNonNull(daemonSet, "daemonSet");
    requireNonNull(cluster, "cluster");
    // verdicts do not depend on the time
    return new Placement(Planner.plan(daemonSet, cluster, Instant.EPOCH).verdicts());
  }

  /**
   * The placement of the one DaemonSet in {@code daemonSetYaml} on the nodes (and pods) of {@code
   * clusterYaml}.
   *
   * @throws AssertionError if either text has reading errors, or the first holds no DaemonSet or
   *     more than one
   */
  public static Placement of(String daemonSetYaml, String clusterYaml) {
    ManifestReader reader = ManifestReader.defaults();
    ReadResult ds = reader.read(requireNonNull(daemonSetYaml, "daemonSetYaml"));
    Findings.failOnErrors("the DaemonSet", ds.diagnostics());
    if (ds.daemonSets().size() != 1) {
      throw new AssertionError(
          "expected one DaemonSet, found " + ds.daemonSets().size() + " in the DaemonSet text");
    }
    ReadResult cluster = reader.read(requireNonNull(clusterYaml, "clusterYaml"));
    Findings.failOnErrors("the cluster", cluster.diagnostics());
    return of(ds.daemonSets().get(0), ClusterSnapshot.from(cluster));
  }

  /** The planner's verdict for every node, in node-name order. */
  public List<NodeVerdict> verdicts() {
    return List.copyOf(verdicts.values());
  }

  /**
   * Asserts that each of {@code nodes} runs the pod.
   *
   * @throws AssertionError naming each node that does not, with the planner's reasons
   */
  public Placement assertRunsOn(String... nodes) {
    return check(true, nodes);
  }

  /**
   * Asserts that none of {@code nodes} gets the pod.
   *
   * @throws AssertionError naming each node that does
   */
  public Placement assertNotOn(String... nodes) {
    return check(false, nodes);
  }

  /**
   * Asserts that the pod runs on exactly {@code nodes} and on no other node of the snapshot.
   *
   * @throws AssertionError naming the nodes that differ
   */
  public Placement assertRunsExactlyOn(String... nodes) {
    assertRunsOn(nodes);
    List<String> others = new ArrayList<>(verdicts.keySet());
    others.removeAll(List.of(nodes));
    return assertNotOn(others.toArray(String[]::new));
  }

  private Placement check(boolean runs, String... nodes) {
    List<String> wrong = new ArrayList<>();
    for (String node : nodes) {
      NodeVerdict v = verdicts.get(requireNonNull(node, "node"));
      if (v == null) {
        wrong.add(node + ": no such node in the snapshot (nodes: " + verdicts.keySet() + ")");
      } else if ((v.verdict() == NodeVerdict.Verdict.SHOULD_RUN) != runs) {
        wrong.add(describe(v));
      }
    }
    if (!wrong.isEmpty()) {
      throw new AssertionError(
          (runs ? "expected the pod to run on " : "expected the pod not to run on ")
              + String.join(", ", nodes)
              + ", but:\n    "
              + String.join("\n    ", wrong));
    }
    return this;
  }

  private static String describe(NodeVerdict v) {
    StringBuilder sb = new StringBuilder(v.node()).append(": ").append(v.verdict());
    for (FailedPredicate f : v.failures()) {
      sb.append("\n      ").append(f.message());
    }
    return sb.toString();
  }
}
