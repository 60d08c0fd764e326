package dev.daemonset.core.internal.json;

import dev.daemonset.api.model.Affinity;
import dev.daemonset.api.model.Condition;
import dev.daemonset.api.model.Container;
import dev.daemonset.api.model.ContainerPort;
import dev.daemonset.api.model.ControllerRevision;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.model.DaemonSetSpec;
import dev.daemonset.api.model.DaemonSetStatus;
import dev.daemonset.api.model.EnvVar;
import dev.daemonset.api.model.HttpGetAction;
import dev.daemonset.api.model.IntOrString;
import dev.daemonset.api.model.JsonValue;
import dev.daemonset.api.model.KubernetesObject;
import dev.daemonset.api.model.LabelSelector;
import dev.daemonset.api.model.Node;
import dev.daemonset.api.model.NodeAffinity;
import dev.daemonset.api.model.NodeSelectorRequirement;
import dev.daemonset.api.model.NodeSelectorTerm;
import dev.daemonset.api.model.ObjectMeta;
import dev.daemonset.api.model.OwnerReference;
import dev.daemonset.api.model.Pod;
import dev.daemonset.api.model.PodSpec;
import dev.daemonset.api.model.PodTemplateSpec;
import dev.daemonset.api.model.Probe;
import dev.daemonset.api.model.ResourceRequirements;
import dev.daemonset.api.model.SecurityContext;
import dev.daemonset.api.model.Taint;
import dev.daemonset.api.model.Toleration;
import dev.daemonset.api.model.Volume;
import dev.daemonset.api.model.VolumeMount;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The one mapping of the model to Kubernetes JSON: what {@code render} writes and what the
 * planner's revision hash and ControllerRevision comparison read ({@code plan/CanonicalJson}).
 *
 * <p>Every JSON field is named here, explicitly, by its Kubernetes name (no reflection over record
 * components: renaming a component cannot change the output or the hash; {@code ModelJsonTest}
 * checks that the source names every component). Go zero values of typed fields are left out as
 * Go's {@code omitempty} would; fields Go writes even when zero or empty (no {@code omitempty}, or
 * a pointer that is set) are written. The untyped {@code other} members come last; a typed field
 * wins over an {@code other} member of the same name.
 */
public final class ModelJson {
  private ModelJson() {}

  /** Collects the members of one object, skipping zero values. */
  private static final class O {
    private final Map<String, JsonValue> m = new LinkedHashMap<>();

    O str(String k, String v) {
      if (!v.isEmpty()) {
        m.put(k, JsonValue.of(v));
      }
      return this;
    }

    /** A string field Go writes even when empty (no omitempty). */
    O always(String k, String v) {
      m.put(k, JsonValue.of(v));
      return this;
    }

    O num(String k, long v) {
      if (v != 0) {
        m.put(k, JsonValue.of(v));
      }
      return this;
    }

    O opt(String k, @Nullable Number v) {
      if (v != null) {
        m.put(k, JsonValue.of(v.longValue()));
      }
      return this;
    }

    O bool(String k, boolean v) {
      if (v) {
        m.put(k, JsonValue.of(true));
      }
      return this;
    }

    O opt(String k, @Nullable Boolean v) {
      if (v != null) {
        m.put(k, JsonValue.of(v));
      }
      return this;
    }

    O time(String k, @Nullable Instant v) {
      if (v != null) {
        m.put(k, JsonValue.of(DateTimeFormatter.ISO_INSTANT.format(v)));
      }
      return this;
    }

    O json(String k, @Nullable JsonValue v) {
      if (v != null) {
        m.put(k, v);
      }
      return this;
    }

    O obj(String k, JsonValue.@Nullable Obj v) {
      if (v != null && !v.members().isEmpty()) {
        m.put(k, v);
      }
      return this;
    }

    O strings(String k, Map<String, String> v) {
      if (!v.isEmpty()) {
        Map<String, JsonValue> out = new LinkedHashMap<>();
        v.forEach((key, value) -> out.put(key, JsonValue.of(value)));
        m.put(k, new JsonValue.Obj(out));
      }
      return this;
    }

    O strings(String k, List<String> v) {
      if (!v.isEmpty()) {
        m.put(k, new JsonValue.Arr(v.stream().map(s -> (JsonValue) JsonValue.of(s)).toList()));
      }
      return this;
    }

    <T> O list(String k, List<T> v, Function<T, JsonValue> f) {
      if (!v.isEmpty()) {
        List<JsonValue> out = new ArrayList<>(v.size());
        v.forEach(x -> out.add(f.apply(x)));
        m.put(k, new JsonValue.Arr(out));
      }
      return this;
    }

    O intOrString(String k, @Nullable IntOrString v) {
      if (v != null) {
        m.put(k, v.isInt() ? JsonValue.of(v.intValue()) : JsonValue.of(v.stringValue()));
      }
      return this;
    }

    O other(Map<String, JsonValue> other) {
      other.forEach(m::putIfAbsent);
      return this;
    }

    JsonValue.Obj done() {
      return new JsonValue.Obj(m);
    }
  }

  public static JsonValue.Obj of(KubernetesObject object) {
    O o =
        new O()
            .always("kind", object.objectKind().kind())
            .always("apiVersion", object.objectKind().apiVersion())
            .obj("metadata", meta(object.metadata()));
    if (object instanceof DaemonSet d) {
      return o.obj("spec", daemonSetSpec(d.spec()))
          .obj("status", daemonSetStatus(d.status()))
          .other(d.other())
          .done();
    }
    if (object instanceof Pod p) {
      return o.obj("spec", podSpec(p.spec()))
          .obj(
              "status",
              new O()
                  .str("phase", p.status().phase())
                  .list("conditions", p.status().conditions(), ModelJson::condition)
                  .other(p.status().other())
                  .done())
          .other(p.other())
          .done();
    }
    if (object instanceof Node n) {
      return o.obj(
              "spec",
              new O()
                  .bool("unschedulable", n.unschedulable())
                  .list("taints", n.taints(), ModelJson::taint)
                  .other(n.otherSpec())
                  .done())
          .obj(
              "status",
              new O()
                  .list("conditions", n.conditions(), ModelJson::condition)
                  .other(n.otherStatus())
                  .done())
          .other(n.other())
          .done();
    }
    ControllerRevision r = (ControllerRevision) object;
    return o.json("data", r.data() instanceof JsonValue.Null ? null : r.data())
        .num("revision", r.revision())
        .other(r.other())
        .done();
  }

  public static JsonValue.Obj meta(ObjectMeta m) {
    return new O()
        .str("name", m.name())
        .str("generateName", m.generateName())
        .str("namespace", m.namespace())
        .str("uid", m.uid())
        .str("resourceVersion", m.resourceVersion())
        .num("generation", m.generation())
        .time("creationTimestamp", m.creationTimestamp())
        .time("deletionTimestamp", m.deletionTimestamp())
        .opt("deletionGracePeriodSeconds", m.deletionGracePeriodSeconds())
        .strings("labels", m.labels())
        .strings("annotations", m.annotations())
        .list("ownerReferences", m.ownerReferences(), ModelJson::ownerReference)
        .strings("finalizers", m.finalizers())
        .other(m.other())
        .done();
  }

  static JsonValue ownerReference(OwnerReference r) {
    return new O()
        .always("apiVersion", r.apiVersion())
        .always("kind", r.kind())
        .always("name", r.name())
        .always("uid", r.uid())
        .opt("controller", r.controller())
        .opt("blockOwnerDeletion", r.blockOwnerDeletion())
        .other(r.other())
        .done();
  }

  static JsonValue.Obj labelSelector(LabelSelector s) {
    return new O()
        .strings("matchLabels", s.matchLabels())
        .list(
            "matchExpressions",
            s.matchExpressions(),
            e ->
                new O()
                    .always("key", e.key())
                    .always("operator", e.operator())
                    .strings("values", e.values())
                    .done())
        .other(s.other())
        .done();
  }

  static JsonValue.Obj daemonSetSpec(DaemonSetSpec s) {
    O strategy = new O().str("type", s.updateStrategy().type());
    if (s.updateStrategy().rollingUpdate() != null) {
      // a pointer in Go: present, even when empty, is written ({})
      strategy.json(
          "rollingUpdate",
          new O()
              .intOrString("maxUnavailable", s.updateStrategy().rollingUpdate().maxUnavailable())
              .intOrString("maxSurge", s.updateStrategy().rollingUpdate().maxSurge())
              .done());
    }
    O o = new O();
    if (s.selector() != null) {
      o.json("selector", labelSelector(s.selector()));
    }
    return o.obj("template", template(s.template()))
        .obj("updateStrategy", strategy.done())
        .num("minReadySeconds", s.minReadySeconds())
        .opt("revisionHistoryLimit", s.revisionHistoryLimit())
        .other(s.other())
        .done();
  }

  public static JsonValue.Obj template(PodTemplateSpec t) {
    return new O().obj("metadata", meta(t.metadata())).obj("spec", podSpec(t.spec())).done();
  }

  static JsonValue.Obj daemonSetStatus(DaemonSetStatus s) {
    O o = new O();
    boolean counters =
        s.currentNumberScheduled() != 0
            || s.numberMisscheduled() != 0
            || s.desiredNumberScheduled() != 0
            || s.numberReady() != 0
            || s.observedGeneration() != 0
            || s.updatedNumberScheduled() != 0
            || s.numberAvailable() != 0
            || s.numberUnavailable() != 0
            || s.collisionCount() != null
            || !s.conditions().isEmpty();
    if (counters) {
      // Go writes the four required counters even when zero
      o.json("currentNumberScheduled", JsonValue.of(s.currentNumberScheduled()))
          .json("numberMisscheduled", JsonValue.of(s.numberMisscheduled()))
          .json("desiredNumberScheduled", JsonValue.of(s.desiredNumberScheduled()))
          .json("numberReady", JsonValue.of(s.numberReady()));
    }
    return o.num("observedGeneration", s.observedGeneration())
        .num("updatedNumberScheduled", s.updatedNumberScheduled())
        .num("numberAvailable", s.numberAvailable())
        .num("numberUnavailable", s.numberUnavailable())
        .opt("collisionCount", s.collisionCount())
        .list("conditions", s.conditions(), ModelJson::condition)
        .other(s.other())
        .done();
  }

  static JsonValue condition(Condition c) {
    return new O()
        .always("type", c.type())
        .always("status", c.status())
        .time("lastTransitionTime", c.lastTransitionTime())
        .str("reason", c.reason())
        .str("message", c.message())
        .other(c.other())
        .done();
  }

  static JsonValue taint(Taint t) {
    return new O()
        .always("key", t.key())
        .str("value", t.value())
        .always("effect", t.effect())
        .time("timeAdded", t.timeAdded())
        .done();
  }

  static JsonValue.Obj podSpec(PodSpec s) {
    return new O()
        .list("volumes", s.volumes(), ModelJson::volume)
        .list("initContainers", s.initContainers(), ModelJson::container)
        .list("containers", s.containers(), ModelJson::container)
        .str("restartPolicy", s.restartPolicy())
        .opt("terminationGracePeriodSeconds", s.terminationGracePeriodSeconds())
        .opt("activeDeadlineSeconds", s.activeDeadlineSeconds())
        .str("dnsPolicy", s.dnsPolicy())
        .strings("nodeSelector", s.nodeSelector())
        .str("serviceAccountName", s.serviceAccountName())
        .str("nodeName", s.nodeName())
        .bool("hostNetwork", s.hostNetwork())
        .bool("hostPID", s.hostPID())
        .json("affinity", s.affinity() == null ? null : affinity(s.affinity()))
        .str("schedulerName", s.schedulerName())
        .list("tolerations", s.tolerations(), ModelJson::toleration)
        .str("priorityClassName", s.priorityClassName())
        .other(s.other())
        .done();
  }

  static JsonValue volume(Volume v) {
    return new O().always("name", v.name()).other(v.other()).done();
  }

  static JsonValue container(Container c) {
    ResourceRequirements r = c.resources();
    return new O()
        .always("name", c.name())
        .str("image", c.image())
        .list("ports", c.ports(), ModelJson::port)
        .list("env", c.env(), ModelJson::env)
        .obj(
            "resources",
            new O()
                .strings("limits", r.limits())
                .strings("requests", r.requests())
                .other(r.other())
                .done())
        .list("volumeMounts", c.volumeMounts(), ModelJson::volumeMount)
        .json("livenessProbe", probe(c.livenessProbe()))
        .json("readinessProbe", probe(c.readinessProbe()))
        .json("startupProbe", probe(c.startupProbe()))
        .str("terminationMessagePath", c.terminationMessagePath())
        .str("terminationMessagePolicy", c.terminationMessagePolicy())
        .str("imagePullPolicy", c.imagePullPolicy())
        .json("securityContext", securityContext(c.securityContext()))
        .str("restartPolicy", c.restartPolicy())
        .other(c.other())
        .done();
  }

  static JsonValue port(ContainerPort p) {
    return new O()
        .str("name", p.name())
        .num("hostPort", p.hostPort())
        .json("containerPort", JsonValue.of(p.containerPort()))
        .str("protocol", p.protocol())
        .str("hostIP", p.hostIP())
        .done();
  }

  static JsonValue env(EnvVar e) {
    return new O()
        .always("name", e.name())
        .str("value", e.value())
        .json("valueFrom", e.valueFrom())
        .done();
  }

  static JsonValue volumeMount(VolumeMount m) {
    return new O()
        .always("name", m.name())
        .bool("readOnly", m.readOnly())
        .always("mountPath", m.mountPath())
        .other(m.other())
        .done();
  }

  static @Nullable JsonValue probe(@Nullable Probe p) {
    if (p == null) {
      return null;
    }
    HttpGetAction h = p.httpGet();
    return new O()
        .json("exec", p.exec())
        .json(
            "httpGet",
            h == null
                ? null
                : new O()
                    .str("path", h.path())
                    .intOrString("port", h.port())
                    .str("host", h.host())
                    .str("scheme", h.scheme())
                    .other(h.other())
                    .done())
        .json("tcpSocket", p.tcpSocket())
        .json("grpc", p.grpc())
        .num("initialDelaySeconds", p.initialDelaySeconds())
        .num("timeoutSeconds", p.timeoutSeconds())
        .num("periodSeconds", p.periodSeconds())
        .num("successThreshold", p.successThreshold())
        .num("failureThreshold", p.failureThreshold())
        .opt("terminationGracePeriodSeconds", p.terminationGracePeriodSeconds())
        .other(p.other())
        .done();
  }

  static @Nullable JsonValue securityContext(@Nullable SecurityContext s) {
    if (s == null) {
      return null;
    }
    JsonValue.Obj caps =
        new O().strings("add", s.capabilitiesAdd()).strings("drop", s.capabilitiesDrop()).done();
    return new O()
        .obj("capabilities", caps)
        .opt("privileged", s.privileged())
        .opt("runAsUser", s.runAsUser())
        .opt("runAsNonRoot", s.runAsNonRoot())
        .opt("readOnlyRootFilesystem", s.readOnlyRootFilesystem())
        .opt("allowPrivilegeEscalation", s.allowPrivilegeEscalation())
        .other(s.other())
        .done();
  }

  static JsonValue affinity(Affinity a) {
    NodeAffinity n = a.nodeAffinity();
    O o = new O();
    if (n != null) {
      O na = new O();
      if (n.requiredTerms() != null) {
        na.json(
            "requiredDuringSchedulingIgnoredDuringExecution",
            new O().list("nodeSelectorTerms", n.requiredTerms(), ModelJson::term).done());
      }
      na.list("preferredDuringSchedulingIgnoredDuringExecution", n.preferred(), x -> x)
          .other(n.other());
      o.json("nodeAffinity", na.done());
    }
    return o.other(a.other()).done();
  }

  static JsonValue term(NodeSelectorTerm t) {
    return new O()
        .list("matchExpressions", t.matchExpressions(), ModelJson::requirement)
        .list("matchFields", t.matchFields(), ModelJson::requirement)
        .done();
  }

  static JsonValue requirement(NodeSelectorRequirement r) {
    return new O()
        .always("key", r.key())
        .always("operator", r.operator())
        .strings("values", r.values())
        .done();
  }

  static JsonValue toleration(Toleration t) {
    return new O()
        .str("key", t.key())
        .str("operator", t.operator())
        .str("value", t.value())
        .str("effect", t.effect())
        .opt("tolerationSeconds", t.tolerationSeconds())
        .done();
  }
}
