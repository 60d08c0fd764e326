package dev.daemonset.core.internal.rules;

import static dev.daemonset.core.internal.rules.Views.present;
import static dev.daemonset.core.internal.rules.Views.string;

import dev.daemonset.api.model.Affinity;
import dev.daemonset.api.model.JsonValue;
import dev.daemonset.api.model.LabelSelector;
import dev.daemonset.api.model.NodeAffinity;
import dev.daemonset.api.model.NodeSelectorRequirement;
import dev.daemonset.api.model.NodeSelectorTerm;
import dev.daemonset.api.model.Taint;
import dev.daemonset.api.model.Toleration;
import dev.daemonset.core.internal.validation.Formats;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scheduling: affinity, topology spread and tolerations, from core's {@code validation.go}: {@code
 * validateAffinity}, {@code validateNodeAffinity}, {@code ValidateNodeSelectorTerm} (with {@code
 * ValidateNodeSelectorRequirement} and {@code ValidateNodeFieldSelectorRequirement}), {@code
 * validatePodAffinity}, {@code validatePodAntiAffinity}, {@code validatePodAffinityTerm}, {@code
 * validateSchedulingGates}, {@code validateTopologySpreadConstraints} and {@code
 * ValidateTolerations}.
 */
final class SchedulingRules {
  private SchedulingRules() {}

  /**
   * {@code validateSchedulingGates}: each name a qualified name, and no name twice (both reported
   * on the gate's index, the duplicate on the later one).
   */
  static void schedulingGates(List<JsonValue> gates, String path, Errors e) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < gates.size(); i++) {
      String name = string(gates.get(i).members().get("name"));
      String p = path + "[" + i + "]";
      e.eachInvalid(p, name, Formats.qualifiedName(name));
      if (!seen.add(name)) {
        e.duplicate(p, Render.goQuote(name));
      }
    }
  }

  /** {@code validateAffinity}: node affinity, then pod affinity and anti-affinity. */
  static void affinity(Affinity a, String path, Errors e) {
    if (a.nodeAffinity() != null) {
      nodeAffinity(a.nodeAffinity(), path + ".nodeAffinity", e);
    }
    Views.Affinity extras = Views.Affinity.of(a);
    if (extras.podAffinity() != null) {
      podAffinity(extras.podAffinity(), path + ".podAffinity", e);
    }
    if (extras.podAntiAffinity() != null) {
      podAffinity(extras.podAntiAffinity(), path + ".podAntiAffinity", e);
    }
  }

  /** {@code validateNodeAffinity} (R45). */
  private static void nodeAffinity(NodeAffinity na, String path, Errors e) {
    List<NodeSelectorTerm> terms = na.requiredTerms();
    if (terms != null) {
      String p = path + ".requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms";
      if (terms.isEmpty()) {
        e.required(p, "must have at least one node selector term");
      }
      for (int i = 0; i < terms.size(); i++) {
        nodeSelectorTerm(terms.get(i), p + "[" + i + "]", e);
      }
    }
    String p = path + ".preferredDuringSchedulingIgnoredDuringExecution";
    for (int i = 0; i < na.preferred().size(); i++) {
      JsonValue term = na.preferred().get(i);
      JsonValue weight = term.members().getOrDefault("weight", JsonValue.of(0));
      long w = weight instanceof JsonValue.Num n ? n.decimal().longValue() : 0;
      if (w < 1 || w > 100) {
        e.invalid(p + "[" + i + "].weight", Long.toString(w), "must be in the range 1-100");
      }
      JsonValue pref = term.members().getOrDefault("preference", JsonValue.NULL);
      nodeSelectorTerm(
          new NodeSelectorTerm(
              requirements(pref.members().get("matchExpressions")),
              requirements(pref.members().get("matchFields"))),
          p + "[" + i + "].preference",
          e);
    }
  }

  private static List<NodeSelectorRequirement> requirements(
      @org.jspecify.annotations.Nullable JsonValue list) {
    if (list == null) {
      return List.of();
    }
    return list.elements().stream()
        .map(
            r ->
                new NodeSelectorRequirement(
                    r.members().getOrDefault("key", JsonValue.of("")).asString().orElse(""),
                    r.members().getOrDefault("operator", JsonValue.of("")).asString().orElse(""),
                    r.members().getOrDefault("values", JsonValue.NULL).elements().stream()
                        .map(v -> v.asString().orElse(v.toString()))
                        .toList()))
        .toList();
  }

  /**
   * {@code ValidateNodeSelectorTerm}: expressions as node selector requirements, fields as node
   * field selector requirements.
   */
  private static void nodeSelectorTerm(NodeSelectorTerm term, String path, Errors e) {
    for (int j = 0; j < term.matchExpressions().size(); j++) {
      NodeSelectorRequirement r = term.matchExpressions().get(j);
      String p = path + ".matchExpressions[" + j + "]";
      DaemonSetRules.requirement(r.key(), r.operator(), r.values(), true, p, e);
    }
    for (int j = 0; j < term.matchFields().size(); j++) {
      NodeSelectorRequirement r = term.matchFields().get(j);
      String p = path + ".matchFields[" + j + "]";
      if (r.operator().equals(NodeSelectorRequirement.IN)
          || r.operator().equals(NodeSelectorRequirement.NOT_IN)) {
        if (r.values().size() != 1) {
          e.required(
              p + ".values",
              "must be only one value when `operator` is 'In' or 'NotIn' for node field selector");
        }
      } else {
        e.invalid(
            p + ".operator", Render.jsonString(r.operator()), "not a valid selector operator");
      }
      if (!r.key().equals("metadata.name")) {
        e.invalid(p + ".key", Render.goQuote(r.key()), "not a valid field selector key");
      } else {
        for (int k = 0; k < r.values().size(); k++) {
          e.eachInvalid(
              p + ".values[" + k + "]",
              r.values().get(k),
              Formats.nameIsDnsSubdomain(r.values().get(k), false));
        }
      }
    }
  }

  /** {@code validatePodAffinity} (R46): terms, then weighted terms. */
  private static void podAffinity(JsonValue affinity, String path, Errors e) {
    List<JsonValue> required =
        affinity
            .members()
            .getOrDefault("requiredDuringSchedulingIgnoredDuringExecution", JsonValue.NULL)
            .elements();
    for (int i = 0; i < required.size(); i++) {
      podAffinityTerm(
          required.get(i), path + ".requiredDuringSchedulingIgnoredDuringExecution[" + i + "]", e);
    }
    List<JsonValue> preferred =
        affinity
            .members()
            .getOrDefault("preferredDuringSchedulingIgnoredDuringExecution", JsonValue.NULL)
            .elements();
    for (int i = 0; i < preferred.size(); i++) {
      String p = path + ".preferredDuringSchedulingIgnoredDuringExecution[" + i + "]";
      JsonValue weight = preferred.get(i).members().getOrDefault("weight", JsonValue.of(0));
      long w = weight instanceof JsonValue.Num n ? n.decimal().longValue() : 0;
      if (w < 1 || w > 100) {
        e.invalid(p + ".weight", Long.toString(w), "must be in the range 1-100");
      }
      podAffinityTerm(
          preferred.get(i).members().getOrDefault("podAffinityTerm", JsonValue.Obj.EMPTY),
          p + ".podAffinityTerm",
          e);
    }
  }

  private static void podAffinityTerm(JsonValue term, String path, Errors e) {
    DaemonSetRules.selector(
        labelSelector(term.members().get("labelSelector")), path + ".labelSelector", e);
    DaemonSetRules.selector(
        labelSelector(term.members().get("namespaceSelector")), path + ".namespaceSelector", e);
    List<JsonValue> namespaces =
        term.members().getOrDefault("namespaces", JsonValue.NULL).elements();
    for (int i = 0; i < namespaces.size(); i++) {
      String ns = namespaces.get(i).asString().orElse("");
      // upstream names the path "namespace", without an index
      for (String msg : Formats.dns1123Label(ns)) {
        e.invalid(
            path + ".namespace", Render.goQuote(ns), msg, path + ".namespaces[" + i + "]", false);
      }
    }
    String topologyKey =
        term.members().getOrDefault("topologyKey", JsonValue.of("")).asString().orElse("");
    if (topologyKey.isEmpty()) {
      e.required(path + ".topologyKey", "can not be empty");
    }
    e.eachInvalid(path + ".topologyKey", topologyKey, Formats.qualifiedName(topologyKey));
  }

  private static @org.jspecify.annotations.Nullable LabelSelector labelSelector(
      @org.jspecify.annotations.Nullable JsonValue v) {
    if (v == null || v.kind() != JsonValue.Kind.OBJECT) {
      return null;
    }
    Map<String, String> labels = new java.util.TreeMap<>();
    v.members()
        .getOrDefault("matchLabels", JsonValue.NULL)
        .members()
        .forEach((k, x) -> labels.put(k, x.asString().orElse(x.toString())));
    List<LabelSelector.LabelSelectorRequirement> exprs =
        requirements(v.members().get("matchExpressions")).stream()
            .map(r -> new LabelSelector.LabelSelectorRequirement(r.key(), r.operator(), r.values()))
            .toList();
    return new LabelSelector(labels, exprs, Map.of());
  }

  /**
   * {@code validateTopologySpreadConstraints}: skew, key, action, no repeated {key, action}, min
   * domains, inclusion policies and the label selector ({@code matchLabelKeys} is not checked).
   */
  static void topologySpread(List<JsonValue> constraints, String path, Errors e) {
    for (int i = 0; i < constraints.size(); i++) {
      Map<String, JsonValue> c = constraints.get(i).members();
      String p = path + "[" + i + "]";
      long skew = c.get("maxSkew") instanceof JsonValue.Num n ? n.decimal().longValue() : 0;
      if (skew <= 0) {
        e.invalid(p + ".maxSkew", Long.toString(skew), "must be greater than zero");
      }
      String key = string(c.get("topologyKey"));
      if (key.isEmpty()) {
        e.required(p + ".topologyKey", "can not be empty");
      }
      String action = string(c.get("whenUnsatisfiable"));
      if (!action.equals("DoNotSchedule") && !action.equals("ScheduleAnyway")) {
        e.notSupported(
            p + ".whenUnsatisfiable", Render.jsonString(action), "DoNotSchedule", "ScheduleAnyway");
      }
      for (int j = i + 1; j < constraints.size(); j++) {
        Map<String, JsonValue> other = constraints.get(j).members();
        if (key.equals(string(other.get("topologyKey")))
            && action.equals(string(other.get("whenUnsatisfiable")))) {
          e.duplicate(
              p + ".{topologyKey, whenUnsatisfiable}",
              Render.goQuote("{" + key + ", " + action + "}"));
          break;
        }
      }
      if (c.get("minDomains") instanceof JsonValue.Num n) {
        if (n.decimal().signum() <= 0) {
          e.invalid(p + ".minDomains", n.toString(), "must be greater than zero");
        }
        if (!action.equals("DoNotSchedule")) {
          e.invalid(
              p + ".minDomains",
              n.toString(),
              "can only use minDomains if whenUnsatisfiable=DoNotSchedule, not " + action);
        }
      }
      for (String policy : List.of("nodeAffinityPolicy", "nodeTaintsPolicy")) {
        JsonValue v = c.get(policy);
        if (present(v) && !string(v).equals("Honor") && !string(v).equals("Ignore")) {
          e.notSupported(p + "." + policy, Render.jsonString(string(v)), "Honor", "Ignore");
        }
      }
      DaemonSetRules.selector(labelSelector(c.get("labelSelector")), p + ".labelSelector", e);
    }
  }

  /** {@code ValidateTolerations} (R47). */
  static void tolerations(List<Toleration> tolerations, String path, Errors e) {
    for (int i = 0; i < tolerations.size(); i++) {
      Toleration t = tolerations.get(i);
      String p = path + "[" + i + "]";
      if (!t.key().isEmpty()) {
        e.eachInvalid(p + ".key", t.key(), Formats.qualifiedName(t.key()));
      }
      if (t.key().isEmpty() && !Toleration.EXISTS.equals(t.operator())) {
        e.invalid(
            p + ".operator",
            Render.jsonString(t.operator()),
            "operator must be Exists when `key` is empty, which means \"match all values and all keys\"");
      }
      if (t.tolerationSeconds() != null && !Taint.NO_EXECUTE.equals(t.effect())) {
        e.invalid(
            p + ".effect",
            Render.jsonString(t.effect()),
            "effect must be 'NoExecute' when `tolerationSeconds` is set");
      }
      switch (t.operator()) {
        case Toleration.EQUAL, "" -> {
          List<String> msgs = Formats.labelValue(t.value());
          if (!msgs.isEmpty()) {
            e.invalid(
                p + ".operator",
                Render.goQuote(t.value()),
                String.join(";", msgs),
                p + ".value",
                false);
          }
        }
        case Toleration.EXISTS -> {
          if (!t.value().isEmpty()) {
            e.invalid(
                p + ".operator",
                Render.goQuote(t.value()),
                "value must be empty when `operator` is 'Exists'",
                p + ".value",
                false);
          }
        }
        default ->
            e.notSupported(
                p + ".operator",
                Render.jsonString(t.operator()),
                Toleration.EQUAL,
                Toleration.EXISTS);
      }
      if (!t.effect().isEmpty()) {
        switch (t.effect()) {
          case Taint.NO_SCHEDULE, Taint.PREFER_NO_SCHEDULE, Taint.NO_EXECUTE -> {}
          default ->
              e.notSupported(
                  p + ".effect",
                  Render.jsonString(t.effect()),
                  Taint.NO_SCHEDULE,
                  Taint.PREFER_NO_SCHEDULE,
                  Taint.NO_EXECUTE);
        }
      }
    }
  }
}
