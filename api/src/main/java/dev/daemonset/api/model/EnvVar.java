package dev.daemonset.api.model;

import org.jspecify.annotations.Nullable;

/**
 * {@code env[]} of a container.
 *
 * @param name the variable name
 * @param value the literal value, "" if absent
 * @param valueFrom the source of the value, untyped, if written
 */
public record EnvVar(String name, String value, @Nullable JsonValue valueFrom) {
  public EnvVar {
    name = Copies.str(name, "name");
    value = Copies.str(value, "value");
  }
}
