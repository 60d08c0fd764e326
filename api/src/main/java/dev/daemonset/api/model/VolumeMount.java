package dev.daemonset.api.model;

import java.util.Map;

/**
 * {@code volumeMounts[]} of a container.
 *
 * @param name the volume's name
 * @param mountPath where it is mounted
 * @param readOnly true if mounted read-only
 * @param other untyped fields (subPath, mountPropagation, ...)
 */
public record VolumeMount(
    String name, String mountPath, boolean readOnly, Map<String, JsonValue> other) {
  public VolumeMount {
    name = Copies.str(name, "name");
    mountPath = Copies.str(mountPath, "mountPath");
    other = Copies.other(other, "other");
  }
}
