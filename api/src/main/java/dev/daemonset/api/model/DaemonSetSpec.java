package dev.daemonset.api.model;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code spec} of a DaemonSet.
 *
 * @param selector the pod selector, {@code null} when not written
 * @param template the pod template
 * @param updateStrategy how pods are replaced when the template changes
 * @param minReadySeconds seconds a pod must be Ready to count as available
 * @param revisionHistoryLimit old revisions to keep, {@code null} before defaulting to 10
 * @param other untyped fields
 * @since 0.2
 */
@API(status = STABLE, since = "0.2")
public record DaemonSetSpec(
    @Nullable LabelSelector selector,
    PodTemplateSpec template,
    DaemonSetUpdateStrategy updateStrategy,
    int minReadySeconds,
    @Nullable Integer revisionHistoryLimit,
    Map<String, JsonValue> other) {

  /** A spec with nothing set. */
  public static final DaemonSetSpec EMPTY =
      new DaemonSetSpec(
          null, PodTemplateSpec.EMPTY, DaemonSetUpdateStrategy.EMPTY, 0, null, Map.of());

  public DaemonSetSpec {
    requireNonNull(template, "template");
    requireNonNull(updateStrategy, "updateStrategy");
    other = Copies.other(other, "other");
  }

  public DaemonSetSpec withSelector(@Nullable LabelSelector newSelector) {
    return new DaemonSetSpec(
        newSelector, template, updateStrategy, minReadySeconds, revisionHistoryLimit, other);
  }

  public DaemonSetSpec withTemplate(PodTemplateSpec newTemplate) {
    return new DaemonSetSpec(
        selector, newTemplate, updateStrategy, minReadySeconds, revisionHistoryLimit, other);
  }

  public DaemonSetSpec withUpdateStrategy(DaemonSetUpdateStrategy newStrategy) {
    return new DaemonSetSpec(
        selector, template, newStrategy, minReadySeconds, revisionHistoryLimit, other);
  }

  public DaemonSetSpec withMinReadySeconds(int newMinReadySeconds) {
    return new DaemonSetSpec(
        selector, template, updateStrategy, newMinReadySeconds, revisionHistoryLimit, other);
  }

  public DaemonSetSpec withRevisionHistoryLimit(@Nullable Integer newLimit) {
    return new DaemonSetSpec(selector, template, updateStrategy, minReadySeconds, newLimit, other);
  }
}
