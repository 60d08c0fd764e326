package dev.daemonset.api.model;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code metadata.ownerReferences[]}: an object that owns this one.
 *
 * @param apiVersion for example {@code apps/v1}
 * @param kind for example {@code DaemonSet}
 * @param name the owner's name
 * @param uid the owner's UID
 * @param controller true if the owner is the managing controller
 * @param blockOwnerDeletion true if foreground deletion of the owner waits for this object
 * @param other untyped fields
 * @since 0.2
 */
@API(status = STABLE, since = "0.2")
public record OwnerReference(
    String apiVersion,
    String kind,
    String name,
    String uid,
    @Nullable Boolean controller,
    @Nullable Boolean blockOwnerDeletion,
    Map<String, JsonValue> other) {

  public OwnerReference {
    apiVersion = Copies.str(apiVersion, "apiVersion");
    kind = Copies.str(kind, "kind");
    name = Copies.str(name, "name");
    uid = Copies.str(uid, "uid");
    other = Copies.other(other, "other");
  }

  /** The reference a DaemonSet controller puts on the pods it creates or adopts. */
  public static OwnerReference controllerOf(
      String kind, String apiVersion, String name, String uid) {
    return new OwnerReference(apiVersion, kind, name, uid, true, true, Map.of());
  }

  /** True if {@code controller: true}. */
  public boolean isController() {
    return Boolean.TRUE.equals(controller);
  }
}
