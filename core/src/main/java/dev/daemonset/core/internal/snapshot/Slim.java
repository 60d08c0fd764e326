package dev.daemonset.core.internal.snapshot;

import dev.daemonset.api.model.Affinity;
import dev.daemonset.api.model.Condition;
import dev.daemonset.api.model.ControllerRevision;
import dev.daemonset.api.model.KubernetesObject;
import dev.daemonset.api.model.Node;
import dev.daemonset.api.model.NodeAffinity;
import dev.daemonset.api.model.NodeSelectorTerm;
import dev.daemonset.api.model.ObjectMeta;
import dev.daemonset.api.model.OwnerReference;
import dev.daemonset.api.model.Pod;
import dev.daemonset.api.model.PodSpec;
import dev.daemonset.api.model.PodStatus;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a snapshot keeps of a Node, Pod or ControllerRevision: what planning and explaining read,
 * and nothing else. {@link #of} projects an object the full reader bound onto it; {@link
 * SnapshotBinder} binds the same from tokens, and the snapshot tests hold the two equal.
 *
 * <ul>
 *   <li>every kind: {@code metadata.name}, {@code namespace}, {@code uid}, {@code labels}, {@code
 *       ownerReferences} (without unknown fields), {@code creationTimestamp} and {@code
 *       deletionTimestamp};
 *   <li>Node: {@code spec.unschedulable} and {@code spec.taints};
 *   <li>Pod: {@code spec.nodeName}, the terms of {@code
 *       spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution} (how a daemon
 *       pod is pinned to its node), {@code status.phase} and {@code status.conditions} (without
 *       unknown fields);
 *   <li>ControllerRevision: {@code revision} and {@code data}.
 * </ul>
 */
public final class Slim {
  private Slim() {}

  /**
   * Paths of kept values in Kubernetes notation, list indexes and map keys as {@code [..]}: a
   * diagnostic about one of them, about something inside one, or about an object that holds one
   * concerns what the snapshot keeps.
   */
  private static final Pattern COMMON =
      Pattern.compile(
          "apiVersion|kind|metadata\\.(name|namespace|uid|creationTimestamp|deletionTimestamp)"
              + "|metadata\\.labels(\\[.*)?"
              + "|metadata\\.ownerReferences(\\[[0-9]+\\](\\.(apiVersion|kind|name|uid|controller"
              + "|blockOwnerDeletion))?)?");

  private static final Pattern NODE =
      Pattern.compile(
          "spec\\.unschedulable|spec\\.taints(\\[[0-9]+\\](\\.(key|value|effect|timeAdded))?)?");

  private static final Pattern POD =
      Pattern.compile(
          "spec\\.nodeName|status\\.phase"
              + "|status\\.conditions(\\[[0-9]+\\](\\.(type|status|lastTransitionTime|reason"
              + "|message))?)?"
              + "|spec\\.affinity(\\.nodeAffinity(\\.requiredDuringSchedulingIgnoredDuringExecution"
              + "([.\\[].*)?)?)?");

  private static final Pattern REVISION = Pattern.compile("revision|data([.\\[].*)?");

  /** The object as a snapshot keeps it (null-safe for the three kinds; others as they are). */
  public static KubernetesObject of(KubernetesObject object) {
    if (object instanceof Node n) {
      return node(n);
    }
    if (object instanceof Pod p) {
      return pod(p);
    }
    if (object instanceof ControllerRevision r) {
      return revision(r);
    }
    return object;
  }

  public static Node node(Node n) {
    return new Node(
        meta(n.metadata()), n.unschedulable(), n.taints(), List.of(), Map.of(), Map.of(), Map.of());
  }

  public static Pod pod(Pod p) {
    PodSpec spec = PodSpec.EMPTY.withNodeName(p.spec().nodeName());
    List<NodeSelectorTerm> terms = p.spec().requiredNodeAffinityTerms();
    if (terms != null) {
      spec = spec.withAffinity(pinning(terms));
    }
    List<Condition> conditions =
        p.status().conditions().stream()
            .map(
                c ->
                    new Condition(
                        c.type(),
                        c.status(),
                        c.lastTransitionTime(),
                        c.reason(),
                        c.message(),
                        Map.of()))
            .toList();
    return new Pod(
        meta(p.metadata()),
        spec,
        new PodStatus(p.status().phase(), conditions, Map.of()),
        Map.of());
  }

  public static ControllerRevision revision(ControllerRevision r) {
    return new ControllerRevision(meta(r.metadata()), r.revision(), r.data(), Map.of());
  }

  public static ObjectMeta meta(ObjectMeta m) {
    List<OwnerReference> owners =
        m.ownerReferences().stream()
            .map(
                o ->
                    new OwnerReference(
                        o.apiVersion(),
                        o.kind(),
                        o.name(),
                        o.uid(),
                        o.controller(),
                        o.blockOwnerDeletion(),
                        Map.of()))
            .toList();
    return new ObjectMeta(
        m.name(),
        "",
        m.namespace(),
        m.uid(),
        "",
        0,
        m.labels(),
        Map.of(),
        owners,
        List.of(),
        m.creationTimestamp(),
        m.deletionTimestamp(),
        null,
        Map.of());
  }

  /** The affinity a snapshot keeps for these required node-affinity terms. */
  static Affinity pinning(List<NodeSelectorTerm> terms) {
    return new Affinity(new NodeAffinity(terms, List.of(), Map.of()), Map.of());
  }

  /**
   * True if a diagnostic at {@code path} (Kubernetes notation) of an object of {@code kind}
   * concerns what the snapshot keeps: a kept value, something inside one, or an object that holds
   * one (the root, {@code metadata}, {@code spec}, ...). Diagnostics about everything else (unknown
   * fields, fields the snapshot skips) are not reported for snapshot objects.
   */
  public static boolean concernsKept(String kind, String path) {
    if (path.isEmpty() || COMMON.matcher(path).matches() || holdsKept(kind, path)) {
      return true;
    }
    Pattern own =
        switch (kind) {
          case "Node" -> NODE;
          case "Pod" -> POD;
          case "ControllerRevision" -> REVISION;
          default -> null;
        };
    return own != null && own.matcher(path).matches();
  }

  /** The objects on the way to a kept value. */
  private static boolean holdsKept(String kind, @Nullable String path) {
    if (path == null) {
      return false;
    }
    return switch (path) {
      case "metadata" -> true;
      case "spec" -> kind.equals("Node") || kind.equals("Pod");
      case "status" -> kind.equals("Pod");
      default -> false;
    };
  }
}
