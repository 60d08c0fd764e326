package dev.daemonset.core.lint;

import dev.daemonset.api.SourceMap;
import dev.daemonset.api.model.PodSpec;
import dev.daemonset.api.model.SecurityContext;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A container's effective security settings: its own securityContext, else the pod's (for the
 * fields the pod level has), as the kubelet applies them.
 */
record SecurityContexts(Containers container, @Nullable SecurityContext own, PodSpec pod) {

  /**
   * The containers that Linux security settings apply to: every container of a Linux pod, none of a
   * Windows pod (capabilities, privilege escalation, runAsNonRoot and a read-only root file system
   * do not apply there).
   */
  static List<Containers> linux(PodSpec pod) {
    return PodFields.isWindows(pod) ? List.of() : Containers.all(pod);
  }

  static SecurityContexts of(Containers c, PodSpec pod) {
    return new SecurityContexts(c, c.container().securityContext(), pod);
  }

  boolean privileged() {
    return own != null && Boolean.TRUE.equals(own.privileged());
  }

  /** runAsNonRoot of the container, else of the pod; null if neither sets it. */
  @Nullable Boolean runAsNonRoot() {
    if (own != null && own.runAsNonRoot() != null) {
      return own.runAsNonRoot();
    }
    return PodFields.bool(PodFields.podSecurity(pod, "runAsNonRoot").orElse(null));
  }

  /** runAsUser of the container, else of the pod; empty if neither sets it. */
  Optional<Long> runAsUser() {
    if (own != null && own.runAsUser() != null) {
      return Optional.of(own.runAsUser());
    }
    return PodFields.integer(PodFields.podSecurity(pod, "runAsUser").orElse(null));
  }

  /**
   * Where a finding about a securityContext field belongs: the field of the container if written,
   * else the pod's ({@code podLevel} fields only), else the container's securityContext, else the
   * container's name.
   */
  String path(String field, SourceMap sourceMap, boolean podLevel) {
    String own = container.path() + ".securityContext." + field;
    if (sourceMap.value(own).isPresent()) {
      return own;
    }
    String pod = Containers.SPEC + ".securityContext." + field;
    if (podLevel && sourceMap.value(pod).isPresent()) {
      return pod;
    }
    String context = container.path() + ".securityContext";
    return sourceMap.key(context).isPresent() ? context : container.path() + ".name";
  }
}
