package dev.daemonset.api.model;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * An apps/v1 ControllerRevision: a snapshot of a DaemonSet's template.
 *
 * @param metadata {@code metadata} (the {@code controller-revision-hash} label names the hash)
 * @param revision the revision number
 * @param data the snapshot ({@code {"spec":{"template":{...}}}} for DaemonSets), untyped
 * @param other untyped top-level fields
 * @since 0.2
 */
@API(status = STABLE, since = "0.2")
public record ControllerRevision(
    ObjectMeta metadata, long revision, JsonValue data, Map<String, JsonValue> other)
    implements KubernetesObject {

  public ControllerRevision {
    requireNonNull(metadata, "metadata");
    requireNonNull(data, "data");
    other = Copies.other(other, "other");
  }

  @Override
  public ObjectKind objectKind() {
    return ObjectKind.CONTROLLER_REVISION;
  }
}
