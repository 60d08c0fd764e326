package dev.daemonset.core.internal.rules;

import dev.daemonset.api.model.JsonValue;
import dev.daemonset.api.model.PodSpec;
import dev.daemonset.api.model.SecurityContext;
import dev.daemonset.core.internal.validation.Formats;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A container's {@code securityContext}: core's {@code ValidateSecurityContext} (user and group
 * ranges, procMount, seccomp and AppArmor profiles, and the two privilege-escalation
 * contradictions). Windows options are not checked.
 */
final class SecurityRules {
  private SecurityRules() {}

  private static final String ID_RANGE = Formats.inclusiveRange(0, Integer.MAX_VALUE);

  static void container(@Nullable SecurityContext sc, boolean hostUsers, String path, Errors e) {
    if (sc == null) {
      return;
    }
    Long user = sc.runAsUser();
    if (user != null && (user < 0 || user > Integer.MAX_VALUE)) {
      e.invalid(path + ".runAsUser", user.toString(), ID_RANGE);
    }
    Views.Security more = Views.Security.of(sc);
    if (more.runAsGroup() instanceof JsonValue.Num n) {
      long g = n.decimal().longValue();
      if (g < 0 || g > Integer.MAX_VALUE) {
        e.invalid(path + ".runAsGroup", Long.toString(g), ID_RANGE);
      }
    }
    String procMount = str(more.procMount());
    if (more.procMountSet()) {
      if (!procMount.equals("Default") && !procMount.equals("Unmasked")) {
        e.notSupported(path + ".procMount", Render.jsonString(procMount), "Default", "Unmasked");
      }
      if (procMount.equals("Unmasked") && hostUsers) {
        e.invalid(
            path + ".procMount",
            Render.jsonString(procMount),
            "`hostUsers` must be false to use `Unmasked`");
      }
    }
    profile(more.seccompProfile(), path + ".seccompProfile", "seccomp", e);
    if (Boolean.FALSE.equals(sc.allowPrivilegeEscalation())) {
      if (Boolean.TRUE.equals(sc.privileged())) {
        e.invalid(
            path,
            json(sc),
            "cannot set `allowPrivilegeEscalation` to false and `privileged` to true");
      }
      for (String cap : sc.capabilitiesAdd()) {
        if (cap.equals("CAP_SYS_ADMIN")) {
          e.invalid(
              path,
              json(sc),
              "cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN");
        }
      }
    }
    profile(more.appArmorProfile(), path + ".appArmorProfile", "AppArmor", e);
  }

  /**
   * The pod's {@code securityContext} ({@code validatePodSpecSecurityContext}) without sysctls,
   * Windows options and the SELinux change policy.
   */
  static void pod(
      @Nullable JsonValue sc,
      boolean hostPid,
      @Nullable JsonValue shareProcessNamespace,
      String specPath,
      Errors e) {
    String path = specPath + ".securityContext";
    Map<String, JsonValue> o = sc == null ? Map.of() : sc.members();
    for (String id : List.of("fsGroup", "runAsUser", "runAsGroup")) {
      if (o.get(id) instanceof JsonValue.Num n && outOfIdRange(n)) {
        e.invalid(path + "." + id, n.toString(), ID_RANGE);
      }
    }
    List<JsonValue> groups = o.getOrDefault("supplementalGroups", JsonValue.NULL).elements();
    for (int i = 0; i < groups.size(); i++) {
      if (groups.get(i) instanceof JsonValue.Num n && outOfIdRange(n)) {
        e.invalid(path + ".supplementalGroups[" + i + "]", n.toString(), ID_RANGE);
      }
    }
    if (hostPid && shareProcessNamespace instanceof JsonValue.Bool b && b.value()) {
      e.invalid(
          specPath + ".shareProcessNamespace",
          "true",
          "ShareProcessNamespace and HostPID cannot both be enabled");
    }
    oneOf(o, "fsGroupChangePolicy", path, e, "Always", "OnRootMismatch");
    profile(o.get("seccompProfile"), path + ".seccompProfile", "seccomp", e);
    profile(o.get("appArmorProfile"), path + ".appArmorProfile", "AppArmor", e);
    oneOf(o, "supplementalGroupsPolicy", path, e, "Merge", "Strict");
  }

  /**
   * {@code validateHostUsers}: a pod in its own user namespace ({@code hostUsers: false}) shares no
   * host namespace. As a default 1.35 server has it: the {@code UserNamespacesHostNetworkSupport}
   * gate (alpha) is off, so {@code hostNetwork} is refused too. Upstream names the internal fields
   * for PID and IPC ({@code HostPID}, {@code HostIPC}); the finding points at the written field.
   * The {@code volumeDevices} check of later releases is not made.
   */
  static void hostUsers(PodSpec s, Views.Pod pod, String specPath, Errors e) {
    if (pod.hostUsers()) {
      return;
    }
    String detail = "when `hostUsers` is false";
    if (s.hostNetwork()) {
      e.forbidden(specPath + ".hostNetwork", detail);
    }
    if (s.hostPID()) {
      e.forbidden(specPath + ".HostPID", detail, specPath + ".hostPID");
    }
    if (pod.hostIPC()) {
      e.forbidden(specPath + ".HostIPC", detail, specPath + ".hostIPC");
    }
  }

  private static boolean outOfIdRange(JsonValue.Num n) {
    return n.decimal().signum() < 0
        || n.decimal().compareTo(java.math.BigDecimal.valueOf(Integer.MAX_VALUE)) > 0;
  }

  private static void oneOf(
      Map<String, JsonValue> o, String field, String path, Errors e, String... valid) {
    JsonValue v = o.get(field);
    if (v != null && v.kind() != JsonValue.Kind.NULL && !List.of(valid).contains(str(v))) {
      e.notSupported(path + "." + field, Render.jsonString(str(v)), valid);
    }
  }

  private static final List<String> PROFILE_TYPES =
      List.of("Localhost", "RuntimeDefault", "Unconfined");

  /** {@code validateSeccompProfileField} or {@code ValidateAppArmorProfileField}. */
  private static void profile(@Nullable JsonValue p, String path, String what, Errors e) {
    if (p == null || p.kind() != JsonValue.Kind.OBJECT) {
      return;
    }
    if (what.equals("seccomp")) {
      seccompProfile(p, path, e);
    } else {
      appArmorProfile(p, path, e);
    }
  }

  /**
   * {@code validateSeccompProfileField}: the type first; then a Localhost profile names a relative,
   * descending path, and any other type (even an unknown one) names none.
   */
  private static void seccompProfile(JsonValue p, String path, Errors e) {
    String type = str(p.members().get("type"));
    JsonValue local = p.members().get("localhostProfile");
    boolean hasLocal = local != null && local.kind() != JsonValue.Kind.NULL;
    if (type.isEmpty()) {
      e.required(path + ".type", "type is required when seccompProfile is set");
    } else if (!PROFILE_TYPES.contains(type)) {
      e.notSupported(path + ".type", Render.jsonString(type), PROFILE_TYPES.toArray(String[]::new));
    }
    String lp = path + ".localhostProfile";
    if (type.equals("Localhost")) {
      if (!hasLocal) {
        e.required(lp, "must be set when seccomp type is Localhost");
      } else {
        VolumeRules.localDescendingPath(str(local), lp, lp, e);
      }
    } else if (hasLocal) {
      e.invalid(lp, profileJson(p), "can only be set when seccomp type is Localhost");
    }
  }

  private static final int MAX_LOCALHOST_PROFILE_BYTES = 4095;

  /**
   * {@code ValidateAppArmorProfileField}: a Localhost profile is named, unpadded and at most 4095
   * bytes; the other two types name none; the type is one of three.
   */
  private static void appArmorProfile(JsonValue p, String path, Errors e) {
    String type = str(p.members().get("type"));
    JsonValue local = p.members().get("localhostProfile");
    boolean hasLocal = local != null && local.kind() != JsonValue.Kind.NULL;
    String lp = path + ".localhostProfile";
    switch (type) {
      case "Localhost" -> {
        if (!hasLocal) {
          e.required(lp, "must be set when AppArmor type is Localhost");
          return;
        }
        String raw = str(local);
        if (!raw.strip().equals(raw)) {
          e.invalid(lp, Render.goQuote(raw), "must not be padded with whitespace");
        } else if (raw.isEmpty()) {
          e.required(lp, "must be set when AppArmor type is Localhost");
        }
        if (raw.getBytes(StandardCharsets.UTF_8).length > MAX_LOCALHOST_PROFILE_BYTES) {
          e.add(
              ErrorType.TOO_LONG,
              lp,
              ErrorType.TOO_LONG.label()
                  + ": may not be longer than "
                  + MAX_LOCALHOST_PROFILE_BYTES,
              lp,
              false);
        }
      }
      case "RuntimeDefault", "Unconfined" -> {
        if (hasLocal) {
          e.invalid(
              lp, Render.goQuote(str(local)), "can only be set when AppArmor type is Localhost");
        }
      }
      case "" -> e.required(path + ".type", "type is required when appArmorProfile is set");
      default ->
          e.notSupported(
              path + ".type", Render.jsonString(type), PROFILE_TYPES.toArray(String[]::new));
    }
  }

  private static String str(@Nullable JsonValue v) {
    return v == null ? "" : v.asString().orElse("");
  }

  private static String nullable(@Nullable Object v) {
    return v == null ? "null" : v.toString();
  }

  private static String stringOrNull(@Nullable JsonValue v) {
    return v == null || v.kind() == JsonValue.Kind.NULL ? "null" : Render.jsonString(str(v));
  }

  /** A profile as Go's encoder writes the internal struct (no JSON tags: Go field names). */
  private static String profileJson(JsonValue p) {
    return "{\"Type\":"
        + Render.jsonString(str(p.members().get("type")))
        + ",\"LocalhostProfile\":"
        + stringOrNull(p.members().get("localhostProfile"))
        + "}";
  }

  private static String structJson(@Nullable JsonValue v, Map<String, String> goNames) {
    if (v == null || v.kind() != JsonValue.Kind.OBJECT) {
      return "null";
    }
    List<String> parts = new ArrayList<>();
    goNames.forEach(
        (json, go) -> {
          JsonValue f = v.members().get(json);
          String rendered =
              f == null || f.kind() == JsonValue.Kind.NULL
                  ? (go.startsWith("*") ? "null" : "\"\"")
                  : f.kind() == JsonValue.Kind.STRING ? Render.jsonString(str(f)) : Render.json(f);
          parts.add("\"" + go.replace("*", "") + "\":" + rendered);
        });
    return "{" + String.join(",", parts) + "}";
  }

  private static String list(List<String> values) {
    return values.isEmpty() ? "null" : Render.json(values);
  }

  /**
   * The whole internal {@code core.SecurityContext}, as the API server prints it as a bad value.
   */
  static String json(SecurityContext sc) {
    Views.Security o = Views.Security.of(sc);
    JsonValue runAsGroup = o.runAsGroup();
    String caps =
        sc.capabilitiesAdd().isEmpty() && sc.capabilitiesDrop().isEmpty()
            ? "null"
            : "{\"Add\":"
                + list(sc.capabilitiesAdd())
                + ",\"Drop\":"
                + list(sc.capabilitiesDrop())
                + "}";
    Map<String, String> selinux = new java.util.LinkedHashMap<>();
    selinux.put("user", "User");
    selinux.put("role", "Role");
    selinux.put("type", "Type");
    selinux.put("level", "Level");
    Map<String, String> windows = new java.util.LinkedHashMap<>();
    windows.put("gmsaCredentialSpecName", "*GMSACredentialSpecName");
    windows.put("gmsaCredentialSpec", "*GMSACredentialSpec");
    windows.put("runAsUserName", "*RunAsUserName");
    windows.put("hostProcess", "*HostProcess");
    Map<String, String> profile = new java.util.LinkedHashMap<>();
    profile.put("type", "Type");
    profile.put("localhostProfile", "*LocalhostProfile");
    return "{\"Capabilities\":"
        + caps
        + ",\"Privileged\":"
        + nullable(sc.privileged())
        + ",\"SELinuxOptions\":"
        + structJson(o.seLinuxOptions(), selinux)
        + ",\"WindowsOptions\":"
        + structJson(o.windowsOptions(), windows)
        + ",\"RunAsUser\":"
        + nullable(sc.runAsUser())
        + ",\"RunAsGroup\":"
        + (runAsGroup == null ? "null" : Render.json(runAsGroup))
        + ",\"RunAsNonRoot\":"
        + nullable(sc.runAsNonRoot())
        + ",\"ReadOnlyRootFilesystem\":"
        + nullable(sc.readOnlyRootFilesystem())
        + ",\"AllowPrivilegeEscalation\":"
        + nullable(sc.allowPrivilegeEscalation())
        + ",\"ProcMount\":"
        + stringOrNull(o.procMount())
        + ",\"SeccompProfile\":"
        + structJson(o.seccompProfile(), profile)
        + ",\"AppArmorProfile\":"
        + structJson(o.appArmorProfile(), profile)
        + "}";
  }
}
