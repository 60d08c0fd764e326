package dev.daemonset.core.internal.bind;

import dev.daemonset.api.model.Affinity;
import dev.daemonset.api.model.Condition;
import dev.daemonset.api.model.Container;
import dev.daemonset.api.model.ContainerPort;
import dev.daemonset.api.model.ControllerRevision;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.model.DaemonSetSpec;
import dev.daemonset.api.model.DaemonSetStatus;
import dev.daemonset.api.model.DaemonSetUpdateStrategy;
import dev.daemonset.api.model.EnvVar;
import dev.daemonset.api.model.HttpGetAction;
import dev.daemonset.api.model.JsonValue;
import dev.daemonset.api.model.LabelSelector;
import dev.daemonset.api.model.Node;
import dev.daemonset.api.model.NodeAffinity;
import dev.daemonset.api.model.NodeSelectorRequirement;
import dev.daemonset.api.model.NodeSelectorTerm;
import dev.daemonset.api.model.ObjectMeta;
import dev.daemonset.api.model.OwnerReference;
import dev.daemonset.api.model.Pod;
import dev.daemonset.api.model.PodSpec;
import dev.daemonset.api.model.PodStatus;
import dev.daemonset.api.model.PodTemplateSpec;
import dev.daemonset.api.model.Probe;
import dev.daemonset.api.model.ResourceRequirements;
import dev.daemonset.api.model.RollingUpdateDaemonSet;
import dev.daemonset.api.model.SecurityContext;
import dev.daemonset.api.model.Taint;
import dev.daemonset.api.model.Toleration;
import dev.daemonset.api.model.Volume;
import dev.daemonset.api.model.VolumeMount;

/**
 * Builds the api records from checked trees. Every field a record does not type goes to its {@code
 * other} map; {@code apiVersion} and {@code kind} are implied by the record type.
 */
final class Models {
  private Models() {}

  static DaemonSet daemonSet(Fields f) {
    f.take("apiVersion");
    f.take("kind");
    return new DaemonSet(
        meta(f.obj("metadata")),
        daemonSetSpec(f.obj("spec")),
        daemonSetStatus(f.obj("status")),
        f.other());
  }

  static Pod pod(Fields f) {
    f.take("apiVersion");
    f.take("kind");
    Fields status = f.obj("status");
    return new Pod(
        meta(f.obj("metadata")),
        podSpec(f.obj("spec")),
        new PodStatus(
            status.str("phase"), status.list("conditions", Models::condition), status.other()),
        f.other());
  }

  static Node node(Fields f) {
    f.take("apiVersion");
    f.take("kind");
    Fields spec = f.obj("spec");
    Fields status = f.obj("status");
    return new Node(
        meta(f.obj("metadata")),
        spec.bool("unschedulable"),
        spec.list("taints", Models::taint),
        status.list("conditions", Models::condition),
        spec.other(),
        status.other(),
        f.other());
  }

  static ControllerRevision controllerRevision(Fields f) {
    f.take("apiVersion");
    f.take("kind");
    JsonValue data = f.json("data");
    return new ControllerRevision(
        meta(f.obj("metadata")),
        f.i64("revision"),
        data == null ? JsonValue.NULL : data,
        f.other());
  }

  static ObjectMeta meta(Fields f) {
    return new ObjectMeta(
        f.str("name"),
        f.str("generateName"),
        f.str("namespace"),
        f.str("uid"),
        f.str("resourceVersion"),
        f.i64("generation"),
        f.strMap("labels"),
        f.strMap("annotations"),
        f.list("ownerReferences", Models::ownerReference),
        f.strList("finalizers"),
        f.time("creationTimestamp"),
        f.time("deletionTimestamp"),
        f.optI64("deletionGracePeriodSeconds"),
        f.other());
  }

  static OwnerReference ownerReference(Fields f) {
    return new OwnerReference(
        f.str("apiVersion"),
        f.str("kind"),
        f.str("name"),
        f.str("uid"),
        f.optBool("controller"),
        f.optBool("blockOwnerDeletion"),
        f.other());
  }

  static LabelSelector labelSelector(Fields f) {
    return new LabelSelector(
        f.strMap("matchLabels"),
        f.list(
            "matchExpressions",
            e ->
                new LabelSelector.LabelSelectorRequirement(
                    e.str("key"), e.str("operator"), e.strList("values"))),
        f.other());
  }

  static DaemonSetSpec daemonSetSpec(Fields f) {
    Fields strategy = f.obj("updateStrategy");
    DaemonSetUpdateStrategy updateStrategy =
        new DaemonSetUpdateStrategy(
            strategy.str("type"),
            strategy.optObj(
                "rollingUpdate",
                r ->
                    new RollingUpdateDaemonSet(
                        r.intOrString("maxUnavailable"), r.intOrString("maxSurge"))));
    return new DaemonSetSpec(
        f.optObj("selector", Models::labelSelector),
        template(f.obj("template")),
        updateStrategy,
        f.i32("minReadySeconds"),
        f.optI32("revisionHistoryLimit"),
        f.other());
  }

  static PodTemplateSpec template(Fields f) {
    return new PodTemplateSpec(meta(f.obj("metadata")), podSpec(f.obj("spec")));
  }

  static DaemonSetStatus daemonSetStatus(Fields f) {
    return new DaemonSetStatus(
        f.i32("currentNumberScheduled"),
        f.i32("numberMisscheduled"),
        f.i32("desiredNumberScheduled"),
        f.i32("numberReady"),
        f.i64("observedGeneration"),
        f.i32("updatedNumberScheduled"),
        f.i32("numberAvailable"),
        f.i32("numberUnavailable"),
        f.optI32("collisionCount"),
        f.list("conditions", Models::condition),
        f.other());
  }

  static Condition condition(Fields f) {
    return new Condition(
        f.str("type"),
        f.str("status"),
        f.time("lastTransitionTime"),
        f.str("reason"),
        f.str("message"),
        f.other());
  }

  static PodSpec podSpec(Fields f) {
    return new PodSpec(
        f.list("containers", Models::container),
        f.list("initContainers", Models::container),
        f.list("volumes", Models::volume),
        f.str("nodeName"),
        f.strMap("nodeSelector"),
        f.optObj("affinity", Models::affinity),
        f.list("tolerations", Models::toleration),
        f.bool("hostNetwork"),
        f.bool("hostPID"),
        f.str("restartPolicy"),
        f.optI64("terminationGracePeriodSeconds"),
        f.optI64("activeDeadlineSeconds"),
        f.str("dnsPolicy"),
        f.str("serviceAccountName"),
        f.str("priorityClassName"),
        f.str("schedulerName"),
        f.other());
  }

  static Container container(Fields f) {
    Fields r = f.obj("resources");
    ResourceRequirements resources =
        new ResourceRequirements(r.strMap("limits"), r.strMap("requests"), r.other());
    return new Container(
        f.str("name"),
        f.str("image"),
        f.str("imagePullPolicy"),
        f.list(
            "ports",
            p ->
                new ContainerPort(
                    p.str("name"),
                    p.i32("containerPort"),
                    p.i32("hostPort"),
                    p.str("protocol"),
                    p.str("hostIP"))),
        f.list("env", e -> new EnvVar(e.str("name"), e.str("value"), e.json("valueFrom"))),
        resources,
        f.list("volumeMounts", Models::volumeMount),
        f.optObj("livenessProbe", Models::probe),
        f.optObj("readinessProbe", Models::probe),
        f.optObj("startupProbe", Models::probe),
        f.optObj("securityContext", Models::securityContext),
        f.str("restartPolicy"),
        f.str("terminationMessagePath"),
        f.str("terminationMessagePolicy"),
        f.other());
  }

  static VolumeMount volumeMount(Fields f) {
    return new VolumeMount(f.str("name"), f.str("mountPath"), f.bool("readOnly"), f.other());
  }

  static Volume volume(Fields f) {
    return new Volume(f.str("name"), f.other());
  }

  static Probe probe(Fields f) {
    return new Probe(
        f.optObj(
            "httpGet",
            h ->
                new HttpGetAction(
                    h.str("path"),
                    h.intOrString("port"),
                    h.str("host"),
                    h.str("scheme"),
                    h.other())),
        f.json("exec"),
        f.json("tcpSocket"),
        f.json("grpc"),
        f.i32("initialDelaySeconds"),
        f.i32("timeoutSeconds"),
        f.i32("periodSeconds"),
        f.i32("successThreshold"),
        f.i32("failureThreshold"),
        f.optI64("terminationGracePeriodSeconds"),
        f.other());
  }

  static SecurityContext securityContext(Fields f) {
    Fields caps = f.obj("capabilities");
    return new SecurityContext(
        f.optBool("privileged"),
        f.optI64("runAsUser"),
        f.optBool("runAsNonRoot"),
        f.optBool("readOnlyRootFilesystem"),
        f.optBool("allowPrivilegeEscalation"),
        caps.strList("add"),
        caps.strList("drop"),
        f.other());
  }

  static Affinity affinity(Fields f) {
    return new Affinity(f.optObj("nodeAffinity", Models::nodeAffinity), f.other());
  }

  static NodeAffinity nodeAffinity(Fields f) {
    return new NodeAffinity(
        f.optObj(
            "requiredDuringSchedulingIgnoredDuringExecution",
            s ->
                s.list(
                    "nodeSelectorTerms",
                    t ->
                        new NodeSelectorTerm(
                            t.list("matchExpressions", Models::requirement),
                            t.list("matchFields", Models::requirement)))),
        f.jsonList("preferredDuringSchedulingIgnoredDuringExecution"),
        f.other());
  }

  static NodeSelectorRequirement requirement(Fields f) {
    return new NodeSelectorRequirement(f.str("key"), f.str("operator"), f.strList("values"));
  }

  static Toleration toleration(Fields f) {
    return new Toleration(
        f.str("key"),
        f.str("operator"),
        f.str("value"),
        f.str("effect"),
        f.optI64("tolerationSeconds"));
  }

  static Taint taint(Fields f) {
    return new Taint(f.str("key"), f.str("value"), f.str("effect"), f.time("timeAdded"));
  }
}
