package dev.daemonset.core.plan;

import dev.daemonset.api.model.Affinity;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.model.NodeAffinity;
import dev.daemonset.api.model.NodeSelectorRequirement;
import dev.daemonset.api.model.NodeSelectorTerm;
import dev.daemonset.api.model.ObjectMeta;
import dev.daemonset.api.model.OwnerReference;
import dev.daemonset.api.model.Pod;
import dev.daemonset.api.model.PodSpec;
import dev.daemonset.api.model.PodStatus;
import dev.daemonset.api.model.Toleration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The pod the controller sends for a node (E6–E8), as upstream's {@code CreatePodTemplate},
 * {@code GetPodFromTemplate} and {@code ReplaceDaemonSetPodNodeNameNodeAffinity} build it.
 */
final class PodFactory {
  private final ObjectMeta metadata;
  private final PodSpec spec;
  private final Affinity affinity;

  PodFactory(DaemonSet ds, String hash, OptionalLong templateGeneration, List<Toleration> mergedTolerations) {
    ObjectMeta template = ds.spec().template().metadata();
    Map<String, String> labels = new TreeMap<>(template.labels());
    templateGeneration.ifPresent(g -> labels.put(Pods.GENERATION_LABEL, Long.toString(g)));
    if (!hash.isEmpty()) {
      labels.put(Pods.HASH_LABEL, hash);
    }
    String name = ds.metadata().name();
    // upstream's getPodsPrefix: "<name>-" unless that is no valid generateName (too long)
    String prefix = name.length() + 1 > 253 ? name : name + "-";
    this.metadata = new ObjectMeta("", prefix, ds.metadata().namespace(), "", "", 0, labels,
        template.annotations(), List.of(OwnerReference.controllerOf("DaemonSet", "apps/v1", name, ds.metadata().uid())),
        template.finalizers(), null, null, null, null);
    PodSpec templateSpec = ds.spec().template().spec();
    this.spec = templateSpec.withTolerations(mergedTolerations);
    Affinity a = templateSpec.affinity();
    this.affinity = a == null ? new Affinity(null, Map.of()) : a;
  }

  /** The pod for {@code node}: required node affinity replaced by {@code metadata.name In [node]}. */
  Pod create(String node) {
    NodeSelectorTerm pin = new NodeSelectorTerm(
        List.of(), List.of(new NodeSelectorRequirement("metadata.name", "In", List.of(node))));
    NodeAffinity old = affinity.nodeAffinity();
    NodeAffinity pinned = old == null
        ? new NodeAffinity(List.of(pin), List.of(), Map.of())
        : new NodeAffinity(List.of(pin), old.preferred(), old.other());
    return new Pod(metadata, spec.withAffinity(new Affinity(pinned, affinity.other())), PodStatus.EMPTY, Map.of());
  }
}
