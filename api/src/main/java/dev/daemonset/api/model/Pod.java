package dev.daemonset.api.model;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * A v1 Pod.
 *
 * @param metadata {@code metadata}
 * @param spec {@code spec}
 * @param status {@code status}
 * @param other untyped top-level fields
 * @since 0.2
 */
@API(status = STABLE, since = "0.2")
public record Pod(ObjectMeta metadata, PodSpec spec, PodStatus status, Map<String, JsonValue> other)
    implements KubernetesObject {

  public Pod {
    requireNonNull(metadata, "metadata");
    requireNonNull(spec, "spec");
    requireNonNull(status, "status");
    other = Copies.other(other, "other");
  }

  @Override
  public ObjectKind objectKind() {
    return ObjectKind.POD;
  }

  /** True for phase {@code Failed} or {@code Succeeded}. */
  public boolean isTerminal() {
    return "Failed".equals(status.phase()) || "Succeeded".equals(status.phase());
  }

  public Pod withMetadata(ObjectMeta newMetadata) {
    return new Pod(newMetadata, spec, status, other);
  }

  public Pod withSpec(PodSpec newSpec) {
    return new Pod(metadata, newSpec, status, other);
  }

  public Pod withStatus(PodStatus newStatus) {
    return new Pod(metadata, spec, newStatus, other);
  }
}
