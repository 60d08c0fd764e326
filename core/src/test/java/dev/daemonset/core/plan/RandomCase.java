package dev.daemonset.core.plan;

import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.model.Node;
import dev.daemonset.api.model.Pod;
import dev.daemonset.api.model.Toleration;
import dev.daemonset.api.plan.PlanOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One seeded random cluster for a planner property: the DaemonSet, nodes, pods and options, and the
 * seed that also drives whatever randomness the property itself uses (shuffles, the simulated
 * kubelet). {@link #shrink} removes nodes and pods one at a time while the property still fails,
 * and {@link #describe} prints what is left, so a failure reads as a small scenario.
 */
record RandomCase(long seed, DaemonSet ds, List<Node> nodes, List<Pod> pods, PlanOptions options) {

  RandomCase {
    nodes = List.copyOf(nodes);
    pods = List.copyOf(pods);
  }

  RandomCase withNodes(List<Node> newNodes) {
    return new RandomCase(seed, ds, newNodes, pods, options);
  }

  RandomCase withPods(List<Pod> newPods) {
    return new RandomCase(seed, ds, nodes, newPods, options);
  }

  /**
   * Checks {@code property} on each case; on the first failure, shrinks it and throws an
   * AssertionError naming the seed, the original failure and the minimal scenario.
   */
  static void check(Iterable<RandomCase> cases, Consumer<RandomCase> property) {
    for (RandomCase c : cases) {
      Throwable failure = failure(c, property);
      if (failure != null) {
        RandomCase minimal = c.shrink(property);
        Throwable minimalFailure = failure(minimal, property);
        AssertionError e =
            new AssertionError(
                "seed "
                    + c.seed()
                    + " fails (rerun this property with -Dplan.seed="
                    + c.seed()
                    + " -Dplan.clusters=1): "
                    + failure.getMessage()
                    + "\nshrunk to "
                    + minimal.describe()
                    + "\nwhich fails with: "
                    + (minimalFailure == null ? "?" : minimalFailure.getMessage()),
                failure);
        throw e;
      }
    }
  }

  private static Throwable failure(RandomCase c, Consumer<RandomCase> property) {
    try {
      property.accept(c);
      return null;
    } catch (AssertionError | RuntimeException e) {
      return e;
    }
  }

  /**
   * The smallest case found by removing single nodes, then single pods, until neither still fails.
   */
  @SuppressWarnings("ReferenceEquality") // a fixed point: no step returned a new case
  RandomCase shrink(Consumer<RandomCase> property) {
    RandomCase current = this;
    RandomCase previous = null;
    while (current != previous) {
      previous = current;
      current = removeEach(current, property, RandomCase::nodes, RandomCase::withNodes);
      current = removeEach(current, property, RandomCase::pods, RandomCase::withPods);
    }
    return current;
  }

  /**
   * Tries the case without each element of one list, last to first, keeping every removal that
   * still fails.
   */
  private static <T> RandomCase removeEach(
      RandomCase start,
      Consumer<RandomCase> property,
      Function<RandomCase, List<T>> list,
      BiFunction<RandomCase, List<T>, RandomCase> with) {
    RandomCase current = start;
    for (int i = list.apply(current).size() - 1; i >= 0; i--) {
      List<T> fewer = new ArrayList<>(list.apply(current));
      fewer.remove(i);
      RandomCase candidate = with.apply(current, fewer);
      if (failure(candidate, property) != null) {
        current = candidate;
      }
    }
    return current;
  }

  /**
   * The scenario in a few lines: the DaemonSet's placement and strategy, each node and each pod.
   */
  String describe() {
    StringBuilder s = new StringBuilder();
    var spec = ds.spec();
    var podSpec = spec.template().spec();
    s.append("seed ")
        .append(seed)
        .append(", ")
        .append(nodes.size())
        .append(" nodes, ")
        .append(pods.size())
        .append(" pods\n");
    s.append("  DaemonSet: ").append(spec.updateStrategy().type());
    if (spec.updateStrategy().rollingUpdate() != null) {
      s.append(" maxUnavailable=")
          .append(spec.updateStrategy().rollingUpdate().maxUnavailable())
          .append(" maxSurge=")
          .append(spec.updateStrategy().rollingUpdate().maxSurge());
    }
    s.append(", minReadySeconds=").append(spec.minReadySeconds());
    if (!podSpec.nodeSelector().isEmpty()) {
      s.append(", nodeSelector ").append(podSpec.nodeSelector());
    }
    if (podSpec.affinity() != null) {
      s.append(", affinity ").append(podSpec.affinity().nodeAffinity());
    }
    if (!podSpec.tolerations().isEmpty()) {
      s.append(", tolerations ")
          .append(
              podSpec.tolerations().stream()
                  .map(RandomCase::toleration)
                  .collect(Collectors.joining(", ", "[", "]")));
    }
    if (podSpec.hostNetwork()) {
      s.append(", hostNetwork");
    }
    s.append("\n  options: ").append(options).append('\n');
    for (Node n : nodes) {
      s.append("  node ").append(n.name()).append(' ').append(n.metadata().labels());
      if (!n.taints().isEmpty()) {
        s.append(" taints ").append(n.taints());
      }
      if (n.unschedulable()) {
        s.append(" unschedulable");
      }
      s.append('\n');
    }
    for (Pod p : pods) {
      var m = p.metadata();
      s.append("  pod ")
          .append(m.name())
          .append(" on ")
          .append(
              p.spec().nodeName().isEmpty()
                  ? "(affinity) " + p.spec().affinity()
                  : p.spec().nodeName())
          .append(' ')
          .append(m.labels())
          .append(' ')
          .append(p.status().phase())
          .append(Pods.isReady(p) ? " ready" : " not-ready")
          .append(
              m.ownerReferences().isEmpty()
                  ? " unowned"
                  : " owner "
                      + m.ownerReferences().get(0).kind()
                      + "/"
                      + m.ownerReferences().get(0).name())
          .append(m.isDeleting() ? " deleting" : "")
          .append(" created ")
          .append(m.creationTimestamp())
          .append('\n');
    }
    return s.toString();
  }

  private static String toleration(Toleration t) {
    return t.key() + " " + t.operator() + " " + t.value() + " " + t.effect();
  }
}
