package dev.daemonset.api.model;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * A top-level Kubernetes object the engine understands. Closed: switch on {@link #objectKind()}
 * (Java 17) or pattern-match the permitted records.
 *
 * <pre>{@code
 * DaemonSet ds = DaemonSet.of(ObjectMeta.of("", "agent"), spec);
 * ds.namespaceOrDefault();  // "default": the API server fills in the request's namespace
 * ds.qualifiedName();       // "default/agent", as a Plan names it
 * }</pre>
 *
 * @since 0.2
 */
@API(status = STABLE, since = "0.2")
public sealed interface KubernetesObject permits DaemonSet, Pod, Node, ControllerRevision {

  /** The kinds the engine reads. */
  enum ObjectKind {
    DAEMON_SET("apps/v1", "DaemonSet", true),
    POD("v1", "Pod", true),
    NODE("v1", "Node", false),
    CONTROLLER_REVISION("apps/v1", "ControllerRevision", true);

    private final String apiVersion;
    private final String kind;
    private final boolean namespaced;

    ObjectKind(String apiVersion, String kind, boolean namespaced) {
      this.apiVersion = apiVersion;
      this.kind = kind;
      this.namespaced = namespaced;
    }

    /** The apiVersion this kind is read in. */
    public String apiVersion() {
      return apiVersion;
    }

    /** The Kubernetes kind name. */
    public String kind() {
      return kind;
    }

    /** True for kinds that live in a namespace; false for cluster-scoped ones (Node). */
    public boolean isNamespaced() {
      return namespaced;
    }
  }

  /**
   * {@code default}, the namespace of a namespaced object that names none; see {@link
   * #namespaceOrDefault()}.
   */
  String DEFAULT_NAMESPACE = "default";

  /** Which kind this is. */
  ObjectKind objectKind();

  /** {@code metadata}. */
  ObjectMeta metadata();

  /**
   * The namespace the object lives in: {@code metadata.namespace}, or {@code default} when it names
   * none (kubectl sends such an object to the current context's namespace, {@code default} unless
   * configured otherwise, and the engine takes that default); "" for a cluster-scoped object
   * (Node).
   *
   * <p>This is the one home of the default-namespace rule: code that needs it asks this method.
   */
  default String namespaceOrDefault() {
    if (!objectKind().isNamespaced()) {
      return "";
    }
    String ns = metadata().namespace();
    return ns.isEmpty() ? DEFAULT_NAMESPACE : ns;
  }

  /**
   * {@code namespace/name} with the namespace {@linkplain #namespaceOrDefault() defaulted} ({@code
   * default/agent} for a DaemonSet that names no namespace, as a {@code Plan} names it), or just
   * {@code name} for a cluster-scoped object (Node).
   */
  default String qualifiedName() {
    return objectKind().isNamespaced()
        ? namespaceOrDefault() + "/" + metadata().name()
        : metadata().name();
  }
}
