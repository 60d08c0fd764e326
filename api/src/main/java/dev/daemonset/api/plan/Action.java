package dev.daemonset.api.plan;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import dev.daemonset.api.model.Pod;
import org.apiguardian.api.API;

/**
 * One thing the controller would do: create a daemon pod on a node, or delete a pod. Every action
 * carries a typed reason ({@link #reason()}) and a sentence for a person.
 *
 * <p>Closed: switch on {@link #kind()} (Java 17) or pattern-match {@link Create} and {@link Delete}
 * (Java 21+). Both variants name the node first, then the pod: {@link Create#pod()} is the full pod
 * the controller would send, {@link Delete#podName()} the name of the pod it deletes.
 *
 * <pre>{@code
 * switch (action.kind()) {
 *   case CREATE -> apply(((Action.Create) action).pod());
 *   case DELETE -> delete(((Action.Delete) action).podName());
 * }
 * String code = action.reason().name();  // MISSING, OUTDATED, ... (stable)
 * }</pre>
 *
 * @since 0.2
 */
@API(status = STABLE, since = "0.2")
public sealed interface Action permits Action.Create, Action.Delete {

  /** Which variant this is. */
  Kind kind();

  /** The node the action concerns. */
  String node();

  /**
   * Why: a {@link CreateReason} for a {@link Create}, a {@link DeleteReason} for a {@link Delete}.
   * Its {@link Reason#name() name} is the stable upper-case code that text and JSON output print.
   */
  Reason reason();

  /** One sentence saying why. */
  String message();

  /** The kinds of action. */
  enum Kind {
    CREATE,
    DELETE
  }

  /**
   * The reason of an action: one of the two enums {@link CreateReason} and {@link DeleteReason},
   * which implement it. Switch on {@link #kind()}, or on the enum after a cast or a pattern.
   */
  sealed interface Reason permits CreateReason, DeleteReason {
    /** The stable upper-case code, such as {@code MISSING} or {@code OUTDATED}. */
    String name();

    /** The kind of action this is a reason for. */
    Kind kind();
  }

  /** Why a pod is created. */
  enum CreateReason implements Reason {
    /** The node should run a daemon pod and has no live one. */
    MISSING,
    /** Rolling update with maxSurge: a new pod starts next to an available old one. */
    SURGE,
    /**
     * Rolling update with maxSurge: the old pod is unavailable, so a new one starts beside it at
     * once.
     */
    ROLLING_REPLACEMENT;

    @Override
    public Kind kind() {
      return Kind.CREATE;
    }
  }

  /** Why a pod is deleted. */
  enum DeleteReason implements Reason {
    /** The pod failed; the controller replaces it (subject to the failed-pod backoff). */
    FAILED(false),
    /** The pod ran to completion; daemon pods must keep running, so it is replaced. */
    SUCCEEDED(false),
    /** The node runs more than one live daemon pod; all but the one kept are removed. */
    EXCESS(false),
    /** The node must not run the pod any more (selector, affinity, NoExecute taint). */
    MISSCHEDULED(false),
    /** The pod is bound to a node that no longer exists: pod garbage collection's work. */
    NODE_GONE(true),
    /** The pod was never scheduled and its target node no longer exists. */
    UNSCHEDULED_ON_MISSING_NODE(false),
    /** Rolling update: an available pod of an old template, within the maxUnavailable budget. */
    OUTDATED(false),
    /**
     * Rolling update: a pod of an old template that is not available, replaced whatever the budget.
     */
    OUTDATED_UNAVAILABLE(false),
    /**
     * Rolling update with surge: the new pod beside it is available (or the old one is not Ready).
     */
    SURGE_OLD_REPLACED(false),
    /**
     * Rolling update with surge: an old pod on a node where the DaemonSet should no longer start
     * pods, removed because more pods are available than desired.
     */
    SURPLUS_NOT_SCHEDULABLE(false);

    private final boolean podGc;

    DeleteReason(boolean podGc) {
      this.podGc = podGc;
    }

    /** True when pod garbage collection, not the DaemonSet controller, does this delete. */
    public boolean isPodGcWork() {
      return podGc;
    }

    @Override
    public Kind kind() {
      return Kind.DELETE;
    }
  }

  /**
   * Create a daemon pod for a node.
   *
   * @param node the node the pod is pinned to (through required node affinity)
   * @param pod the full pod the controller would send ({@code generateName}, labels, owner
   *     reference, tolerations, affinity)
   * @param batch the slow-start batch the create goes out in: 1, 2, 3, ... (batch n holds up to
   *     2<sup>n-1</sup> creates); 0 for a deferred create
   * @param reason why
   * @param message one sentence saying why
   */
  record Create(String node, Pod pod, int batch, CreateReason reason, String message)
      implements Action {
    public Create {
      requireNonNull(node, "node");
      requireNonNull(pod, "pod");
      requireNonNull(reason, "reason");
      requireNonNull(message, "message");
      if (batch < 0) {
        throw new IllegalArgumentException("batch < 0");
      }
    }

    @Override
    public Kind kind() {
      return Kind.CREATE;
    }
  }

  /**
   * Delete a pod.
   *
   * @param node the node the pod belongs to
   * @param podName the pod's name (in the DaemonSet's namespace)
   * @param reason why
   * @param message one sentence saying why
   */
  record Delete(String node, String podName, DeleteReason reason, String message)
      implements Action {
    public Delete {
      requireNonNull(node, "node");
      requireNonNull(podName, "podName");
      requireNonNull(reason, "reason");
      requireNonNull(message, "message");
    }

    @Override
    public Kind kind() {
      return Kind.DELETE;
    }
  }
}
