package dev.daemonset.core.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.daemonset.api.JsonValue;
import dev.daemonset.api.model.Affinity;
import dev.daemonset.api.model.Condition;
import dev.daemonset.api.model.Container;
import dev.daemonset.api.model.ControllerRevision;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.model.DaemonSetSpec;
import dev.daemonset.api.model.DaemonSetStatus;
import dev.daemonset.api.model.DaemonSetUpdateStrategy;
import dev.daemonset.api.model.IntOrString;
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
import dev.daemonset.api.model.RollingUpdateDaemonSet;
import dev.daemonset.api.model.Taint;
import dev.daemonset.api.model.Toleration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Binds the Kubernetes objects of a scenario file (already parsed by Jackson) to the model, for
 * the fields the planner reads. A stand-in until {@code ManifestReader} lands on this branch;
 * it never sees user input, only the scenario corpus, so it throws on anything it does not
 * understand.
 */
final class TestObjects {
  private TestObjects() {}

  static DaemonSet daemonSet(JsonNode n) {
    JsonNode spec = n.path("spec");
    JsonNode strategy = spec.path("updateStrategy");
    RollingUpdateDaemonSet ru = strategy.has("rollingUpdate")
        ? new RollingUpdateDaemonSet(intOrString(strategy.path("rollingUpdate").get("maxUnavailable")),
            intOrString(strategy.path("rollingUpdate").get("maxSurge")))
        : null;
    LabelSelector selector = spec.has("selector") ? selector(spec.get("selector")) : null;
    DaemonSetSpec s = new DaemonSetSpec(selector, template(spec.path("template")),
        new DaemonSetUpdateStrategy(strategy.path("type").asText(""), ru), spec.path("minReadySeconds").asInt(0),
        spec.has("revisionHistoryLimit") ? spec.get("revisionHistoryLimit").asInt() : null, null);
    JsonNode st = n.path("status");
    DaemonSetStatus status = st.isMissingNode() ? DaemonSetStatus.EMPTY
        : DaemonSetStatus.of(st.path("desiredNumberScheduled").asInt(), st.path("currentNumberScheduled").asInt(),
            st.path("numberMisscheduled").asInt(), st.path("numberReady").asInt(),
            st.path("updatedNumberScheduled").asInt(), st.path("numberAvailable").asInt(),
            st.path("numberUnavailable").asInt(), st.path("observedGeneration").asLong());
    return new DaemonSet(meta(n.path("metadata")), s, status, null);
  }

  static Node node(JsonNode n) {
    JsonNode spec = n.path("spec");
    return new Node(meta(n.path("metadata")), spec.path("unschedulable").asBoolean(false),
        list(spec.path("taints"), t -> new Taint(t.path("key").asText(""), t.path("value").asText(""),
            t.path("effect").asText(""), null)),
        null, null, null, null);
  }

  static Pod pod(JsonNode n) {
    JsonNode status = n.path("status");
    return new Pod(meta(n.path("metadata")), podSpec(n.path("spec")),
        new PodStatus(status.path("phase").asText(""), list(status.path("conditions"), c -> Condition.of(
            c.path("type").asText(""), c.path("status").asText(""), instant(c.get("lastTransitionTime")))), null),
        null);
  }

  static ControllerRevision revision(JsonNode n) {
    return new ControllerRevision(meta(n.path("metadata")), n.path("revision").asLong(), json(n.path("data")), null);
  }

  private static PodTemplateSpec template(JsonNode n) {
    return new PodTemplateSpec(meta(n.path("metadata")), podSpec(n.path("spec")));
  }

  private static PodSpec podSpec(JsonNode n) {
    Affinity affinity = null;
    if (n.has("affinity")) {
      JsonNode na = n.path("affinity").path("nodeAffinity");
      NodeAffinity nodeAffinity = null;
      if (!na.isMissingNode()) {
        JsonNode required = na.get("requiredDuringSchedulingIgnoredDuringExecution");
        List<NodeSelectorTerm> terms = required == null ? null : list(required.path("nodeSelectorTerms"),
            t -> new NodeSelectorTerm(list(t.path("matchExpressions"), TestObjects::requirement),
                list(t.path("matchFields"), TestObjects::requirement)));
        nodeAffinity = new NodeAffinity(terms,
            list(na.path("preferredDuringSchedulingIgnoredDuringExecution"), TestObjects::json), null);
      }
      affinity = new Affinity(nodeAffinity, null);
    }
    return new PodSpec(list(n.path("containers"), c -> Container.of(c.path("name").asText(""), c.path("image").asText(""))),
        null, null, n.path("nodeName").asText(""), strings(n.path("nodeSelector")), affinity,
        list(n.path("tolerations"), t -> new Toleration(t.path("key").asText(""), t.path("operator").asText(""),
            t.path("value").asText(""), t.path("effect").asText(""),
            t.has("tolerationSeconds") ? t.get("tolerationSeconds").asLong() : null)),
        n.path("hostNetwork").asBoolean(false), false, "", null, null, "", "", "", "", null);
  }

  private static NodeSelectorRequirement requirement(JsonNode r) {
    return new NodeSelectorRequirement(r.path("key").asText(""), r.path("operator").asText(""),
        list(r.path("values"), JsonNode::asText));
  }

  private static LabelSelector selector(JsonNode n) {
    return new LabelSelector(strings(n.path("matchLabels")), list(n.path("matchExpressions"),
        r -> new LabelSelector.LabelSelectorRequirement(r.path("key").asText(""), r.path("operator").asText(""),
            list(r.path("values"), JsonNode::asText))), null);
  }

  static ObjectMeta meta(JsonNode n) {
    return new ObjectMeta(n.path("name").asText(""), n.path("generateName").asText(""),
        n.path("namespace").asText(""), n.path("uid").asText(""), "", n.path("generation").asLong(0),
        strings(n.path("labels")), strings(n.path("annotations")),
        list(n.path("ownerReferences"), o -> new OwnerReference(o.path("apiVersion").asText(""),
            o.path("kind").asText(""), o.path("name").asText(""), o.path("uid").asText(""),
            o.has("controller") ? o.get("controller").asBoolean() : null,
            o.has("blockOwnerDeletion") ? o.get("blockOwnerDeletion").asBoolean() : null, null)),
        list(n.path("finalizers"), JsonNode::asText), instant(n.get("creationTimestamp")),
        instant(n.get("deletionTimestamp")), null, null);
  }

  private static @Nullable IntOrString intOrString(@Nullable JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    return n.isInt() ? IntOrString.of(n.asInt()) : IntOrString.of(n.asText());
  }

  private static @Nullable Instant instant(@Nullable JsonNode n) {
    return n == null || n.isNull() ? null : Instant.parse(n.asText());
  }

  private static Map<String, String> strings(JsonNode n) {
    Map<String, String> out = new TreeMap<>();
    n.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  static <T> List<T> list(JsonNode n, Function<JsonNode, T> f) {
    List<T> out = new ArrayList<>();
    n.forEach(e -> out.add(f.apply(e)));
    return out;
  }

  static JsonValue json(JsonNode n) {
    if (n.isObject()) {
      Map<String, JsonValue> m = new LinkedHashMap<>();
      n.properties().forEach(e -> m.put(e.getKey(), json(e.getValue())));
      return new JsonValue.Obj(m);
    }
    if (n.isArray()) {
      return new JsonValue.Arr(list(n, TestObjects::json));
    }
    if (n.isBoolean()) {
      return JsonValue.of(n.asBoolean());
    }
    if (n.isNumber()) {
      return new JsonValue.Num(n.asText());
    }
    if (n.isNull() || n.isMissingNode()) {
      return JsonValue.NULL;
    }
    return JsonValue.of(n.asText());
  }
}
