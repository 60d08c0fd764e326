package dev.daemonset.api.model;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import dev.daemonset.api.constraints.ApiServerValid;
import java.util.Map;
import java.util.OptionalLong;
import org.apiguardian.api.API;

/**
 * An apps/v1 DaemonSet.
 *
 * @param metadata {@code metadata}
 * @param spec {@code spec}
 * @param status {@code status} (all zero in a manifest)
 * @param other untyped top-level fields
 * @since 0.2
 */
@API(status = STABLE, since = "0.2")
@ApiServerValid
public record DaemonSet(
    ObjectMeta metadata, DaemonSetSpec spec, DaemonSetStatus status, Map<String, JsonValue> other)
    implements KubernetesObject {

  /** The annotation in which the API server keeps the template generation. */
  public static final String TEMPLATE_GENERATION_ANNOTATION =
      "deprecated.daemonset.template.generation";

  public DaemonSet {
    requireNonNull(metadata, "metadata");
    requireNonNull(spec, "spec");
    requireNonNull(status, "status");
    other = Copies.other(other, "other");
  }

  /** A DaemonSet with this metadata and spec and an empty status. */
  public static DaemonSet of(ObjectMeta metadata, DaemonSetSpec spec) {
    return new DaemonSet(metadata, spec, DaemonSetStatus.EMPTY, Map.of());
  }

  @Override
  public ObjectKind objectKind() {
    return ObjectKind.DAEMON_SET;
  }

  /**
   * The template generation from the {@value #TEMPLATE_GENERATION_ANNOTATION} annotation, if it is
   * present and a decimal integer.
   */
  public OptionalLong templateGeneration() {
    String value = metadata.annotations().get(TEMPLATE_GENERATION_ANNOTATION);
    if (value == null) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(value));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  public DaemonSet withMetadata(ObjectMeta newMetadata) {
    return new DaemonSet(newMetadata, spec, status, other);
  }

  public DaemonSet withSpec(DaemonSetSpec newSpec) {
    return new DaemonSet(metadata, newSpec, status, other);
  }

  public DaemonSet withStatus(DaemonSetStatus newStatus) {
    return new DaemonSet(metadata, spec, newStatus, other);
  }
}
