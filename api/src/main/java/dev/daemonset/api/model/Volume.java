package dev.daemonset.api.model;

import java.util.Map;

/**
 * {@code volumes[]} of a pod: a name and one volume source, kept untyped.
 *
 * @param name the volume name
 * @param other the volume source (for example {@code hostPath: {path: /var/log}}) and any other
 *     field
 */
public record Volume(String name, Map<String, JsonValue> other) {
  public Volume {
    name = Copies.str(name, "name");
    other = Copies.other(other, "other");
  }

  /** The kind of source, such as {@code hostPath} or {@code configMap}; "" if none is written. */
  public String kind() {
    return other.keySet().stream().findFirst().orElse("");
  }
}
