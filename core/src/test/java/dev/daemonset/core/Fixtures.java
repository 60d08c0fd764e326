package dev.daemonset.core;

import dev.daemonset.api.model.Condition;
import dev.daemonset.api.model.Container;
import dev.daemonset.api.model.ContainerPort;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.model.DaemonSetSpec;
import dev.daemonset.api.model.DaemonSetUpdateStrategy;
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
import dev.daemonset.api.model.Toleration;
import dev.daemonset.api.model.Volume;
import dev.daemonset.api.model.VolumeMount;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
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

  /** A pod spec of these containers and nothing else. */
  public static PodSpec podSpec(Container... containers) {
    return PodSpec.of(List.of(containers));
  }

  /**
   * The template spec of {@link #daemonSet} and the spec of {@link #pod}: container c, image img.
   */
  public static final PodSpec SPEC = podSpec(Container.of("c", "img"));

  /**
   * The labels {@code app: <name>}, which {@link #daemonSet} selects and stamps on its template.
   */
  public static Map<String, String> app(String name) {
    return Map.of("app", name);
  }

  /** A pod spec builder, from its containers; what is not set is absent. */
  public static PodSpecBuilder newPodSpec(Container... containers) {
    return new PodSpecBuilder(List.of(containers));
  }

  /** Builds a {@link PodSpec} one component at a time, instead of its 17-argument constructor. */
  public static final class PodSpecBuilder {
    private final List<Container> containers;
    private List<Volume> volumes = List.of();
    private Map<String, String> nodeSelector = Map.of();
    private List<Toleration> tolerations = List.of();
    private boolean hostNetwork;
    private String restartPolicy = "";
    private @Nullable Long activeDeadlineSeconds;

    private PodSpecBuilder(List<Container> containers) {
      this.containers = containers;
    }

    public PodSpecBuilder volumes(List<Volume> volumes) {
      this.volumes = volumes;
      return this;
    }

    public PodSpecBuilder nodeSelector(Map<String, String> selector) {
      this.nodeSelector = selector;
      return this;
    }

    public PodSpecBuilder tolerations(List<Toleration> tolerations) {
      this.tolerations = tolerations;
      return this;
    }

    public PodSpecBuilder hostNetwork(boolean hostNetwork) {
      this.hostNetwork = hostNetwork;
      return this;
    }

    public PodSpecBuilder restartPolicy(String policy) {
      this.restartPolicy = policy;
      return this;
    }

    public PodSpecBuilder activeDeadlineSeconds(@Nullable Long seconds) {
      this.activeDeadlineSeconds = seconds;
      return this;
    }

    public PodSpec build() {
      return new PodSpec(
          containers,
          List.of(),
          volumes,
          "",
          nodeSelector,
          null,
          tolerations,
          hostNetwork,
          false,
          restartPolicy,
          null,
          activeDeadlineSeconds,
          "",
          "",
          "",
          "",
          Map.of());
    }
  }

  /**
   * A DaemonSet builder: in {@code default}, with UID {@code <name>-uid}, selecting and labelling
   * its template {@link #app app: <name>}, the template running {@link #SPEC}, no update strategy
   * written. Upstream's tests start from {@code newDaemonSet} and change fields; tests here say
   * what they change on the builder.
   */
  public static DaemonSetBuilder daemonSet(String name) {
    return new DaemonSetBuilder(name);
  }

  /** A DaemonSet builder starting from the metadata and spec of {@code ds} (not its status). */
  public static DaemonSetBuilder daemonSet(DaemonSet ds) {
    return new DaemonSetBuilder(ds);
  }

  /** The metadata with these finalizers ({@link ObjectMeta} has no wither for them). */
  public static ObjectMeta withFinalizers(ObjectMeta m, List<String> finalizers) {
    return copy(m, finalizers, m.other());
  }

  /** The metadata with these unknown fields ({@link ObjectMeta} has no wither for them). */
  public static ObjectMeta withOther(ObjectMeta m, Map<String, JsonValue> other) {
    return copy(m, m.finalizers(), other);
  }

  private static ObjectMeta copy(
      ObjectMeta m, List<String> finalizers, Map<String, JsonValue> other) {
    return new ObjectMeta(
        m.name(),
        m.generateName(),
        m.namespace(),
        m.uid(),
        m.resourceVersion(),
        m.generation(),
        m.labels(),
        m.annotations(),
        m.ownerReferences(),
        finalizers,
        m.creationTimestamp(),
        m.deletionTimestamp(),
        m.deletionGracePeriodSeconds(),
        other);
  }

  /** Builds a {@link DaemonSet}; see {@link #daemonSet(String)} for what is set unless changed. */
  public static final class DaemonSetBuilder {
    private ObjectMeta metadata;
    private @Nullable LabelSelector selector;
    private ObjectMeta templateMetadata;
    private PodSpec spec = SPEC;
    private DaemonSetUpdateStrategy strategy = DaemonSetUpdateStrategy.EMPTY;
    private int minReadySeconds;
    private @Nullable Integer revisionHistoryLimit;
    private Map<String, JsonValue> other = Map.of();

    private DaemonSetBuilder(DaemonSet ds) {
      this.metadata = ds.metadata();
      this.selector = ds.spec().selector();
      this.templateMetadata = ds.spec().template().metadata();
      this.spec = ds.spec().template().spec();
      this.strategy = ds.spec().updateStrategy();
      this.minReadySeconds = ds.spec().minReadySeconds();
      this.revisionHistoryLimit = ds.spec().revisionHistoryLimit();
      this.other = ds.spec().other();
    }

    private DaemonSetBuilder(String name) {
      this.metadata = ObjectMeta.of("default", name).withUid(name + "-uid");
      this.selector = LabelSelector.of(app(name));
      this.templateMetadata = ObjectMeta.EMPTY.withLabels(app(name));
    }

    public DaemonSetBuilder namespace(String namespace) {
      this.metadata = metadata.withNamespace(namespace);
      return this;
    }

    /** The DaemonSet's UID; {@code ""} for none. */
    public DaemonSetBuilder uid(String uid) {
      this.metadata = metadata.withUid(uid);
      return this;
    }

    /** Any other change to the DaemonSet's own metadata (generation, annotations, ...). */
    public DaemonSetBuilder metadata(UnaryOperator<ObjectMeta> change) {
      this.metadata = change.apply(metadata);
      return this;
    }

    /** Selects by these labels and stamps them on the template. */
    public DaemonSetBuilder labels(Map<String, String> labels) {
      this.selector = LabelSelector.of(labels);
      this.templateMetadata = ObjectMeta.EMPTY.withLabels(labels);
      return this;
    }

    /** The selector alone ({@code null} for none written); the template's labels stay. */
    public DaemonSetBuilder selector(@Nullable LabelSelector selector) {
      this.selector = selector;
      return this;
    }

    /** The template's metadata, in place of the labels alone. */
    public DaemonSetBuilder templateMetadata(ObjectMeta metadata) {
      this.templateMetadata = metadata;
      return this;
    }

    /** The template's pod spec. */
    public DaemonSetBuilder spec(PodSpec spec) {
      this.spec = spec;
      return this;
    }

    public DaemonSetBuilder strategy(DaemonSetUpdateStrategy strategy) {
      this.strategy = strategy;
      return this;
    }

    /** The {@code OnDelete} strategy: nothing replaces pods of an older template. */
    public DaemonSetBuilder onDelete() {
      return strategy(new DaemonSetUpdateStrategy(DaemonSetUpdateStrategy.ON_DELETE, null));
    }

    public DaemonSetBuilder minReadySeconds(int seconds) {
      this.minReadySeconds = seconds;
      return this;
    }

    public DaemonSetBuilder revisionHistoryLimit(@Nullable Integer limit) {
      this.revisionHistoryLimit = limit;
      return this;
    }

    public DaemonSet build() {
      return DaemonSet.of(
          metadata,
          new DaemonSetSpec(
              selector,
              new PodTemplateSpec(templateMetadata, spec),
              strategy,
              minReadySeconds,
              revisionHistoryLimit,
              other));
    }
  }

  /**
   * A pod builder: in {@code default}, with UID {@code uid-<name>}, no labels, no owner, running
   * {@link #SPEC} on no node, phase {@code Running} and no conditions.
   */
  public static PodBuilder pod(String name) {
    return new PodBuilder(name);
  }

  /**
   * A pod builder starting from {@code pod}'s metadata, spec and status (not its unknown fields); a
   * new {@link PodBuilder#spec spec} keeps the pod's node.
   */
  public static PodBuilder pod(Pod pod) {
    return new PodBuilder(pod);
  }

  /** Builds a {@link Pod}; see {@link #pod(String)} for what is set unless changed. */
  public static final class PodBuilder {
    private ObjectMeta metadata;
    private PodSpec spec = SPEC;
    private @Nullable String nodeName;
    private String phase = "Running";
    private List<Condition> conditions = List.of();

    private PodBuilder(String name) {
      this.metadata = ObjectMeta.of("default", name).withUid("uid-" + name);
    }

    private PodBuilder(Pod pod) {
      this.metadata = pod.metadata();
      this.spec = pod.spec();
      this.nodeName = pod.spec().nodeName().isEmpty() ? null : pod.spec().nodeName();
      this.phase = pod.status().phase();
      this.conditions = pod.status().conditions();
    }

    public PodBuilder namespace(String namespace) {
      this.metadata = metadata.withNamespace(namespace);
      return this;
    }

    /** The pod's UID; {@code ""} for none. */
    public PodBuilder uid(String uid) {
      this.metadata = metadata.withUid(uid);
      return this;
    }

    public PodBuilder labels(Map<String, String> labels) {
      this.metadata = metadata.withLabels(labels);
      return this;
    }

    /** Controlled by this DaemonSet (a controller reference to its name and UID). */
    public PodBuilder ownedBy(DaemonSet ds) {
      return owners(
          List.of(
              OwnerReference.controllerOf(
                  "DaemonSet", "apps/v1", ds.metadata().name(), ds.metadata().uid())));
    }

    public PodBuilder owners(List<OwnerReference> owners) {
      this.metadata = metadata.withOwnerReferences(owners);
      return this;
    }

    public PodBuilder createdAt(@Nullable Instant time) {
      this.metadata = metadata.withCreationTimestamp(time);
      return this;
    }

    public PodBuilder deletedAt(@Nullable Instant time) {
      this.metadata = metadata.withDeletionTimestamp(time);
      return this;
    }

    /** Any other change to the pod's metadata. */
    public PodBuilder metadata(UnaryOperator<ObjectMeta> change) {
      this.metadata = change.apply(metadata);
      return this;
    }

    /** The pod's spec; {@link #on} still sets its node. */
    public PodBuilder spec(PodSpec spec) {
      this.spec = spec;
      return this;
    }

    /** Bound to this node ({@code spec.nodeName}). */
    public PodBuilder on(String node) {
      this.nodeName = node;
      return this;
    }

    public PodBuilder phase(String phase) {
      this.phase = phase;
      return this;
    }

    /** One condition, {@code Ready}, {@code True} or {@code False} since this time (or none). */
    public PodBuilder ready(boolean ready, @Nullable Instant since) {
      return conditions(List.of(Condition.of("Ready", ready ? "True" : "False", since)));
    }

    public PodBuilder conditions(List<Condition> conditions) {
      this.conditions = conditions;
      return this;
    }

    /** No status at all (no phase, no conditions), as a pod read from a bare manifest. */
    public PodBuilder noStatus() {
      this.phase = "";
      this.conditions = List.of();
      return this;
    }

    public Pod build() {
      PodSpec s = nodeName == null ? spec : spec.withNodeName(nodeName);
      return new Pod(metadata, s, new PodStatus(phase, conditions, Map.of()), Map.of());
    }
  }
}
