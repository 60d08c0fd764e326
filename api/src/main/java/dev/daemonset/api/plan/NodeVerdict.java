package dev.daemonset.api.plan;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import org.apiguardian.api.API;

/**
 * Whether one node should run the DaemonSet's pod, and every predicate that failed.
 *
 * <p>Mirrors upstream's {@code NodeShouldRunDaemonPod}, which answers with two booleans; here the
 * three combinations that occur are an enum and every reason is named. All failing predicates are
 * listed (the template's {@code nodeName}, {@code nodeSelector}, required node affinity, taints),
 * even where upstream stops at the first.
 *
 * <pre>{@code
 * if (verdict.verdict() == NodeVerdict.Verdict.MAY_KEEP_RUNNING) {
 *   verdict.failures().forEach(f -> System.err.println(f.message()));
 * }
 * }</pre>
 *
 * @param node the node's name
 * @param verdict the decision
 * @param failures every failed predicate, in the order nodeName, nodeSelector (by key), node
 *     affinity, taints (in the node's order); empty for {@link Verdict#SHOULD_RUN}
 * @param daemonPods names of the DaemonSet's pods on this node (claimed, terminal pods being
 *     deleted left out), in upstream's pod order: bound pods first, then oldest first, then by
 *     name; empty in a stopped plan
 * @since 0.2
 */
@API(status = STABLE, since = "0.2")
public record NodeVerdict(
    String node, Verdict verdict, List<FailedPredicate> failures, List<String> daemonPods) {

  public NodeVerdict {
    requireNonNull(node, "node");
    requireNonNull(verdict, "verdict");
    failures = List.copyOf(failures);
    daemonPods = List.copyOf(daemonPods);
  }

  /** The three outcomes of upstream's (shouldRun, shouldContinueRunning) pair. */
  public enum Verdict {
    /** (true, true): a pod is created if the node has none. */
    SHOULD_RUN(true, true),
    /**
     * (false, true): no new pod is started, but a running one may stay (an untolerated {@code
     * NoSchedule} taint only).
     */
    MAY_KEEP_RUNNING(false, true),
    /** (false, false): no pod belongs here; running ones are deleted. */
    MUST_NOT_RUN(false, false);

    private final boolean shouldRun;
    private final boolean shouldContinueRunning;

    Verdict(boolean shouldRun, boolean shouldContinueRunning) {
      this.shouldRun = shouldRun;
      this.shouldContinueRunning = shouldContinueRunning;
    }

    /** Upstream's {@code shouldRun}. */
    public boolean shouldRun() {
      return shouldRun;
    }

    /** Upstream's {@code shouldContinueRunning}. */
    public boolean shouldContinueRunning() {
      return shouldContinueRunning;
    }
  }
}
