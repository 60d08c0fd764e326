package dev.daemonset.core.internal.rules;

import static dev.daemonset.core.internal.rules.Views.present;

import dev.daemonset.api.model.Container;
import dev.daemonset.api.model.JsonValue;
import dev.daemonset.api.model.PodSpec;
import dev.daemonset.api.model.PodTemplateSpec;
import dev.daemonset.core.internal.validation.Formats;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pod-template rules a DaemonSet meets (rules R22–R50), in upstream's order: core's {@code
 * ValidatePodTemplateSpec}, {@code ValidatePodSpecificAnnotations}, {@code ValidatePodSpec} (the
 * parts the model types), {@code validateInitContainers}, {@code validateRestartPolicy}, {@code
 * validateReadinessGates}, {@code validatePreemptionPolicy}, {@code validateOS} and {@code
 * ValidateDNS1123Subdomain} for the names a pod refers to. Each group of checks lives in its own
 * class, named after upstream's function group: {@link VolumeRules}, {@link ContainerRules}, {@link
 * ProbeRules}, {@link ResourceRules}, {@link NetworkRules}, {@link SchedulingRules} and {@link
 * SecurityRules}.
 */
final class PodRules {
  private PodRules() {}

  /** {@code ValidatePodTemplateSpec} at {@code path} ({@code spec.template}). */
  static void template(PodTemplateSpec t, String path, Errors e) {
    String meta = path + ".metadata";
    MetaRules.labels(t.metadata().labels(), path + ".labels", meta + ".labels", e);
    MetaRules.annotations(
        t.metadata().annotations(), path + ".annotations", meta + ".annotations", e);
    podSpecificAnnotations(t, path + ".annotations", meta + ".annotations", e);
    Views.Pod pod = Views.Pod.of(t.spec());
    podSpec(t.spec(), pod, path + ".spec", e);
    if (!pod.ephemeralContainers().isEmpty()) {
      e.forbidden(
          path + ".spec.ephemeralContainers", "ephemeral containers not allowed in pod template");
    }
  }

  /** {@code ValidatePodSpecificAnnotations}: the mirror-pod and deletion-cost annotations. */
  private static void podSpecificAnnotations(
      PodTemplateSpec t, String path, String source, Errors e) {
    Map<String, String> a = t.metadata().annotations();
    String mirror = "kubernetes.io/config.mirror";
    if (a.containsKey(mirror) && t.spec().nodeName().isEmpty()) {
      e.invalid(
          path + "[" + mirror + "]",
          Render.goQuote(a.get(mirror)),
          "must set spec.nodeName if mirror pod annotation is set",
          source + "[" + mirror + "]",
          false);
    }
    String cost = "controller.kubernetes.io/pod-deletion-cost";
    if (a.containsKey(cost)) {
      try {
        Integer.parseInt(a.get(cost));
      } catch (NumberFormatException ex) {
        e.invalid(
            path + "[" + cost + "]",
            Render.goQuote(a.get(cost)),
            "must be a 32bit integer",
            source + "[" + cost + "]",
            false);
      }
    }
  }

  /** {@code ValidatePodSpec}, in upstream's order. */
  private static void podSpec(PodSpec s, Views.Pod pod, String path, Errors e) {
    if (s.terminationGracePeriodSeconds() == null) {
      e.required(path + ".terminationGracePeriodSeconds", "");
    }
    Set<String> volumes = VolumeRules.volumes(s.volumes(), path + ".volumes", e);
    ContainerRules.containers(
        s.containers(),
        volumes,
        pod.hostUsers(),
        s.terminationGracePeriodSeconds(),
        path + ".containers",
        e);
    initContainers(s, pod, volumes, path, e);
    NetworkRules.hostNetwork(s, path, e);
    restartPolicy(s.restartPolicy(), path + ".restartPolicy", e);
    NetworkRules.dnsPolicy(s.dnsPolicy(), path + ".dnsPolicy", e);
    MetaRules.labels(s.nodeSelector(), path + ".nodeSelector", path + ".nodeSelector", e);
    SecurityRules.pod(pod.securityContext(), s.hostPID(), pod.shareProcessNamespace(), path, e);
    if (s.affinity() != null) {
      SchedulingRules.affinity(s.affinity(), path + ".affinity", e);
    }
    NetworkRules.podDnsConfig(s.dnsPolicy(), pod.dnsConfig(), path + ".dnsConfig", e);
    readinessGates(pod.readinessGates(), path + ".readinessGates", e);
    SchedulingRules.schedulingGates(pod.schedulingGates(), path + ".schedulingGates", e);
    SchedulingRules.topologySpread(
        pod.topologySpreadConstraints(), path + ".topologySpreadConstraints", e);
    SecurityRules.hostUsers(s, pod, path, e);
    dnsSubdomain(s.serviceAccountName(), path + ".serviceAccountName", e);
    dnsSubdomain(s.nodeName(), path + ".nodeName", e);
    Long deadline = s.activeDeadlineSeconds();
    if (deadline != null && (deadline < 1 || deadline > Integer.MAX_VALUE)) {
      e.invalid(
          path + ".activeDeadlineSeconds",
          deadline.toString(),
          Formats.inclusiveRange(1, Integer.MAX_VALUE));
    }
    dnsLabel(pod.hostname(), path + ".hostname", e);
    dnsLabel(pod.subdomain(), path + ".subdomain", e);
    SchedulingRules.tolerations(s.tolerations(), path + ".tolerations", e);
    NetworkRules.hostAliases(pod.hostAliases(), path + ".hostAliases", e);
    dnsSubdomain(s.priorityClassName(), path + ".priorityClassName", e);
    dnsSubdomain(pod.runtimeClassName(), path + ".runtimeClassName", e);
    String preemption = pod.preemptionPolicy();
    if (preemption != null) {
      switch (preemption) {
        case "PreemptLowerPriority", "Never" -> {}
        case "" -> e.required(path + ".preemptionPolicy", "");
        default ->
            e.notSupported(
                path + ".preemptionPolicy",
                Render.jsonString(preemption),
                "PreemptLowerPriority",
                "Never");
      }
    }
    String os = pod.osName();
    if (os != null) {
      if (os.isEmpty()) {
        e.required(path + ".os.name", "");
      } else if (!os.equals("linux") && !os.equals("windows")) {
        e.notSupported(path + ".os.name", Render.jsonString(os), "linux", "windows");
      }
    }
  }

  /**
   * {@code validateInitContainers}: each init container as a container, names unique among regular
   * and init containers, and probes and lifecycle only for sidecars ({@code restartPolicy:
   * Always}).
   */
  private static void initContainers(
      PodSpec s, Views.Pod pod, Set<String> volumes, String path, Errors e) {
    Set<String> names = new HashSet<>();
    s.containers().forEach(c -> names.add(c.name()));
    for (int i = 0; i < s.initContainers().size(); i++) {
      Container c = s.initContainers().get(i);
      String p = path + ".initContainers[" + i + "]";
      ContainerRules.container(c, volumes, pod.hostUsers(), p, e);
      // validateInitContainerRestartPolicy with ContainerRestartRules on (beta, default in 1.35):
      // Always makes a sidecar, which may not have rules; any other policy is checked as a
      // regular container's
      if (Container.RESTART_ALWAYS.equals(c.restartPolicy())) {
        if (!Views.list(c.other(), "restartPolicyRules").isEmpty()) {
          e.forbidden(
              p + ".restartPolicyRules",
              "restartPolicyRules are not allowed for init containers with restart policy Always");
        }
      } else if (!c.restartPolicy().isEmpty()) {
        ContainerRules.restartPolicy(c, p, e);
      } else if (!Views.list(c.other(), "restartPolicyRules").isEmpty()) {
        e.required(p + ".restartPolicy", "must specify restartPolicy when restart rules are used");
      }
      if (names.contains(c.name())) {
        e.duplicate(p + ".name", Render.goQuote(c.name()));
      } else if (!c.name().isEmpty()) {
        names.add(c.name());
      }
      // upstream checks each init container as a one-element list, so the index is always 0
      NetworkRules.hostPorts(List.of(c), path + ".initContainers", 0, e);
      if (Container.RESTART_ALWAYS.equals(c.restartPolicy())) {
        ProbeRules.lifecycle(c, s.terminationGracePeriodSeconds(), p, e);
        ProbeRules.probes(c, p, e);
      } else {
        if (present(Views.ContainerExtras.of(c).lifecycle())) {
          e.forbidden(
              p + ".lifecycle", "may not be set for init containers without restartPolicy=Always");
        }
        forbidProbe(c.livenessProbe() != null, p + ".livenessProbe", e);
        forbidProbe(c.readinessProbe() != null, p + ".readinessProbe", e);
        forbidProbe(c.startupProbe() != null, p + ".startupProbe", e);
      }
    }
  }

  private static void forbidProbe(boolean set, String path, Errors e) {
    if (set) {
      e.forbidden(path, "may not be set for init containers without restartPolicy=Always");
    }
  }

  /** {@code validateReadinessGates}: each condition type is a qualified name. */
  private static void readinessGates(List<JsonValue> gates, String path, Errors e) {
    for (int i = 0; i < gates.size(); i++) {
      String type = Views.string(gates.get(i).members().get("conditionType"));
      e.eachInvalid(path + "[" + i + "].conditionType", type, Formats.qualifiedName(type));
    }
  }

  /** {@code validateRestartPolicy}. */
  private static void restartPolicy(String policy, String path, Errors e) {
    switch (policy) {
      case PodSpec.RESTART_ALWAYS, PodSpec.RESTART_ON_FAILURE, PodSpec.RESTART_NEVER -> {}
      case "" -> e.required(path, "");
      default ->
          e.notSupported(
              path,
              Render.jsonString(policy),
              PodSpec.RESTART_ALWAYS,
              PodSpec.RESTART_ON_FAILURE,
              PodSpec.RESTART_NEVER);
    }
  }

  private static void dnsLabel(String value, String path, Errors e) {
    if (!value.isEmpty()) {
      e.eachInvalid(path, value, Formats.dns1123Label(value));
    }
  }

  /** {@code ValidateDNS1123Subdomain} of a name the pod refers to, when set. */
  static void dnsSubdomain(String value, String path, Errors e) {
    if (!value.isEmpty()) {
      e.eachInvalid(path, value, Formats.dns1123Subdomain(value));
    }
  }
}
