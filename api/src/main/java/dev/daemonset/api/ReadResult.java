package dev.daemonset.api;

import static org.apiguardian.api.API.Status.STABLE;

import dev.daemonset.api.model.ControllerRevision;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.model.KubernetesObject;
import dev.daemonset.api.model.Node;
import dev.daemonset.api.model.Pod;
import java.util.List;
import org.apiguardian.api.API;

/**
 * What reading one source produced: the objects it could read, in source order, and every
 * diagnostic, in source order. A document with an error still yields its object when the object
 * could be built (an unknown field, say); a document that could not be read yields only
 * diagnostics.
 *
 * @param documents the objects read, in source order
 * @param diagnostics every finding, ordered by position
 * @since 0.2
 */
@API(status = STABLE, since = "0.2")
public record ReadResult(List<Document> documents, List<Diagnostic> diagnostics) {
  public ReadResult {
    documents = List.copyOf(documents);
    diagnostics = List.copyOf(diagnostics);
  }

  /** True if any diagnostic is an error. */
  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  /** The DaemonSets, in source order. */
  public List<DaemonSet> daemonSets() {
    return objects(DaemonSet.class);
  }

  /** The Nodes, in source order. */
  public List<Node> nodes() {
    return objects(Node.class);
  }

  /** The Pods, in source order. */
  public List<Pod> pods() {
    return objects(Pod.class);
  }

  /** The ControllerRevisions, in source order. */
  public List<ControllerRevision> controllerRevisions() {
    return objects(ControllerRevision.class);
  }

  /** The objects of one type, in source order. */
  public <T extends KubernetesObject> List<T> objects(Class<T> type) {
    return documents.stream()
        .map(Document::object)
        .filter(type::isInstance)
        .map(type::cast)
        .toList();
  }
}
