package dev.daemonset.core;

import dev.daemonset.api.model.Container;
import dev.daemonset.api.model.ContainerPort;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.model.DaemonSetSpec;
import dev.daemonset.api.model.EnvVar;
import dev.daemonset.api.model.JsonValue;
import dev.daemonset.api.model.LabelSelector;
import dev.daemonset.api.model.Node;
import dev.daemonset.api.model.ObjectMeta;
import dev.daemonset.api.model.OwnerReference;
import dev.daemonset.api.model.Pod;
import dev.daemonset.api.model.PodSpec;
import dev.daemonset.api.model.PodStatus;
import dev.daemonset.api.model.PodTemplateSpec;
import dev.daemonset.api.model.Probe;
import dev.daemonset.api.model.ResourceRequirements;
import dev.daemonset.api.model.SecurityContext;
import dev.daemonset.api.model.VolumeMount;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The objects tests are made of, in the spirit of upstream's {@code daemon_controller_test.go}
 * helpers ({@code newNode}, {@code newPod}, {@code newDaemonSet}): each gives a valid object with
 * the least that makes it one, and a builder where a test needs one more field. Tests name what
 * they vary and nothing else, and never spell a record's every component (or a {@code null} for
 * one).
 */
public final class Fixtures {
  private Fixtures() {}

  /** Upstream's {@code simpleDaemonSetLabel}: the selector and template labels of a fixture. */
  public static final Map<String, String> SIMPLE_LABELS = Map.of("name", "simple-daemon");

  /** A node of this name and labels, schedulable, without taints (upstream's {@code newNode}). */
  public static Node newNode(String name, Map<String, String> labels) {
    return Node.of(name, labels);
  }

  /**
   * A DaemonSet in {@code default} selecting {@link #SIMPLE_LABELS}, whose template runs one
   * container {@code foo} of image {@code foo/bar} (upstream's {@code newDaemonSet}).
   */
  public static DaemonSet newDaemonSet(String name) {
    PodSpec spec = PodSpec.of(List.of(newContainer("foo", "foo/bar").build()));
    return DaemonSet.of(
        ObjectMeta.of("default", name).withUid(name + "-uid"),
        DaemonSetSpec.EMPTY
            .withSelector(LabelSelector.of(SIMPLE_LABELS))
            .withTemplate(new PodTemplateSpec(ObjectMeta.EMPTY.withLabels(SIMPLE_LABELS), spec)));
  }

  /**
   * A running pod on {@code nodeName} with these labels, controlled by {@code ds} when one is given
   * (upstream's {@code newPod}); its spec is the DaemonSet's template spec, or one container.
   */
  public static Pod newPod(
      String name, String nodeName, Map<String, String> labels, @Nullable DaemonSet ds) {
    ObjectMeta meta =
        ObjectMeta.of(ds == null ? "default" : namespace(ds), name).withLabels(labels);
    PodSpec spec = PodSpec.of(List.of(newContainer("foo", "foo/bar").build()));
    if (ds != null) {
      meta =
          meta.withOwnerReferences(
              List.of(
                  OwnerReference.controllerOf(
                      "DaemonSet", "apps/v1", ds.metadata().name(), ds.metadata().uid())));
      spec = ds.spec().template().spec();
    }
    return new Pod(
        meta, spec.withNodeName(nodeName), new PodStatus("Running", List.of(), Map.of()), Map.of());
  }

  private static String namespace(DaemonSet ds) {
    String ns = ds.metadata().namespace();
    return ns.isEmpty() ? "default" : ns;
  }

  /** A container builder, from a name and an image. */
  public static ContainerBuilder newContainer(String name, String image) {
    return new ContainerBuilder(name, image);
  }

  /** Builds a {@link Container} one component at a time; what is not set is absent. */
  public static final class ContainerBuilder {
    private final String name;
    private final String image;
    private String imagePullPolicy = "";
    private List<ContainerPort> ports = List.of();
    private List<EnvVar> env = List.of();
    private ResourceRequirements resources = ResourceRequirements.EMPTY;
    private List<VolumeMount> volumeMounts = List.of();
    private @Nullable Probe livenessProbe;
    private @Nullable Probe readinessProbe;
    private @Nullable Probe startupProbe;
    private @Nullable SecurityContext securityContext;
    private String restartPolicy = "";
    private final Map<String, JsonValue> other = new LinkedHashMap<>();

    private ContainerBuilder(String name, String image) {
      this.name = name;
      this.image = image;
    }

    public ContainerBuilder imagePullPolicy(String policy) {
      this.imagePullPolicy = policy;
      return this;
    }

    public ContainerBuilder ports(ContainerPort... ports) {
      return ports(List.of(ports));
    }

    public ContainerBuilder ports(List<ContainerPort> ports) {
      this.ports = ports;
      return this;
    }

    public ContainerBuilder env(List<EnvVar> env) {
      this.env = env;
      return this;
    }

    public ContainerBuilder resources(ResourceRequirements resources) {
      this.resources = resources;
      return this;
    }

    public ContainerBuilder limits(Map<String, String> limits) {
      this.resources = new ResourceRequirements(limits, resources.requests(), resources.other());
      return this;
    }

    public ContainerBuilder requests(Map<String, String> requests) {
      this.resources = new ResourceRequirements(resources.limits(), requests, resources.other());
      return this;
    }

    public ContainerBuilder volumeMounts(List<VolumeMount> mounts) {
      this.volumeMounts = mounts;
      return this;
    }

    public ContainerBuilder livenessProbe(Probe probe) {
      this.livenessProbe = probe;
      return this;
    }

    public ContainerBuilder readinessProbe(Probe probe) {
      this.readinessProbe = probe;
      return this;
    }

    public ContainerBuilder startupProbe(Probe probe) {
      this.startupProbe = probe;
      return this;
    }

    public ContainerBuilder securityContext(SecurityContext context) {
      this.securityContext = context;
      return this;
    }

    public ContainerBuilder restartPolicy(String policy) {
      this.restartPolicy = policy;
      return this;
    }

    /** Untyped fields ({@code command}, {@code lifecycle}, ...), in order. */
    public ContainerBuilder other(Map<String, JsonValue> fields) {
      this.other.putAll(fields);
      return this;
    }

    /** An untyped field ({@code command}, {@code lifecycle}, ...). */
    public ContainerBuilder other(String field, JsonValue value) {
      this.other.put(field, value);
      return this;
    }

    public Container build() {
      return new Container(
          name,
          image,
          imagePullPolicy,
          ports,
          env,
          resources,
          volumeMounts,
          livenessProbe,
          readinessProbe,
          startupProbe,
          securityContext,
          restartPolicy,
          "",
          "",
          other);
    }
  }

  /** A pod spec builder, from its containers. */
  public static PodSpec podSpec(Container... containers) {
    return PodSpec.of(List.of(containers));
  }
}
