package dev.daemonset.core.plan;

import dev.daemonset.api.model.Condition;
import dev.daemonset.api.model.Pod;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A pod of the DaemonSet with every fact the passes of a plan ask of it (deleting, failed, Ready,
 * available, updated, ...), read from the pod once, when it is claimed.
 *
 * <p>{@code manage}, the rolling update and both status counts ask these questions of every daemon
 * pod, each in its own pass; answering them from the pod each time meant following pod → status →
 * conditions → condition again in every pass, and at cluster scale the pod had left the cache since
 * the last one. The facts are one {@code int}, in an object allocated next to the previous pod's.
 */
final class DaemonPod {
  private static final int DELETING = 1;
  private static final int FAILED = 1 << 1;
  private static final int SUCCEEDED = 1 << 2;
  private static final int READY = 1 << 3;
  private static final int AVAILABLE = 1 << 4;
  private static final int UPDATED = 1 << 5;
  private static final int HAS_HASH = 1 << 6;
  private static final int UNSCHEDULED = 1 << 7;

  /** {@link Pods#ORDER} of the pods. */
  static final Comparator<DaemonPod> ORDER = Comparator.comparing(d -> d.pod, Pods.ORDER);

  private final Pod pod;
  private final String name;
  private final int facts;
  private final int nodeId;

  private DaemonPod(Pod pod, int facts, int nodeId) {
    this.pod = pod;
    this.name = pod.metadata().name();
    this.facts = facts;
    this.nodeId = nodeId;
  }

  Pod pod() {
    return pod;
  }

  String name() {
    return name;
  }

  /** The id of the pod's node in the plan's {@link NodeIndex}; -1 for a pod the plan creates. */
  int nodeId() {
    return nodeId;
  }

  boolean isDeleting() {
    return (facts & DELETING) != 0;
  }

  boolean isFailed() {
    return (facts & FAILED) != 0;
  }

  boolean isSucceeded() {
    return (facts & SUCCEEDED) != 0;
  }

  /** Neither being deleted nor finished. */
  boolean isLive() {
    return (facts & (DELETING | FAILED | SUCCEEDED)) == 0;
  }

  /** Upstream's {@code IsPodReady}. */
  boolean isReady() {
    return (facts & READY) != 0;
  }

  /** Upstream's {@code IsPodAvailable} with the plan's minReadySeconds and clock. */
  boolean isAvailable() {
    return (facts & AVAILABLE) != 0;
  }

  /**
   * Upstream's {@code IsPodUpdated} (E3): the hash label is the plan's current hash, or the
   * template generation label is the DaemonSet's templateGeneration.
   */
  boolean isUpdated() {
    return (facts & UPDATED) != 0;
  }

  /**
   * The pod's hash label is the plan's current hash (the only test of {@code manage}'s surge logic,
   * E5).
   */
  boolean hasHash() {
    return (facts & HAS_HASH) != 0;
  }

  /** The pod names no node in {@code spec.nodeName} (it was claimed by its pinning affinity). */
  boolean isUnscheduled() {
    return (facts & UNSCHEDULED) != 0;
  }

  /** Reads pods for one plan: its current hash, template generation, minReadySeconds and clock. */
  static final class Reader {
    private final String hash;
    private final @Nullable String generationLabel;
    private final int minReadySeconds;
    private final Instant now;

    Reader(String hash, @Nullable String generationLabel, int minReadySeconds, Instant now) {
      this.hash = hash;
      this.generationLabel = generationLabel;
      this.minReadySeconds = minReadySeconds;
      this.now = now;
    }

    /** A pod this plan creates, as it would be observed at the plan's clock. */
    DaemonPod created(Pod pod) {
      return read(pod.withMetadata(pod.metadata().withCreationTimestamp(now)), -1);
    }

    /** A claimed pod, bound (or pinned) to the node with id {@code nodeId}. */
    DaemonPod read(Pod pod, int nodeId) {
      int facts = 0;
      if (Pods.isDeleting(pod)) {
        facts |= DELETING;
      }
      if (Pods.isFailed(pod)) {
        facts |= FAILED;
      } else if (Pods.isSucceeded(pod)) {
        facts |= SUCCEEDED;
      }
      Condition ready = pod.status().condition("Ready").orElse(null);
      if (Pods.isReady(ready)) {
        facts |= READY;
      }
      if (Pods.isAvailable(ready, minReadySeconds, now)) {
        facts |= AVAILABLE;
      }
      Map<String, String> labels = pod.metadata().labels();
      String hashLabel = labels.get(Pods.HASH_LABEL);
      if (hash.equals(hashLabel)) {
        facts |= HAS_HASH;
      }
      if ((!hash.isEmpty() && hash.equals(hashLabel))
          || (generationLabel != null
              && generationLabel.equals(labels.get(Pods.GENERATION_LABEL)))) {
        facts |= UPDATED;
      }
      if (pod.spec().nodeName().isEmpty()) {
        facts |= UNSCHEDULED;
      }
      return new DaemonPod(pod, facts, nodeId);
    }
  }
}
