package dev.daemonset.api.model;

/**
 * A top-level Kubernetes object the engine understands. Closed: switch on {@link #objectKind()}
 * (Java 17) or pattern-match the permitted records.
 */
public sealed interface KubernetesObject permits DaemonSet, Pod, Node, ControllerRevision {

  /** The kinds the engine reads. */
  enum ObjectKind {
    DAEMON_SET("apps/v1", "DaemonSet"),
    POD("v1", "Pod"),
    NODE("v1", "Node"),
    CONTROLLER_REVISION("apps/v1", "ControllerRevision");

    private final String apiVersion;
    private final String kind;

    ObjectKind(String apiVersion, String kind) {
      this.apiVersion = apiVersion;
      this.kind = kind;
    }

    /** The apiVersion this kind is read in. */
    public String apiVersion() {
      return apiVersion;
    }

    /** The Kubernetes kind name. */
    public String kind() {
      return kind;
    }
  }

  /** Which kind this is. */
  ObjectKind objectKind();

  /** {@code metadata}. */
  ObjectMeta metadata();

  /** {@code namespace/name}, or just {@code name} for cluster-scoped objects. */
  default String qualifiedName() {
    String ns = metadata().namespace();
    return ns.isEmpty() ? metadata().name() : ns + "/" + metadata().name();
  }
}
