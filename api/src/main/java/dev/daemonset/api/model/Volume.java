package dev.daemonset.api.model;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * {@code volumes[]} of a pod: a name and one volume source, kept untyped.
 *
 * @param name the volume name
 * @param other the volume source (for example {@code hostPath: {path: /var/log}}) and any other
 *     field
 * @since 0.2
 */
@API(status = STABLE, since = "0.2")
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
