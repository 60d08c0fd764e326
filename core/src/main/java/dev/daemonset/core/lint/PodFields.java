package dev.daemonset.core.lint;

import dev.daemonset.api.model.JsonValue;
import dev.daemonset.api.model.PodSpec;
import dev.daemonset.api.model.Volume;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The pod fields the model keeps untyped (in {@code other}), read the way policies need them:
 * {@code hostIPC}, the pod-level {@code securityContext}, {@code automountServiceAccountToken},
 * {@code os.name}, and the host paths of {@code hostPath} volumes.
 */
final class PodFields {
  private PodFields() {}

  /** A boolean field of the pod spec: true, false, or null when absent or not a boolean. */
  static @Nullable Boolean bool(PodSpec spec, String name) {
    return bool(spec.other().get(name));
  }

  static @Nullable Boolean bool(@Nullable JsonValue v) {
    return v instanceof JsonValue.Bool b ? b.value() : null;
  }

  /** A field of the pod-level securityContext, if written. */
  static Optional<JsonValue> podSecurity(PodSpec spec, String name) {
    JsonValue sc = spec.other().get("securityContext");
    return sc == null ? Optional.empty() : Optional.ofNullable(sc.members().get(name));
  }

  /** A whole number, if {@code v} is one. */
  static Optional<Long> integer(@Nullable JsonValue v) {
    if (v instanceof JsonValue.Num n && n.isIntegral()) {
      try {
        return Optional.of(Long.parseLong(n.literal()));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * True for a Windows pod: {@code os.name: windows}, or a nodeSelector on {@code kubernetes.io/os:
   * windows}. Linux-only security settings (capabilities, read-only root file system, runAsNonRoot,
   * privilege escalation) do not apply to it.
   */
  static boolean isWindows(PodSpec spec) {
    JsonValue os = spec.other().get("os");
    if (os != null && os.members().get("name") instanceof JsonValue.Str s) {
      return s.value().equals("windows");
    }
    return "windows".equals(spec.nodeSelector().get("kubernetes.io/os"));
  }

  /** The host path of each {@code hostPath} volume, by volume index. */
  static Map<Integer, String> hostPaths(PodSpec spec) {
    Map<Integer, String> out = new LinkedHashMap<>();
    for (int i = 0; i < spec.volumes().size(); i++) {
      String path = hostPath(spec.volumes().get(i));
      if (path != null) {
        out.put(i, path);
      }
    }
    return out;
  }

  /** The host path of a {@code hostPath} volume, or null for any other volume. */
  static @Nullable String hostPath(Volume v) {
    JsonValue hp = v.other().get("hostPath");
    if (hp == null) {
      return null;
    }
    return hp.members().get("path") instanceof JsonValue.Str s ? s.value() : "";
  }

  /**
   * The path as the kernel resolves it for comparison: trailing slashes and repeated slashes
   * dropped ({@code /var/log/} is {@code /var/log}; {@code /} stays {@code /}).
   */
  static String normalise(String path) {
    String p = path.replaceAll("/+", "/");
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }
}
