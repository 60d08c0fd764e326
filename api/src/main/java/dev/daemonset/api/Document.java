package dev.daemonset.api;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import dev.daemonset.api.model.KubernetesObject;
import org.apiguardian.api.API;

/**
 * One object read from a source, with the positions of its fields.
 *
 * @param index the 0-based document index in the source (items of a {@code v1 List} count as
 *     documents of their own, in order); the same index as {@link Span#document()}
 * @param object the object
 * @param sourceMap where each of its fields was written
 * @since 0.2
 */
@API(status = STABLE, since = "0.2")
public record Document(int index, KubernetesObject object, SourceMap sourceMap) {
  public Document {
    if (index < 0) {
      throw new IllegalArgumentException("index < 0");
    }
    requireNonNull(object, "object");
    requireNonNull(sourceMap, "sourceMap");
  }
}
