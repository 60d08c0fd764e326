package dev.daemonset.core.defaults;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import dev.daemonset.api.model.Container;
import dev.daemonset.api.model.ContainerPort;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.model.DaemonSetSpec;
import dev.daemonset.api.model.DaemonSetUpdateStrategy;
import dev.daemonset.api.model.EnvVar;
import dev.daemonset.api.model.HttpGetAction;
import dev.daemonset.api.model.IntOrString;
import dev.daemonset.api.model.JsonValue;
import dev.daemonset.api.model.PodSpec;
import dev.daemonset.api.model.Probe;
import dev.daemonset.api.model.ResourceRequirements;
import dev.daemonset.api.model.RollingUpdateDaemonSet;
import dev.daemonset.api.model.Volume;
import dev.daemonset.core.internal.image.ImageReference;
import dev.daemonset.core.internal.quantity.Quantity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apiguardian.api.API;

/**
 * The defaults the API server applies to an apps/v1 DaemonSet before validating it (D1–D15 of the
 * validation notes): update strategy {@code RollingUpdate} with maxUnavailable 1 and maxSurge 0,
 * revisionHistoryLimit 10, and the pod-template defaults validation depends on (dnsPolicy,
 * restartPolicy, terminationGracePeriodSeconds, schedulerName, securityContext, image pull policy
 * by tag, termination message path and policy, port protocol, probe timings and HTTP defaults,
 * downward-API field versions, volume sources, modes and the other volume defaults), and resource
 * quantities rewritten to the canonical text the API server stores (D15: {@code cpu: 0.5} becomes
 * {@code 500m}, {@code 1024Mi} becomes {@code 1Gi}), so a defaulted template compares equal to the
 * one a ControllerRevision holds.
 *
 * <p>Pure: returns a new object and never changes the one given (records are immutable anyway); a
 * value the user wrote is never replaced, except that a quantity is rewritten in canonical form
 * (text that is not a quantity is kept as written, for validation to report). Applying it twice
 * gives the same result as once.
 *
 * <pre>{@code
 * DaemonSet effective = Defaults.defaulted(ds);
 * effective.spec().updateStrategy().type(); // "RollingUpdate" when none was written
 * }</pre>
 *
 * @since 0.2
 */
@API(status = STABLE, since = "0.2")
public final class Defaults {
  private Defaults() {}

  private static final JsonValue MODE_0644 = JsonValue.of(0644);

  /** {@code ds} with every API-server default applied. */
  public static DaemonSet defaulted(DaemonSet ds) {
    requireNonNull(ds, "ds");
    DaemonSetSpec spec = ds.spec();
    DaemonSetUpdateStrategy strategy = strategy(spec.updateStrategy());
    Integer history =
        spec.revisionHistoryLimit() == null ? Integer.valueOf(10) : spec.revisionHistoryLimit();
    DaemonSetSpec newSpec =
        spec.withUpdateStrategy(strategy)
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
    RollingUpdateDaemonSet ru =
        s.rollingUpdate() == null ? new RollingUpdateDaemonSet(null, null) : s.rollingUpdate();
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
    if (other.get("overhead") instanceof JsonValue.Obj overhead) {
      other.put("overhead", resourceList(overhead));
    }
    other = Json.editObject(other, "resources", Defaults::resourceRequirements);
    return new PodSpec(
        each(s.containers(), Defaults::container),
        each(s.initContainers(), Defaults::container),
        each(s.volumes(), Defaults::volume),
        s.nodeName(),
        s.nodeSelector(),
        s.affinity(),
        s.tolerations(),
        s.hostNetwork(),
        s.hostPID(),
        or(s.restartPolicy(), PodSpec.RESTART_ALWAYS),
        s.terminationGracePeriodSeconds() == null
            ? Long.valueOf(30)
            : s.terminationGracePeriodSeconds(),
        s.activeDeadlineSeconds(),
        or(s.dnsPolicy(), "ClusterFirst"),
        s.serviceAccountName(),
        s.priorityClassName(),
        or(s.schedulerName(), "default-scheduler"),
        other);
  }

  /**
   * {@code list} with {@code f} applied to each element (a loop: these lists are short, a stream
   * costs more).
   */
  private static <T> List<T> each(List<T> list, UnaryOperator<T> f) {
    List<T> out = new ArrayList<>(list.size());
    for (T t : list) {
      out.add(f.apply(t));
    }
    return out;
  }

  private static String or(String value, String fallback) {
    return value.isEmpty() ? fallback : value;
  }

  /** D11–D13 and the env part of D14. */
  static Container container(Container c) {
    return new Container(
        c.name(),
        c.image(),
        c.imagePullPolicy().isEmpty()
            ? ImageReference.defaultPullPolicy(c.image())
            : c.imagePullPolicy(),
        each(
            c.ports(),
            p ->
                new ContainerPort(
                    p.name(),
                    p.containerPort(),
                    p.hostPort(),
                    or(p.protocol(), "TCP"),
                    p.hostIP())),
        each(c.env(), Defaults::env),
        resources(c.resources()),
        c.volumeMounts(),
        probe(c.livenessProbe()),
        probe(c.readinessProbe()),
        probe(c.startupProbe()),
        c.securityContext(),
        c.restartPolicy(),
        or(c.terminationMessagePath(), "/dev/termination-log"),
        or(c.terminationMessagePolicy(), "File"),
        Json.editObject(
            c.other(),
            "lifecycle",
            lifecycle ->
                Json.editObject(
                    Json.editObject(lifecycle, "postStart", Defaults::handler),
                    "preStop",
                    Defaults::handler)));
  }

  private static EnvVar env(EnvVar e) {
    JsonValue from = e.valueFrom();
    if (!(from instanceof JsonValue.Obj o)) {
      return e;
    }
    return new EnvVar(
        e.name(),
        e.value(),
        new JsonValue.Obj(
            Json.editObject(
                Json.editObject(o.members(), "fieldRef", Defaults::fieldRef),
                "resourceFieldRef",
                Defaults::resourceFieldRef)));
  }

  /** D14: a downward-API field selector reads {@code v1} fields unless it says otherwise. */
  private static Map<String, JsonValue> fieldRef(Map<String, JsonValue> ref) {
    return Json.orDefaultString(ref, "apiVersion", "v1");
  }

  /**
   * A resource field selector's divisor is a quantity that is not a pointer: the server stores it
   * canonical, and stores {@code "0"} when none was written.
   */
  private static Map<String, JsonValue> resourceFieldRef(Map<String, JsonValue> ref) {
    return canonicalMember(Json.orDefault(ref, "divisor", JsonValue.of("0")), "divisor");
  }

  /**
   * {@code members} with the quantity at {@code key} in canonical text (not rounded to milli
   * units); else unchanged.
   */
  private static Map<String, JsonValue> canonicalMember(
      Map<String, JsonValue> members, String key) {
    @org.jspecify.annotations.Nullable String text = quantityText(members.get(key));
    if (text == null || Quantity.parse(text).isEmpty()) {
      return members;
    }
    Map<String, JsonValue> copy = new LinkedHashMap<>(members);
    copy.put(key, JsonValue.of(Quantity.parse(text).orElseThrow().canonical()));
    return copy;
  }

  /** The text of a quantity written as a JSON string or number; {@code null} for anything else. */
  private static @org.jspecify.annotations.Nullable String quantityText(
      @org.jspecify.annotations.Nullable JsonValue value) {
    return value instanceof JsonValue.Str s
        ? s.value()
        : value instanceof JsonValue.Num n ? n.literal() : null;
  }

  /** D15 on a container's requests and limits. */
  private static ResourceRequirements resources(ResourceRequirements r) {
    return new ResourceRequirements(canonical(r.limits()), canonical(r.requests()), r.other());
  }

  private static Map<String, String> canonical(Map<String, String> quantities) {
    Map<String, String> result = new LinkedHashMap<>();
    quantities.forEach((name, text) -> result.put(name, canonical(text)));
    return result;
  }

  /**
   * The text the API server stores for a quantity of a resource list: rounded up to milli units and
   * printed canonically; text that is not a quantity is kept.
   */
  static String canonical(String quantity) {
    return Quantity.parse(quantity).map(q -> q.roundedUpToMilli().canonical()).orElse(quantity);
  }

  /** D15 on an untyped resource list (pod overhead, pod-level and claim-template resources). */
  private static JsonValue resourceList(JsonValue.Obj list) {
    Map<String, JsonValue> result = new LinkedHashMap<>();
    list.members()
        .forEach(
            (name, value) -> {
              @org.jspecify.annotations.Nullable String text = quantityText(value);
              result.put(
                  name,
                  text != null && Quantity.parse(text).isPresent()
                      ? JsonValue.of(canonical(text))
                      : value);
            });
    return new JsonValue.Obj(result);
  }

  /** D15 on an untyped {@code {limits, requests}} object. */
  private static Map<String, JsonValue> resourceRequirements(Map<String, JsonValue> r) {
    Map<String, JsonValue> result = new LinkedHashMap<>(r);
    for (String key : List.of("limits", "requests")) {
      if (r.get(key) instanceof JsonValue.Obj list) {
        result.put(key, resourceList(list));
      }
    }
    return result;
  }

  /**
   * A lifecycle handler: its HTTP action gets path {@code /} and scheme {@code HTTP}, as a probe's
   * does.
   */
  private static Map<String, JsonValue> handler(Map<String, JsonValue> h) {
    return Json.editObject(
        h,
        "httpGet",
        http -> Json.orDefaultString(Json.orDefaultString(http, "path", "/"), "scheme", "HTTP"));
  }

  private static @org.jspecify.annotations.Nullable Probe probe(
      @org.jspecify.annotations.Nullable Probe p) {
    if (p == null) {
      return null;
    }
    HttpGetAction http = p.httpGet();
    if (http != null) {
      http =
          new HttpGetAction(
              or(http.path(), "/"),
              http.port(),
              http.host(),
              or(http.scheme(), "HTTP"),
              http.other());
    }
    JsonValue grpc =
        p.grpc() instanceof JsonValue.Obj g
            ? new JsonValue.Obj(Json.orDefault(g.members(), "service", JsonValue.of("")))
            : p.grpc();
    return new Probe(
        http,
        p.exec(),
        p.tcpSocket(),
        grpc,
        p.initialDelaySeconds(),
        p.timeoutSeconds() == 0 ? 1 : p.timeoutSeconds(),
        p.periodSeconds() == 0 ? 10 : p.periodSeconds(),
        p.successThreshold() == 0 ? 1 : p.successThreshold(),
        p.failureThreshold() == 0 ? 3 : p.failureThreshold(),
        p.terminationGracePeriodSeconds(),
        p.other());
  }

  /**
   * D14: a volume without a source gets {@code emptyDir}; secret, configMap, downwardAPI and
   * projected sources get mode 0644; downward-API items read {@code v1} fields; a projected
   * service-account token lives 3600 seconds; hostPath type is {@code ""}; an ephemeral claim
   * template is a {@code Filesystem} volume with canonical quantities, as is an emptyDir size
   * limit; and the legacy sources (iscsi, rbd, azureDisk, scaleIO) get their documented defaults.
   */
  private static Volume volume(Volume v) {
    // Copied only where a default changes something (Json's edits copy on change).
    Map<String, JsonValue> other =
        v.other().isEmpty() ? Map.of("emptyDir", new JsonValue.Obj(Map.of())) : v.other();
    for (String source : List.of("secret", "configMap", "downwardAPI", "projected")) {
      other = Json.editObject(other, source, s -> Json.orDefault(s, "defaultMode", MODE_0644));
    }
    other = Json.editObject(other, "downwardAPI", Defaults::downwardApi);
    other =
        Json.editObject(
            other,
            "projected",
            p ->
                Json.editElements(
                    p,
                    "sources",
                    source ->
                        Json.editObject(
                            Json.editObject(source, "downwardAPI", Defaults::downwardApi),
                            "serviceAccountToken",
                            token ->
                                Json.orDefault(token, "expirationSeconds", JsonValue.of(3600)))));
    other = Json.editObject(other, "hostPath", h -> Json.orDefault(h, "type", JsonValue.of("")));
    other = Json.editObject(other, "emptyDir", e -> canonicalMember(e, "sizeLimit"));
    other =
        Json.editObject(
            other,
            "ephemeral",
            e ->
                Json.editObject(
                    e,
                    "volumeClaimTemplate",
                    t ->
                        Json.editObject(
                            t,
                            "spec",
                            spec ->
                                Json.editObject(
                                    Json.orDefault(spec, "volumeMode", JsonValue.of("Filesystem")),
                                    "resources",
                                    Defaults::resourceRequirements))));
    other =
        Json.editObject(
            other, "iscsi", s -> Json.orDefault(s, "iscsiInterface", JsonValue.of("default")));
    other =
        Json.editObject(
            other,
            "rbd",
            s ->
                Json.orDefaults(
                    s,
                    "pool",
                    JsonValue.of("rbd"),
                    "user",
                    JsonValue.of("admin"),
                    "keyring",
                    JsonValue.of("/etc/ceph/keyring")));
    other =
        Json.editObject(
            other,
            "azureDisk",
            s ->
                Json.orDefaults(
                    s,
                    "cachingMode",
                    JsonValue.of("ReadWrite"),
                    "kind",
                    JsonValue.of("Shared"),
                    "fsType",
                    JsonValue.of("ext4"),
                    "readOnly",
                    JsonValue.of(false)));
    other =
        Json.editObject(
            other,
            "scaleIO",
            s ->
                Json.orDefaults(
                    s,
                    "storageMode",
                    JsonValue.of("ThinProvisioned"),
                    "fsType",
                    JsonValue.of("xfs")));
    return new Volume(v.name(), other);
  }

  /**
   * The items of a downward-API volume or projection read {@code v1} fields unless they say
   * otherwise.
   */
  private static Map<String, JsonValue> downwardApi(Map<String, JsonValue> source) {
    return Json.editElements(
        source,
        "items",
        item ->
            Json.editObject(
                Json.editObject(item, "fieldRef", Defaults::fieldRef),
                "resourceFieldRef",
                Defaults::resourceFieldRef));
  }
}
