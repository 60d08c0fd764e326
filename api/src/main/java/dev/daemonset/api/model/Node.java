package dev.daemonset.api.model;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * A v1 Node.
 *
 * @param metadata {@code metadata} (name and labels matter)
 * @param unschedulable {@code spec.unschedulable} (cordoned)
 * @param taints {@code spec.taints}, in order
 * @param conditions {@code status.conditions}, in order
 * @param otherSpec untyped fields of {@code spec}
 * @param otherStatus untyped fields of {@code status}
 * @param other untyped top-level fields
 * @since 0.2
 */
@API(status = STABLE, since = "0.2")
public record Node(
    ObjectMeta metadata,
    boolean unschedulable,
    List<Taint> taints,
    List<Condition> conditions,
    Map<String, JsonValue> otherSpec,
    Map<String, JsonValue> otherStatus,
    Map<String, JsonValue> other)
    implements KubernetesObject {

  public Node {
    requireNonNull(metadata, "metadata");
    taints = Copies.list(taints, "taints");
    conditions = Copies.list(conditions, "conditions");
    otherSpec = Copies.other(otherSpec, "otherSpec");
    otherStatus = Copies.other(otherStatus, "otherStatus");
    other = Copies.other(other, "other");
  }

  /** A node with a name and labels and nothing else. */
  public static Node of(String name, Map<String, String> labels) {
    return new Node(
        ObjectMeta.EMPTY.withName(name).withLabels(labels),
        false,
        List.of(),
        List.of(),
        Map.of(),
        Map.of(),
        Map.of());
  }

  @Override
  public ObjectKind objectKind() {
    return ObjectKind.NODE;
  }

  /** The node's name. */
  public String name() {
    return metadata.name();
  }

  public Node withTaints(List<Taint> newTaints) {
    return new Node(metadata, unschedulable, newTaints, conditions, otherSpec, otherStatus, other);
  }

  public Node withUnschedulable(boolean newUnschedulable) {
    return new Node(metadata, newUnschedulable, taints, conditions, otherSpec, otherStatus, other);
  }

  public Node withMetadata(ObjectMeta newMetadata) {
    return new Node(newMetadata, unschedulable, taints, conditions, otherSpec, otherStatus, other);
  }
}
