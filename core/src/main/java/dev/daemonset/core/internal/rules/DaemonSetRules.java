package dev.daemonset.core.internal.rules;

import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.model.DaemonSetSpec;
import dev.daemonset.api.model.DaemonSetStatus;
import dev.daemonset.api.model.DaemonSetUpdateStrategy;
import dev.daemonset.api.model.IntOrString;
import dev.daemonset.api.model.LabelSelector;
import dev.daemonset.api.model.LabelSelector.LabelSelectorRequirement;
import dev.daemonset.api.model.NodeSelectorRequirement;
import dev.daemonset.api.model.PodSpec;
import dev.daemonset.api.model.PodTemplateSpec;
import dev.daemonset.api.model.RollingUpdateDaemonSet;
import dev.daemonset.core.internal.intstr.IntStr;
import dev.daemonset.core.internal.labels.Selector;
import dev.daemonset.core.internal.validation.Formats;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * apps validation of a DaemonSet: {@code ValidateDaemonSet}, {@code ValidateDaemonSetSpec}, {@code
 * ValidateDaemonSetUpdateStrategy}, {@code ValidateDaemonSetUpdate} and {@code
 * ValidateDaemonSetStatusUpdate} (rules R14–R21, R51–R74), in upstream's order.
 */
final class DaemonSetRules {
  private DaemonSetRules() {}

  /** {@code ValidateDaemonSet}: metadata, then the spec. */
  static List<FieldError> create(DaemonSet ds) {
    Errors e = new Errors();
    MetaRules.objectMeta(ds.metadata(), "metadata", e);
    spec(ds, e);
    return e.list();
  }

  /**
   * What an update request is checked against: {@code ValidateDaemonSet(new)} followed by {@code
   * ValidateDaemonSetUpdate(new, old)}.
   */
  static List<FieldError> update(DaemonSet old, DaemonSet now) {
    Errors e = new Errors();
    MetaRules.objectMeta(now.metadata(), "metadata", e);
    spec(now, e);
    MetaRules.objectMetaUpdate(now.metadata(), old.metadata(), "metadata", e);
    specUpdate(now, old, e);
    spec(now, e);
    return e.list();
  }

  /** {@code ValidateDaemonSetStatusUpdate}. */
  static List<FieldError> statusUpdate(DaemonSet old, DaemonSet now) {
    Errors e = new Errors();
    MetaRules.objectMetaUpdate(now.metadata(), old.metadata(), "metadata", e);
    DaemonSetStatus s = now.status();
    e.nonNegative(s.currentNumberScheduled(), "status.currentNumberScheduled");
    e.nonNegative(s.numberMisscheduled(), "status.numberMisscheduled");
    e.nonNegative(s.desiredNumberScheduled(), "status.desiredNumberScheduled");
    e.nonNegative(s.numberReady(), "status.numberReady");
    e.nonNegative(s.observedGeneration(), "status.observedGeneration");
    e.nonNegative(s.updatedNumberScheduled(), "status.updatedNumberScheduled");
    e.nonNegative(s.numberAvailable(), "status.numberAvailable");
    e.nonNegative(s.numberUnavailable(), "status.numberUnavailable");
    if (s.collisionCount() != null) {
      e.nonNegative(s.collisionCount(), "status.collisionCount");
    }
    Integer before = old.status().collisionCount();
    Integer after = s.collisionCount();
    if (before != null && (after == null || after < before)) {
      e.invalid(
          "status.collisionCount",
          Integer.toString(after == null ? 0 : after),
          "cannot be decremented");
    }
    return e.list();
  }

  private static long templateGeneration(DaemonSet ds) {
    return ds.templateGeneration().orElse(0);
  }

  /** {@code ValidateDaemonSetSpec}. */
  private static void spec(DaemonSet ds, Errors e) {
    DaemonSetSpec spec = ds.spec();
    LabelSelector selector = spec.selector();
    int before = e.size();
    selector(selector, "spec.selector", e);
    boolean converts = e.size() == before;
    Map<String, String> labels = spec.template().metadata().labels();
    if (converts && !matches(selector, labels)) {
      // an absent map is Go's nil map, which JSON renders as null
      e.invalid(
          "spec.template.metadata.labels",
          labels.isEmpty() ? "null" : Render.json(labels),
          "`selector` does not match template `labels`");
    }
    if (selector != null && selector.isEmpty()) {
      e.invalid("spec.selector", selectorJson(selector), "empty selector is invalid for daemonset");
    }
    PodRules.template(spec.template(), "spec.template", e);
    String restart = spec.template().spec().restartPolicy();
    if (!PodSpec.RESTART_ALWAYS.equals(restart)) {
      e.notSupported(
          "spec.template.spec.restartPolicy", Render.jsonString(restart), PodSpec.RESTART_ALWAYS);
    }
    if (spec.template().spec().activeDeadlineSeconds() != null) {
      e.forbidden(
          "spec.template.spec.activeDeadlineSeconds",
          "activeDeadlineSeconds in DaemonSet is not Supported");
    }
    e.nonNegative(spec.minReadySeconds(), "spec.minReadySeconds");
    if (templateGeneration(ds) < 0) {
      e.invalid(
          "spec.templateGeneration",
          Long.toString(templateGeneration(ds)),
          Formats.NEGATIVE,
          "metadata.annotations[" + DaemonSet.TEMPLATE_GENERATION_ANNOTATION + "]",
          false);
    }
    strategy(spec.updateStrategy(), "spec.updateStrategy", e);
    if (spec.revisionHistoryLimit() != null) {
      e.nonNegative(spec.revisionHistoryLimit(), "spec.revisionHistoryLimit");
    }
  }

  /** {@code ValidateLabelSelector} (R14–R19). */
  static void selector(@Nullable LabelSelector s, String path, Errors e) {
    if (s == null) {
      return;
    }
    MetaRules.labels(s.matchLabels(), path + ".matchLabels", path + ".matchLabels", e);
    for (int i = 0; i < s.matchExpressions().size(); i++) {
      LabelSelectorRequirement r = s.matchExpressions().get(i);
      String p = path + ".matchExpressions[" + i + "]";
      requirement(r.key(), r.operator(), r.values(), false, p, e);
    }
  }

  /**
   * One selector requirement ({@code ValidateLabelSelectorRequirement}, or with {@code node} the
   * node-affinity {@code ValidateNodeSelectorRequirement}, which also knows {@code Gt}/{@code Lt}).
   */
  static void requirement(
      String key, String operator, List<String> values, boolean node, String p, Errors e) {
    switch (operator) {
      case NodeSelectorRequirement.IN, NodeSelectorRequirement.NOT_IN -> {
        if (values.isEmpty()) {
          e.required(p + ".values", "must be specified when `operator` is 'In' or 'NotIn'");
        }
      }
      case NodeSelectorRequirement.EXISTS, NodeSelectorRequirement.DOES_NOT_EXIST -> {
        if (!values.isEmpty()) {
          e.forbidden(
              p + ".values", "may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
        }
      }
      case NodeSelectorRequirement.GT, NodeSelectorRequirement.LT -> {
        if (!node) {
          e.invalid(p + ".operator", Render.jsonString(operator), "not a valid selector operator");
        } else if (values.size() != 1) {
          e.required(
              p + ".values", "must be specified single value when `operator` is 'Lt' or 'Gt'");
        }
      }
      default ->
          e.invalid(p + ".operator", Render.jsonString(operator), "not a valid selector operator");
    }
    e.eachInvalid(p + ".key", key, Formats.qualifiedName(key));
    for (int j = 0; j < values.size(); j++) {
      e.eachInvalid(p + ".values[" + j + "]", values.get(j), Formats.labelValue(values.get(j)));
    }
  }

  /**
   * Label-selector semantics of a selector that converted cleanly: null matches nothing, empty
   * everything.
   */
  static boolean matches(@Nullable LabelSelector s, Map<String, String> labels) {
    return Selector.of(s).matches(labels);
  }

  /** A LabelSelector as Go's JSON encoder writes the metav1 struct (omitempty fields). */
  static String selectorJson(LabelSelector s) {
    List<String> parts = new ArrayList<>();
    if (!s.matchLabels().isEmpty()) {
      parts.add("\"matchLabels\":" + Render.json(s.matchLabels()));
    }
    if (!s.matchExpressions().isEmpty()) {
      List<String> exprs = new ArrayList<>();
      for (LabelSelectorRequirement r : s.matchExpressions()) {
        exprs.add(
            "{\"key\":"
                + Render.jsonString(r.key())
                + ",\"operator\":"
                + Render.jsonString(r.operator())
                + (r.values().isEmpty() ? "" : ",\"values\":" + Render.json(r.values()))
                + "}");
      }
      parts.add("\"matchExpressions\":[" + String.join(",", exprs) + "]");
    }
    return "{" + String.join(",", parts) + "}";
  }

  /**
   * {@code ValidateDaemonSetUpdateStrategy} and {@code ValidateRollingUpdateDaemonSet} (R56–R63).
   */
  private static void strategy(DaemonSetUpdateStrategy s, String path, Errors e) {
    switch (s.type()) {
      case DaemonSetUpdateStrategy.ON_DELETE -> {}
      case DaemonSetUpdateStrategy.ROLLING_UPDATE -> {
        RollingUpdateDaemonSet ru = s.rollingUpdate();
        if (ru == null) {
          e.required(path + ".rollingUpdate", "");
          return;
        }
        IntOrString unavailable =
            ru.maxUnavailable() == null ? IntOrString.of(0) : ru.maxUnavailable();
        IntOrString surge = ru.maxSurge() == null ? IntOrString.of(0) : ru.maxSurge();
        String pu = path + ".rollingUpdate.maxUnavailable";
        String ps = path + ".rollingUpdate.maxSurge";
        positiveIntOrPercent(unavailable, pu, e);
        positiveIntOrPercent(surge, ps, e);
        notMoreThan100Percent(unavailable, pu, e);
        notMoreThan100Percent(surge, ps, e);
        boolean hasUnavailable = IntStr.intOrPercentValue(unavailable) != 0;
        boolean hasSurge = IntStr.intOrPercentValue(surge) != 0;
        if (hasUnavailable && hasSurge) {
          e.invalid(ps, Render.json(surge), "may not be set when maxUnavailable is non-zero");
        } else if (!hasUnavailable && !hasSurge) {
          e.required(pu, "cannot be 0 when maxSurge is 0");
        }
      }
      default ->
          e.notSupported(
              path,
              strategyJson(s),
              DaemonSetUpdateStrategy.ROLLING_UPDATE,
              DaemonSetUpdateStrategy.ON_DELETE);
    }
  }

  private static String strategyJson(DaemonSetUpdateStrategy s) {
    RollingUpdateDaemonSet ru = s.rollingUpdate();
    String rolling =
        ru == null
            ? "null"
            : "{\"MaxUnavailable\":"
                + (ru.maxUnavailable() == null ? "0" : Render.json(ru.maxUnavailable()))
                + ",\"MaxSurge\":"
                + (ru.maxSurge() == null ? "0" : Render.json(ru.maxSurge()))
                + "}";
    return "{\"Type\":" + Render.jsonString(s.type()) + ",\"RollingUpdate\":" + rolling + "}";
  }

  /** {@code ValidatePositiveIntOrPercent}. */
  static void positiveIntOrPercent(IntOrString v, String path, Errors e) {
    for (String msg : Formats.intOrPercent(v)) {
      e.invalid(path, Render.json(v), msg);
    }
  }

  /** {@code IsNotMoreThan100Percent}. */
  static void notMoreThan100Percent(IntOrString v, String path, Errors e) {
    OptionalInt percent = IntStr.percentValue(v);
    if (percent.isPresent() && percent.getAsInt() > 100) {
      e.invalid(path, Render.json(v), "must not be greater than 100%");
    }
  }

  /** {@code ValidateDaemonSetSpecUpdate} (R68–R71). */
  private static void specUpdate(DaemonSet now, DaemonSet old, Errors e) {
    // The registry's PrepareForUpdate runs first: a changed template gets the stored generation
    // plus one; otherwise the generation stays as sent (an absent annotation carries the stored one
    // over, as kubectl's patch does). So R69 cannot fire through the API, and R68/R70 only when the
    // annotation was edited without a template change.
    long og = templateGeneration(old);
    boolean changed = !sameTemplate(now.spec().template(), old.spec().template());
    long g = changed ? og + 1 : now.templateGeneration().orElse(og);
    String locate = "metadata.annotations[" + DaemonSet.TEMPLATE_GENERATION_ANNOTATION + "]";
    if (g < og) {
      e.invalid(
          "spec.templateGeneration", Long.toString(g), "must not be decremented", locate, false);
    }
    if (g == og && changed) {
      e.invalid(
          "spec.templateGeneration",
          Long.toString(g),
          "must be incremented upon template update",
          locate,
          false);
    }
    if (g > og && !changed) {
      e.invalid(
          "spec.templateGeneration",
          Long.toString(g),
          "must not be incremented without template update",
          locate,
          false);
    }
    LabelSelector ns = now.spec().selector();
    if (!Objects.equals(ns, old.spec().selector())) {
      e.invalid("spec.selector", ns == null ? "null" : selectorJson(ns), Formats.IMMUTABLE);
    }
  }

  /**
   * Semantic equality of templates: the records already treat absent and empty collections alike.
   */
  private static boolean sameTemplate(PodTemplateSpec a, PodTemplateSpec b) {
    return a.equals(b);
  }
}
