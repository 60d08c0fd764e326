package dev.daemonset.core.internal.rules;

import static dev.daemonset.core.internal.rules.Views.present;

import dev.daemonset.api.model.Container;
import dev.daemonset.api.model.HttpGetAction;
import dev.daemonset.api.model.IntOrString;
import dev.daemonset.api.model.JsonValue;
import dev.daemonset.api.model.Probe;
import dev.daemonset.core.internal.intstr.IntStr;
import dev.daemonset.core.internal.validation.Formats;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Probes and lifecycle hooks, from core's {@code validation.go}: the probe part of {@code
 * validateContainers} and {@code validateInitContainers} (liveness and startup success threshold 1,
 * no grace period on readiness), {@code validateProbe}, {@code validateLifecycle}, {@code
 * validateHandler} ({@code validateExecAction}, {@code validateHTTPGetAction}, {@code
 * validateTCPSocketAction}, {@code validateGRPCAction}) and {@code ValidatePortNumOrName}.
 */
final class ProbeRules {
  private ProbeRules() {}

  /** The probes of a container or sidecar, each with its own extra rule. */
  static void probes(Container c, String p, Errors e) {
    successOnce(c.livenessProbe(), p + ".livenessProbe", e);
    Probe ready = c.readinessProbe();
    if (ready != null) {
      probe(ready, p + ".readinessProbe", e);
      if (ready.terminationGracePeriodSeconds() != null) {
        e.invalid(
            p + ".readinessProbe.terminationGracePeriodSeconds",
            ready.terminationGracePeriodSeconds().toString(),
            "must not be set for readinessProbes");
      }
    }
    successOnce(c.startupProbe(), p + ".startupProbe", e);
  }

  /** A liveness or startup probe: a probe whose success threshold is 1. */
  private static void successOnce(@Nullable Probe probe, String path, Errors e) {
    if (probe != null) {
      probe(probe, path, e);
      if (probe.successThreshold() != 1) {
        e.invalid(
            path + ".successThreshold", Integer.toString(probe.successThreshold()), "must be 1");
      }
    }
  }

  /**
   * {@code validateLifecycle}: each of postStart and preStop is a handler; a sleep lasts no longer
   * than the pod's termination grace period ({@code grace}, null only without defaulting).
   */
  static void lifecycle(Container c, @Nullable Long grace, String p, Errors e) {
    JsonValue lifecycle = Views.ContainerExtras.of(c).lifecycle();
    if (lifecycle == null) {
      return;
    }
    for (String hook : List.of("postStart", "preStop")) {
      JsonValue h = lifecycle.members().get(hook);
      if (h != null && present(h)) {
        handler(Views.Handler.ofHook(h), grace, p + ".lifecycle." + hook, e);
      }
    }
  }

  /** {@code validateHandler}: exactly one of exec, httpGet, tcpSocket, grpc, sleep. */
  private static void handler(Views.Handler h, @Nullable Long grace, String path, Errors e) {
    JsonValue exec = h.exec();
    HttpGetAction http = h.httpGet();
    JsonValue tcp = h.tcpSocket();
    JsonValue grpc = h.grpc();
    int handlers = 0;
    if (exec != null && present(exec)) {
      handlers++;
      if (exec.members().getOrDefault("command", JsonValue.NULL).elements().isEmpty()) {
        e.required(path + ".exec.command", "");
      }
    }
    if (http != null) {
      if (handlers++ > 0) {
        e.forbidden(path + ".httpGet", "may not specify more than 1 handler type");
      } else {
        if (http.path().isEmpty()) {
          e.required(path + ".httpGet.path", "");
        }
        port(http.port(), path + ".httpGet.port", e);
        if (!http.scheme().equals("HTTP") && !http.scheme().equals("HTTPS")) {
          e.notSupported(
              path + ".httpGet.scheme", Render.jsonString(http.scheme()), "HTTP", "HTTPS");
        }
      }
    }
    if (tcp != null && present(tcp)) {
      if (handlers++ > 0) {
        e.forbidden(path + ".tcpSocket", "may not specify more than 1 handler type");
      } else {
        port(IntStr.fromJson(tcp.members().get("port")), path + ".tcpSocket.port", e);
      }
    }
    if (grpc != null && present(grpc)) {
      if (handlers++ > 0) {
        e.forbidden(path + ".grpc", "may not specify more than 1 handler type");
      } else {
        IntOrString port = IntStr.fromJson(grpc.members().get("port"));
        int n = port == null || !port.isInt() ? 0 : port.intValue();
        for (String msg : Formats.portNumber(n)) {
          e.invalid(path + ".grpc.port", Integer.toString(n), msg);
        }
      }
    }
    if (present(h.sleep())) {
      if (handlers++ > 0) {
        e.forbidden(path + ".sleep", "may not specify more than 1 handler type");
      } else {
        sleep(h.sleep(), grace, path + ".sleep", e);
      }
    }
    if (handlers == 0) {
      e.required(path, "must specify a handler type");
    }
  }

  /**
   * {@code validateSleepAction} as of 1.34 (PodLifecycleSleepActionAllowZero is GA): zero seconds
   * is allowed, a negative number or more than the grace period is not.
   */
  private static void sleep(
      @Nullable JsonValue sleep, @Nullable Long grace, String path, Errors e) {
    long seconds =
        sleep != null && sleep.members().get("seconds") instanceof JsonValue.Num n
            ? n.decimal().longValue()
            : 0;
    if (grace != null && (seconds < 0 || seconds > grace)) {
      e.invalid(
          path,
          Long.toString(seconds),
          "must be non-negative and less than terminationGracePeriodSeconds (" + grace + ")");
    }
  }

  /** {@code validateProbe}. */
  private static void probe(Probe probe, String path, Errors e) {
    handler(Views.Handler.of(probe), null, path, e);
    e.nonNegative(probe.initialDelaySeconds(), path + ".initialDelaySeconds");
    e.nonNegative(probe.timeoutSeconds(), path + ".timeoutSeconds");
    e.nonNegative(probe.periodSeconds(), path + ".periodSeconds");
    e.nonNegative(probe.successThreshold(), path + ".successThreshold");
    e.nonNegative(probe.failureThreshold(), path + ".failureThreshold");
    Long grace = probe.terminationGracePeriodSeconds();
    if (grace != null && grace <= 0) {
      e.invalid(
          path + ".terminationGracePeriodSeconds", grace.toString(), "must be greater than 0");
    }
  }

  /** {@code ValidatePortNumOrName}. */
  private static void port(
      @org.jspecify.annotations.Nullable IntOrString port, String path, Errors e) {
    IntOrString p = port == null ? IntOrString.of(0) : port;
    if (p.isInt()) {
      for (String msg : Formats.portNumber(p.intValue())) {
        e.invalid(path, Integer.toString(p.intValue()), msg);
      }
    } else {
      e.eachInvalid(path, p.stringValue(), Formats.portName(p.stringValue()));
    }
  }
}
