package dev.daemonset.core.defaults;

import static java.util.Objects.requireNonNull;

import dev.daemonset.api.model.JsonValue;
import dev.daemonset.api.model.Container;
import dev.daemonset.api.model.ContainerPort;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.model.DaemonSetSpec;
import dev.daemonset.api.model.DaemonSetUpdateStrategy;
import dev.daemonset.api.model.EnvVar;
import dev.daemonset.api.model.HttpGetAction;
import dev.daemonset.api.model.IntOrString;
import dev.daemonset.api.model.PodSpec;
import dev.daemonset.api.model.Probe;
import dev.daemonset.api.model.RollingUpdateDaemonSet;
import dev.daemonset.api.model.Volume;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The defaults the API server applies to an apps/v1 DaemonSet before validating it (D1–D14 of the
 * validation notes): update strategy {@code RollingUpdate} with maxUnavailable 1 and maxSurge 0,
 * revisionHistoryLimit 10, and the pod-template defaults validation depends on (dnsPolicy,
 * restartPolicy, terminationGracePeriodSeconds, schedulerName, securityContext, image pull policy
 * by tag, termination message path and policy, port protocol, probe timings and HTTP defaults,
 * downward-API field versions, volume sources and modes).
 *
 * <p>Pure: returns a new object and never changes the one given (records are immutable anyway);
 * a value the user wrote is never replaced. Applying it twice gives the same result as once.
 * Quantities are kept as written (D15, rounding to milli units, changes no validation outcome).
 *
 * <pre>{@code
 * DaemonSet effective = Defaults.defaulted(ds);
 * effective.spec().updateStrategy().type(); // "RollingUpdate" when none was written
 * }</pre>
 */
public final class Defaults {
  private Defaults() {}

  private static final JsonValue MODE_0644 = JsonValue.of(0644);

  /** {@code ds} with every API-server default applied. */
  public static DaemonSet defaulted(DaemonSet ds) {
    requireNonNull(ds, "ds");
    DaemonSetSpec spec = ds.spec();
    DaemonSetUpdateStrategy strategy = strategy(spec.updateStrategy());
    Integer history = spec.revisionHistoryLimit() == null ? Integer.valueOf(10) : spec.revisionHistoryLimit();
    DaemonSetSpec newSpec = spec.withUpdateStrategy(strategy)
        .withRevisionHistoryLimit(history)
        .withTemplate(spec.template().withSpec(podSpec(spec.template().spec())));
    return ds.withSpec(newSpec);
  }

  /** D1–D4. */
  private static DaemonSetUpdateStrategy strategy(DaemonSetUpdateStrategy s) {
    String type = s.type().isEmpty() ? DaemonSetUpdateStrategy.ROLLING_UPDATE : s.type();
    if (!type.equals(DaemonSetUpdateStrategy.ROLLING_UPDATE)) {
      return new DaemonSetUpdateStrategy(type, s.rollingUpdate());
    }
    RollingUpdateDaemonSet ru = s.rollingUpdate() == null ? new RollingUpdateDaemonSet(null, null) : s.rollingUpdate();
    IntOrString unavailable = ru.maxUnavailable() == null ? IntOrString.of(1) : ru.maxUnavailable();
    IntOrString surge = ru.maxSurge() == null ? IntOrString.of(0) : ru.maxSurge();
    return new DaemonSetUpdateStrategy(type, new RollingUpdateDaemonSet(unavailable, surge));
  }

  /** D6–D14 on a pod spec. */
  static PodSpec podSpec(PodSpec s) {
    Map<String, JsonValue> other = new LinkedHashMap<>(s.other());
    JsonValue securityContext = other.get("securityContext");
    if (securityContext == null || securityContext.kind() == JsonValue.Kind.NULL) {
      other.put("securityContext", new JsonValue.Obj(Map.of()));
    }
    return new PodSpec(
        s.containers().stream().map(Defaults::container).toList(),
        s.initContainers().stream().map(Defaults::container).toList(),
        s.volumes().stream().map(Defaults::volume).toList(),
        s.nodeName(),
        s.nodeSelector(),
        s.affinity(),
        s.tolerations(),
        s.hostNetwork(),
        s.hostPID(),
        or(s.restartPolicy(), "Always"),
        s.terminationGracePeriodSeconds() == null ? Long.valueOf(30) : s.terminationGracePeriodSeconds(),
        s.activeDeadlineSeconds(),
        or(s.dnsPolicy(), "ClusterFirst"),
        s.serviceAccountName(),
        s.priorityClassName(),
        or(s.schedulerName(), "default-scheduler"),
        other);
  }

  private static String or(String value, String fallback) {
    return value.isEmpty() ? fallback : value;
  }

  /** D11–D13 and the env part of D14. */
  static Container container(Container c) {
    return new Container(
        c.name(),
        c.image(),
        c.imagePullPolicy().isEmpty() ? pullPolicy(c.image()) : c.imagePullPolicy(),
        c.ports().stream().map(p -> new ContainerPort(p.name(), p.containerPort(), p.hostPort(),
            or(p.protocol(), "TCP"), p.hostIP())).toList(),
        c.env().stream().map(Defaults::env).toList(),
        c.resources(),
        c.volumeMounts(),
        probe(c.livenessProbe()),
        probe(c.readinessProbe()),
        probe(c.startupProbe()),
        c.securityContext(),
        c.restartPolicy(),
        or(c.terminationMessagePath(), "/dev/termination-log"),
        or(c.terminationMessagePolicy(), "File"),
        c.other());
  }

  /**
   * {@code Always} when the image has the tag {@code latest}, or neither a tag nor a digest;
   * {@code IfNotPresent} otherwise.
   */
  static String pullPolicy(String image) {
    if (image.contains("@")) {
      return "IfNotPresent";
    }
    int slash = image.lastIndexOf('/');
    int colon = image.lastIndexOf(':');
    if (colon <= slash) {
      return "Always";
    }
    return image.substring(colon + 1).equals("latest") ? "Always" : "IfNotPresent";
  }

  private static EnvVar env(EnvVar e) {
    JsonValue from = e.valueFrom();
    if (from == null) {
      return e;
    }
    JsonValue fieldRef = from.members().get("fieldRef");
    if (fieldRef == null || fieldRef.kind() != JsonValue.Kind.OBJECT || fieldRef.members().containsKey("apiVersion")) {
      return e;
    }
    Map<String, JsonValue> ref = new LinkedHashMap<>();
    ref.put("apiVersion", JsonValue.of("v1"));
    ref.putAll(fieldRef.members());
    Map<String, JsonValue> members = new LinkedHashMap<>(from.members());
    members.put("fieldRef", new JsonValue.Obj(ref));
    return new EnvVar(e.name(), e.value(), new JsonValue.Obj(members));
  }

  private static @org.jspecify.annotations.Nullable Probe probe(@org.jspecify.annotations.Nullable Probe p) {
    if (p == null) {
      return null;
    }
    HttpGetAction http = p.httpGet();
    if (http != null) {
      http = new HttpGetAction(or(http.path(), "/"), http.port(), http.host(), or(http.scheme(), "HTTP"), http.other());
    }
    return new Probe(http, p.exec(), p.tcpSocket(), p.grpc(), p.initialDelaySeconds(),
        p.timeoutSeconds() == 0 ? 1 : p.timeoutSeconds(),
        p.periodSeconds() == 0 ? 10 : p.periodSeconds(),
        p.successThreshold() == 0 ? 1 : p.successThreshold(),
        p.failureThreshold() == 0 ? 3 : p.failureThreshold(),
        p.terminationGracePeriodSeconds(), p.other());
  }

  /** D14: a volume without a source gets {@code emptyDir}; projected-style sources get mode 0644. */
  private static Volume volume(Volume v) {
    Map<String, JsonValue> other = new LinkedHashMap<>(v.other());
    if (other.isEmpty()) {
      other.put("emptyDir", new JsonValue.Obj(Map.of()));
    }
    for (String source : List.of("secret", "configMap", "downwardAPI", "projected")) {
      JsonValue s = other.get(source);
      if (s != null && s.kind() == JsonValue.Kind.OBJECT && !s.members().containsKey("defaultMode")) {
        Map<String, JsonValue> members = new LinkedHashMap<>(s.members());
        members.put("defaultMode", MODE_0644);
        other.put(source, new JsonValue.Obj(members));
      }
    }
    return new Volume(v.name(), other);
  }
}
