package dev.daemonset.core.internal.rules;

import dev.daemonset.api.model.Container;
import dev.daemonset.api.model.HttpGetAction;
import dev.daemonset.api.model.JsonValue;
import dev.daemonset.api.model.PodSpec;
import dev.daemonset.api.model.Probe;
import dev.daemonset.api.model.SecurityContext;
import dev.daemonset.api.model.VolumeMount;
import dev.daemonset.core.internal.intstr.IntStr;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Typed views of the fields the model keeps as raw JSON ({@code other()}): each view reads its
 * object once, by name, so the rules ask for {@code pod.dnsConfig()} instead of looking a string up
 * in a map. A field that is absent or JSON {@code null} reads as {@code null} (objects), {@code ""}
 * (strings) or an empty list.
 */
final class Views {
  private Views() {}

  /** The text of a JSON string; {@code ""} for anything else, absent included. */
  static String string(@Nullable JsonValue v) {
    return v == null ? "" : v.asString().orElse("");
  }

  /** Set to something other than JSON {@code null}. */
  static boolean present(@Nullable JsonValue v) {
    return v != null && v.kind() != JsonValue.Kind.NULL;
  }

  /** The elements of the array {@code key} of {@code m}; empty if absent or not an array. */
  static List<JsonValue> list(Map<String, JsonValue> m, String key) {
    return m.getOrDefault(key, JsonValue.NULL).elements();
  }

  private static @Nullable JsonValue presentOrNull(@Nullable JsonValue v) {
    return present(v) ? v : null;
  }

  /**
   * The pod-spec fields outside the typed model.
   *
   * @param securityContext the pod's {@code securityContext}, as written (may be JSON null)
   * @param shareProcessNamespace as written
   * @param dnsConfig {@code null} when absent or JSON null
   * @param hostUsers {@code hostUsers}, true unless a boolean {@code false}
   * @param preemptionPolicy {@code null} when absent or JSON null
   * @param osName the {@code os.name} text, {@code null} when {@code os} is absent or JSON null
   */
  record Pod(
      @Nullable JsonValue securityContext,
      @Nullable JsonValue shareProcessNamespace,
      @Nullable JsonValue dnsConfig,
      List<JsonValue> topologySpreadConstraints,
      List<JsonValue> readinessGates,
      List<JsonValue> schedulingGates,
      List<JsonValue> hostAliases,
      List<JsonValue> ephemeralContainers,
      String hostname,
      String subdomain,
      boolean hostIPC,
      String runtimeClassName,
      @Nullable String preemptionPolicy,
      @Nullable String osName,
      boolean hostUsers) {

    static Pod of(PodSpec s) {
      Map<String, JsonValue> o = s.other();
      JsonValue preemption = o.get("preemptionPolicy");
      JsonValue os = presentOrNull(o.get("os"));
      return new Pod(
          o.get("securityContext"),
          o.get("shareProcessNamespace"),
          presentOrNull(o.get("dnsConfig")),
          list(o, "topologySpreadConstraints"),
          list(o, "readinessGates"),
          list(o, "schedulingGates"),
          list(o, "hostAliases"),
          list(o, "ephemeralContainers"),
          string(o.get("hostname")),
          string(o.get("subdomain")),
          o.get("hostIPC") instanceof JsonValue.Bool ipc && ipc.value(),
          string(o.get("runtimeClassName")),
          present(preemption) ? string(preemption) : null,
          os == null ? null : string(os.members().get("name")),
          !(o.get("hostUsers") instanceof JsonValue.Bool b) || b.value());
    }
  }

  /**
   * The affinity fields outside the typed model.
   *
   * @param podAffinity as written, {@code null} when absent
   * @param podAntiAffinity as written, {@code null} when absent
   */
  record Affinity(@Nullable JsonValue podAffinity, @Nullable JsonValue podAntiAffinity) {
    static Affinity of(dev.daemonset.api.model.Affinity a) {
      return new Affinity(a.other().get("podAffinity"), a.other().get("podAntiAffinity"));
    }
  }

  /**
   * The container fields outside the typed model.
   *
   * @param lifecycle {@code null} when absent or JSON null
   * @param envFrom the {@code envFrom} sources
   */
  record ContainerExtras(@Nullable JsonValue lifecycle, List<JsonValue> envFrom) {
    static ContainerExtras of(Container c) {
      return new ContainerExtras(
          presentOrNull(c.other().get("lifecycle")), list(c.other(), "envFrom"));
    }
  }

  /**
   * The container {@code securityContext} fields outside the typed model, each as written ({@code
   * null} when absent, possibly JSON null); {@code procMountSet} tells a {@code procMount} set to a
   * value from one left out or written as null (a nil pointer upstream, which is not checked).
   */
  record Security(
      @Nullable JsonValue runAsGroup,
      boolean procMountSet,
      @Nullable JsonValue procMount,
      @Nullable JsonValue seccompProfile,
      @Nullable JsonValue appArmorProfile,
      @Nullable JsonValue seLinuxOptions,
      @Nullable JsonValue windowsOptions) {
    static Security of(SecurityContext sc) {
      Map<String, JsonValue> o = sc.other();
      return new Security(
          o.get("runAsGroup"),
          present(o.get("procMount")), // upstream checks it only when set: null is not set
          o.get("procMount"),
          o.get("seccompProfile"),
          o.get("appArmorProfile"),
          o.get("seLinuxOptions"),
          o.get("windowsOptions"));
    }
  }

  /**
   * The volume-mount fields outside the typed model; {@code propagationSet} and {@code
   * recursiveReadOnlySet} tell a field written (even as null) from one left out.
   */
  record Mount(
      String subPath,
      String subPathExpr,
      boolean propagationSet,
      String propagation,
      boolean recursiveReadOnlySet,
      String recursiveReadOnly) {
    static Mount of(VolumeMount m) {
      Map<String, JsonValue> o = m.other();
      return new Mount(
          string(o.get("subPath")),
          string(o.get("subPathExpr")),
          o.containsKey("mountPropagation"),
          string(o.get("mountPropagation")),
          o.containsKey("recursiveReadOnly"),
          string(o.get("recursiveReadOnly")));
    }
  }

  /**
   * A probe's or lifecycle hook's handler: each of the five kinds {@code null} when not set (the
   * JSON ones may be JSON null, which counts as not set).
   */
  record Handler(
      @Nullable JsonValue exec,
      @Nullable HttpGetAction httpGet,
      @Nullable JsonValue tcpSocket,
      @Nullable JsonValue grpc,
      @Nullable JsonValue sleep) {

    static Handler of(Probe p) {
      return new Handler(p.exec(), p.httpGet(), p.tcpSocket(), p.grpc(), null);
    }

    /** A lifecycle hook ({@code postStart}, {@code preStop}): no grpc. */
    static Handler ofHook(JsonValue hook) {
      Map<String, JsonValue> m = hook.members();
      return new Handler(
          m.get("exec"), httpGet(m.get("httpGet")), m.get("tcpSocket"), null, m.get("sleep"));
    }

    private static @Nullable HttpGetAction httpGet(@Nullable JsonValue v) {
      if (v == null || !present(v)) {
        return null;
      }
      Map<String, JsonValue> m = v.members();
      return new HttpGetAction(
          m.getOrDefault("path", JsonValue.of("/")).asString().orElse(""),
          IntStr.fromJson(m.get("port")),
          m.getOrDefault("host", JsonValue.of("")).asString().orElse(""),
          m.getOrDefault("scheme", JsonValue.of("HTTP")).asString().orElse(""),
          Map.of());
    }
  }

  /**
   * A pod's {@code dnsConfig}.
   *
   * @param nameservers each as its text
   * @param searches each as its text
   * @param optionNames the {@code name} of each option
   */
  record DnsConfig(List<String> nameservers, List<String> searches, List<String> optionNames) {
    static DnsConfig of(JsonValue config) {
      Map<String, JsonValue> m = config.members();
      return new DnsConfig(
          list(m, "nameservers").stream().map(Views::string).toList(),
          list(m, "searches").stream().map(Views::string).toList(),
          list(m, "options").stream().map(o -> string(o.members().get("name"))).toList());
    }
  }
}
