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
import org.jspecify.annotations.Nullable;

/**
 * The pod the controller sends for a node (E6–E8), as upstream's {@code CreatePodTemplate}, {@code
 * GetPodFromTemplate} and {@code ReplaceDaemonSetPodNodeNameNodeAffinity} build it.
 */
final class PodFactory {
  private final DaemonSet ds;
  private final String hash;
  private final OptionalLong templateGeneration;
  private final List<Toleration> mergedTolerations;

  /**
   * The template's metadata, spec and affinity, made on the first create: most syncs create
   * nothing.
   */
  private @Nullable Template template;

  private record Template(ObjectMeta metadata, PodSpec spec, Affinity affinity) {}

  PodFactory(
      DaemonSet ds,
      String hash,
      OptionalLong templateGeneration,
      List<Toleration> mergedTolerations) {
    this.ds = ds;
    this.hash = hash;
    this.templateGeneration = templateGeneration;
    this.mergedTolerations = mergedTolerations;
  }

  private Template template() {
    Template t = template;
    if (t != null) {
      return t;
    }
    ObjectMeta meta = ds.spec().template().metadata();
    Map<String, String> labels = new TreeMap<>(meta.labels());
    templateGeneration.ifPresent(g -> labels.put(Pods.GENERATION_LABEL, Long.toString(g)));
    if (!hash.isEmpty()) {
      labels.put(Pods.HASH_LABEL, hash);
    }
    String name = ds.metadata().name();
    // upstream's getPodsPrefix: "<name>-" unless that is no valid generateName (too long)
    String prefix = name.length() + 1 > 253 ? name : name + "-";
    ObjectMeta metadata =
        new ObjectMeta(
            "",
            prefix,
            ds.metadata().namespace(),
            "",
            "",
            0,
            labels,
            meta.annotations(),
            List.of(OwnerReference.controllerOf("DaemonSet", "apps/v1", name, ds.metadata().uid())),
            meta.finalizers(),
            null,
            null,
            null,
            Map.of());
    PodSpec templateSpec = ds.spec().template().spec();
    Affinity a = templateSpec.affinity();
    t =
        new Template(
            metadata,
            templateSpec.withTolerations(mergedTolerations),
            a == null ? new Affinity(null, Map.of()) : a);
    template = t;
    return t;
  }

  /**
   * The pod for {@code node}: required node affinity replaced by {@code metadata.name In [node]}.
   */
  Pod create(String node) {
    Template t = template();
    NodeSelectorTerm pin =
        new NodeSelectorTerm(
            List.of(),
            List.of(
                new NodeSelectorRequirement(
                    "metadata.name", NodeSelectorRequirement.IN, List.of(node))));
    NodeAffinity old = t.affinity().nodeAffinity();
    NodeAffinity pinned =
        old == null
            ? new NodeAffinity(List.of(pin), List.of(), Map.of())
            : new NodeAffinity(List.of(pin), old.preferred(), old.other());
    return new Pod(
        t.metadata(),
        t.spec().withAffinity(new Affinity(pinned, t.affinity().other())),
        PodStatus.EMPTY,
        Map.of());
  }
}
