package dev.daemonset.core.plan;

import dev.daemonset.api.model.Condition;
import dev.daemonset.api.model.Pod;
import java.time.Instant;
import java.util.Comparator;
import org.jspecify.annotations.Nullable;

/**
 * Facts about one pod that several rules share: order, readiness, availability ({@link DaemonPod}
 * reads them once per pod).
 */
final class Pods {
  static final String HASH_LABEL = "controller-revision-hash";
  static final String GENERATION_LABEL = "pod-template-generation";

  /**
   * Upstream's {@code podByCreationTimestampAndPhase} (C6): bound pods first, then the oldest (a
   * missing timestamp is Go's zero time, the oldest of all), then by name. Namespace and UID break
   * ties that upstream leaves to the input order, and the pod's content the last ones (two
   * different pods under one name and UID), so the order never depends on the input's.
   */
  static final Comparator<Pod> ORDER =
      Comparator.comparing((Pod p) -> p.spec().nodeName().isEmpty())
          .thenComparing(
              p -> p.metadata().creationTimestamp(),
              Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(p -> p.metadata().name())
          .thenComparing(p -> p.metadata().namespace())
          .thenComparing(p -> p.metadata().uid())
          .thenComparing(CanonicalJson::compareByContent);

  private Pods() {}

  static boolean isDeleting(Pod pod) {
    return pod.metadata().isDeleting();
  }

  static boolean isFailed(Pod pod) {
    return "Failed".equals(pod.status().phase());
  }

  static boolean isSucceeded(Pod pod) {
    return "Succeeded".equals(pod.status().phase());
  }

  /** Upstream's {@code IsPodReady}: condition Ready with status True. */
  static boolean isReady(Pod pod) {
    return isReady(pod.status().condition("Ready").orElse(null));
  }

  /** {@link #isReady(Pod)} given the pod's Ready condition, if any. */
  static boolean isReady(@Nullable Condition ready) {
    return ready != null && ready.isTrue();
  }

  /**
   * Upstream's {@code IsPodAvailable} (D6): Ready, and either minReadySeconds is 0 or the Ready
   * condition's lastTransitionTime + minReadySeconds ≤ now (the boundary since mid-2025).
   */
  static boolean isAvailable(Pod pod, int minReadySeconds, Instant now) {
    return isAvailable(pod.status().condition("Ready").orElse(null), minReadySeconds, now);
  }

  /** {@link #isAvailable(Pod, int, Instant)} given the pod's Ready condition, if any. */
  static boolean isAvailable(@Nullable Condition ready, int minReadySeconds, Instant now) {
    if (ready == null || !isReady(ready)) {
      return false;
    }
    if (minReadySeconds <= 0) {
      return true;
    }
    Instant since = ready.lastTransitionTime();
    return since != null && !since.plusSeconds(minReadySeconds).isAfter(now);
  }
}
