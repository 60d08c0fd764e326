package dev.daemonset.api.model;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * {@code volumeMounts[]} of a container.
 *
 * @param name the volume's name
 * @param mountPath where it is mounted
 * @param readOnly true if mounted read-only
 * @param other untyped fields (subPath, mountPropagation, ...)
 * @since 0.2
 */
@API(status = STABLE, since = "0.2")
public record VolumeMount(
    String name, String mountPath, boolean readOnly, Map<String, JsonValue> other) {
  public VolumeMount {
    name = Copies.str(name, "name");
    mountPath = Copies.str(mountPath, "mountPath");
    other = Copies.other(other, "other");
  }
}
