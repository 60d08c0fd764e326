package dev.daemonset.core.plan;

import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.model.KubernetesObject;
import dev.daemonset.api.model.NodeSelectorRequirement;
import dev.daemonset.api.model.NodeSelectorTerm;
import dev.daemonset.api.model.OwnerReference;
import dev.daemonset.api.model.Pod;
import dev.daemonset.api.plan.Plan.Notice;
import dev.daemonset.api.plan.Plan.NoticeCode;
import dev.daemonset.core.internal.labels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Which objects are the DaemonSet's (rules A1–A4), mirroring upstream's {@code getDaemonPods}
 * ({@code FilterPodsByOwner} + {@code ClaimPods}) and {@code GetTargetNodeName}.
 */
final class Ownership {
  private final DaemonSet ds;
  private final String namespace;

  /** The selector, parsed once: asked of every pod of the cluster. */
  private final Selector selector;

  /** What {@link ReadAhead} returned, kept so that its reads are kept. */
  @SuppressWarnings("unused")
  private int touched;

  Ownership(DaemonSet ds) {
    this.ds = ds;
    this.namespace = ds.namespaceOrDefault();
    this.selector = Selector.of(ds.spec().selector());
  }

  /** How an object relates to the DaemonSet. */
  enum Claim {
    /** Controlled by the DaemonSet and matching: claimed. */
    OWNED,
    /** An orphan that matches and is not being deleted: adopted (and claimed). */
    ADOPTED,
    /** Controlled by the DaemonSet but no longer matching: released (not claimed). */
    RELEASED,
    /** Not the DaemonSet's business. */
    IGNORED
  }

  /**
   * A1, A2: pods of another namespace or controlled by something else are ignored; controlled ones
   * are claimed while the selector matches and released otherwise; orphans are adopted when they
   * match and are not being deleted. The DaemonSet's UID identifies it; a DaemonSet without a UID
   * (a manifest not read from a cluster) is identified by kind and name.
   */
  Claim claim(KubernetesObject object) {
    if (!namespace.equals(object.namespaceOrDefault())) {
      return Claim.IGNORED;
    }
    @Nullable OwnerReference ref = controllerRef(object.metadata().ownerReferences());
    if (ref != null) {
      if (!isThisDaemonSet(ref)) {
        return Claim.IGNORED; // most pods of a cluster: their labels are not read
      }
      return selects(object.metadata().labels()) ? Claim.OWNED : Claim.RELEASED;
    }
    return selects(object.metadata().labels()) && !object.metadata().isDeleting()
        ? Claim.ADOPTED
        : Claim.IGNORED;
  }

  /**
   * {@link dev.daemonset.api.model.ObjectMeta#controllerRef()} without its {@code Optional}: asked
   * of every pod of the cluster, where the compiler did not always remove the allocation.
   */
  private static @Nullable OwnerReference controllerRef(List<OwnerReference> refs) {
    for (int i = 0; i < refs.size(); i++) {
      if (refs.get(i).isController()) {
        return refs.get(i);
      }
    }
    return null;
  }

  private boolean isThisDaemonSet(OwnerReference ref) {
    String uid = ds.metadata().uid();
    if (!uid.isEmpty()) {
      return uid.equals(ref.uid());
    }
    return "DaemonSet".equals(ref.kind()) && ds.metadata().name().equals(ref.name());
  }

  /**
   * A label selector's match ({@link Selector}): a missing selector, or one upstream's parser
   * rejects, selects nothing, as upstream's {@code LabelSelectorAsSelector} (which fails the sync).
   */
  private boolean selects(Map<String, String> labels) {
    return selector.matches(labels);
  }

  /**
   * The DaemonSet's pods (A1–A4): claimed pods, minus terminal pods being deleted (A3), in the
   * snapshot's order, each with the id of the node it belongs to; adopted and released pod names in
   * name order; a notice for every claimed pod that names no node.
   */
  record Claimed(
      List<DaemonPod> pods, List<String> adopted, List<String> released, List<Notice> notices) {
    static final Claimed NONE = new Claimed(List.of(), List.of(), List.of(), List.of());
  }

  /**
   * Claims {@code pods} in one pass (upstream's {@code getNodesToDaemonPods}, the grouping left to
   * {@link NodePods#group}), reading each claimed pod's facts with {@code reader} and giving its
   * node an id in {@code nodes} while the pod is at hand.
   *
   * <p>The pods are not sorted as a whole: a snapshot holds every pod of the cluster, most of them
   * not the DaemonSet's, and sorting them all cost more than the rest of the plan. Only what
   * reaches the output in pod order is sorted: each node's group and the pods that name no node
   * (for their notices); the name lists are sorted by name. The pods are read in {@link ReadAhead}
   * batches, in three loops: what every pod's claim reads is touched, every pod of the batch is
   * claimed, and what the claimed ones are read for is touched before they are read.
   */
  Claimed claimPods(
      List<Pod> pods, DaemonPod.Reader reader, NodeIndex.Builder nodes, boolean readAhead) {
    List<String> adopted = new ArrayList<>();
    List<String> released = new ArrayList<>();
    List<Pod> withoutNode = new ArrayList<>();
    List<DaemonPod> claimed = new ArrayList<>();
    int touched = 0;
    Claim[] claims = new Claim[ReadAhead.BATCH];
    for (int start = 0; start < pods.size(); start += ReadAhead.BATCH) {
      int end = ReadAhead.end(start, pods.size());
      if (readAhead) {
        touched += ReadAhead.touchPods(pods, start, end);
      }
      for (int i = start; i < end; i++) {
        claims[i - start] = claim(pods.get(i));
      }
      if (readAhead) {
        touched += ReadAhead.touchClaimedPods(pods, claims, start, end);
      }
      for (int i = start; i < end; i++) {
        Pod p = pods.get(i);
        Claim claim = claims[i - start];
        if (claim == Claim.RELEASED) {
          released.add(p.metadata().name());
          continue;
        }
        if (claim == Claim.IGNORED) {
          continue;
        }
        if (claim == Claim.ADOPTED) {
          adopted.add(p.metadata().name());
        }
        if (p.isTerminal() && Pods.isDeleting(p)) {
          continue; // A3
        }
        String node = targetNode(p);
        if (node == null) {
          withoutNode.add(p);
          continue;
        }
        claimed.add(reader.read(p, nodes.podNode(node)));
      }
    }
    this.touched = touched;
    adopted.sort(null);
    released.sort(null);
    withoutNode.sort(Pods.ORDER);
    List<Notice> notices = new ArrayList<>(withoutNode.size());
    for (Pod p : withoutNode) {
      notices.add(
          new Notice(
              NoticeCode.POD_WITHOUT_NODE,
              "Pod "
                  + p.metadata().name()
                  + " names no node (no spec.nodeName, no pinning node affinity) and is ignored."));
    }
    return new Claimed(claimed, adopted, released, notices);
  }

  /**
   * A4, upstream's {@code GetTargetNodeName}: {@code spec.nodeName}, else the value of the first
   * {@code matchFields} {@code metadata.name In} requirement of the required node affinity (which
   * must have exactly one value). {@code null} when neither names a node.
   */
  static @Nullable String targetNode(Pod pod) {
    if (!pod.spec().nodeName().isEmpty()) {
      return pod.spec().nodeName();
    }
    List<NodeSelectorTerm> terms = pod.spec().requiredNodeAffinityTerms();
    if (terms == null) {
      return null;
    }
    for (NodeSelectorTerm term : terms) {
      for (NodeSelectorRequirement r : term.matchFields()) {
        if ("metadata.name".equals(r.key()) && NodeSelectorRequirement.IN.equals(r.operator())) {
          return r.values().size() == 1 ? r.values().get(0) : null;
        }
      }
    }
    return null;
  }
}
