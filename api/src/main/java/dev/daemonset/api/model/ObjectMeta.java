package dev.daemonset.api.model;

import static org.apiguardian.api.API.Status.STABLE;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code metadata} of any object.
 *
 * @param name {@code metadata.name}, "" if absent
 * @param generateName {@code metadata.generateName}, "" if absent
 * @param namespace {@code metadata.namespace}, "" if absent
 * @param uid {@code metadata.uid}, "" if absent
 * @param resourceVersion {@code metadata.resourceVersion}, "" if absent
 * @param generation {@code metadata.generation}, 0 if absent
 * @param labels {@code metadata.labels}, sorted by key
 * @param annotations {@code metadata.annotations}, sorted by key
 * @param ownerReferences {@code metadata.ownerReferences}, in order
 * @param finalizers {@code metadata.finalizers}, in order
 * @param creationTimestamp {@code metadata.creationTimestamp}, if set
 * @param deletionTimestamp {@code metadata.deletionTimestamp}, set while the object is being
 *     deleted
 * @param deletionGracePeriodSeconds {@code metadata.deletionGracePeriodSeconds}, if set
 * @param other untyped fields (managedFields, selfLink, ...)
 * @since 0.2
 */
@API(status = STABLE, since = "0.2")
public record ObjectMeta(
    String name,
    String generateName,
    String namespace,
    String uid,
    String resourceVersion,
    long generation,
    Map<String, String> labels,
    Map<String, String> annotations,
    List<OwnerReference> ownerReferences,
    List<String> finalizers,
    @Nullable Instant creationTimestamp,
    @Nullable Instant deletionTimestamp,
    @Nullable Long deletionGracePeriodSeconds,
    Map<String, JsonValue> other) {

  /** Metadata with nothing set. */
  public static final ObjectMeta EMPTY =
      new ObjectMeta(
          "", "", "", "", "", 0, Map.of(), Map.of(), List.of(), List.of(), null, null, null,
          Map.of());

  public ObjectMeta {
    name = Copies.str(name, "name");
    generateName = Copies.str(generateName, "generateName");
    namespace = Copies.str(namespace, "namespace");
    uid = Copies.str(uid, "uid");
    resourceVersion = Copies.str(resourceVersion, "resourceVersion");
    labels = Copies.sorted(labels, "labels");
    annotations = Copies.sorted(annotations, "annotations");
    ownerReferences = Copies.list(ownerReferences, "ownerReferences");
    finalizers = Copies.list(finalizers, "finalizers");
    other = Copies.other(other, "other");
  }

  /** Metadata with only a name and namespace. */
  public static ObjectMeta of(String namespace, String name) {
    return EMPTY.withNamespace(namespace).withName(name);
  }

  /** The controller owner reference ({@code controller: true}), if any. */
  public Optional<OwnerReference> controllerRef() {
    // An indexed loop, not a stream or an iterator: callers ask this of every pod of a cluster.
    for (int i = 0; i < ownerReferences.size(); i++) {
      if (ownerReferences.get(i).isController()) {
        return Optional.of(ownerReferences.get(i));
      }
    }
    return Optional.empty();
  }

  /** True while the object is being deleted ({@code deletionTimestamp} set). */
  public boolean isDeleting() {
    return deletionTimestamp != null;
  }

  public ObjectMeta withName(String newName) {
    return new ObjectMeta(
        newName,
        generateName,
        namespace,
        uid,
        resourceVersion,
        generation,
        labels,
        annotations,
        ownerReferences,
        finalizers,
        creationTimestamp,
        deletionTimestamp,
        deletionGracePeriodSeconds,
        other);
  }

  public ObjectMeta withGenerateName(String newGenerateName) {
    return new ObjectMeta(
        name,
        newGenerateName,
        namespace,
        uid,
        resourceVersion,
        generation,
        labels,
        annotations,
        ownerReferences,
        finalizers,
        creationTimestamp,
        deletionTimestamp,
        deletionGracePeriodSeconds,
        other);
  }

  public ObjectMeta withNamespace(String newNamespace) {
    return new ObjectMeta(
        name,
        generateName,
        newNamespace,
        uid,
        resourceVersion,
        generation,
        labels,
        annotations,
        ownerReferences,
        finalizers,
        creationTimestamp,
        deletionTimestamp,
        deletionGracePeriodSeconds,
        other);
  }

  public ObjectMeta withUid(String newUid) {
    return new ObjectMeta(
        name,
        generateName,
        namespace,
        newUid,
        resourceVersion,
        generation,
        labels,
        annotations,
        ownerReferences,
        finalizers,
        creationTimestamp,
        deletionTimestamp,
        deletionGracePeriodSeconds,
        other);
  }

  public ObjectMeta withGeneration(long newGeneration) {
    return new ObjectMeta(
        name,
        generateName,
        namespace,
        uid,
        resourceVersion,
        newGeneration,
        labels,
        annotations,
        ownerReferences,
        finalizers,
        creationTimestamp,
        deletionTimestamp,
        deletionGracePeriodSeconds,
        other);
  }

  public ObjectMeta withLabels(Map<String, String> newLabels) {
    return new ObjectMeta(
        name,
        generateName,
        namespace,
        uid,
        resourceVersion,
        generation,
        newLabels,
        annotations,
        ownerReferences,
        finalizers,
        creationTimestamp,
        deletionTimestamp,
        deletionGracePeriodSeconds,
        other);
  }

  public ObjectMeta withAnnotations(Map<String, String> newAnnotations) {
    return new ObjectMeta(
        name,
        generateName,
        namespace,
        uid,
        resourceVersion,
        generation,
        labels,
        newAnnotations,
        ownerReferences,
        finalizers,
        creationTimestamp,
        deletionTimestamp,
        deletionGracePeriodSeconds,
        other);
  }

  public ObjectMeta withOwnerReferences(List<OwnerReference> newOwnerReferences) {
    return new ObjectMeta(
        name,
        generateName,
        namespace,
        uid,
        resourceVersion,
        generation,
        labels,
        annotations,
        newOwnerReferences,
        finalizers,
        creationTimestamp,
        deletionTimestamp,
        deletionGracePeriodSeconds,
        other);
  }

  public ObjectMeta withCreationTimestamp(@Nullable Instant newCreationTimestamp) {
    return new ObjectMeta(
        name,
        generateName,
        namespace,
        uid,
        resourceVersion,
        generation,
        labels,
        annotations,
        ownerReferences,
        finalizers,
        newCreationTimestamp,
        deletionTimestamp,
        deletionGracePeriodSeconds,
        other);
  }

  public ObjectMeta withDeletionTimestamp(@Nullable Instant newDeletionTimestamp) {
    return new ObjectMeta(
        name,
        generateName,
        namespace,
        uid,
        resourceVersion,
        generation,
        labels,
        annotations,
        ownerReferences,
        finalizers,
        creationTimestamp,
        newDeletionTimestamp,
        deletionGracePeriodSeconds,
        other);
  }
}
