package dev.daemonset.api.model;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code env[]} of a container.
 *
 * @param name the variable name
 * @param value the literal value, "" if absent
 * @param valueFrom the source of the value, untyped, if written
 * @since 0.2
 */
@API(status = STABLE, since = "0.2")
public record EnvVar(String name, String value, @Nullable JsonValue valueFrom) {
  public EnvVar {
    name = Copies.str(name, "name");
    value = Copies.str(value, "value");
  }
}
