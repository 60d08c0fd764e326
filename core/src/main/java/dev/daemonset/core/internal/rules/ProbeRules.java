package dev.daemonset.core.internal.rules;

import static dev.daemonset.core.internal.rules.Views.present;

import dev.daemonset.api.model.Container;
import dev.daemonset.api.model.HttpGetAction;
import dev.daemonset.api.model.IntOrString;
import dev.daemonset.api.model.JsonValue;
import dev.daemonset.api.model.Probe;
import dev.daemonset.core.internal.intstr.IntStr;
import dev.daemonset.core.internal.validation.Formats;
import java.math.BigInteger;
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
   * {@code validateLifecycle}: each of postStart and preStop is a handler; a sleep in it is checked
   * against the pod's {@code terminationGracePeriodSeconds} ({@code gracePeriod}, null if unset).
   */
  static void lifecycle(Container c, @Nullable Long gracePeriod, String p, Errors e) {
    JsonValue lifecycle = Views.ContainerExtras.of(c).lifecycle();
    if (lifecycle == null) {
      return;
    }
    for (String hook : List.of("postStart", "preStop")) {
      JsonValue h = lifecycle.members().get(hook);
      if (h != null && present(h)) {
        handler(Views.Handler.ofHook(h), gracePeriod, p + ".lifecycle." + hook, e);
      }
    }
  }

  /** {@code validateHandler}: exactly one of exec, httpGet, tcpSocket, grpc, sleep. */
  private static void handler(Views.Handler h, @Nullable Long gracePeriod, String path, Errors e) {
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
    JsonValue sleep = h.sleep();
    if (sleep != null && present(sleep)) {
      if (handlers++ > 0) {
        e.forbidden(path + ".sleep", "may not specify more than 1 handler type");
      } else {
        sleepAction(sleep, gracePeriod, path + ".sleep", e);
      }
    }
    if (handlers == 0) {
      e.required(path, "must specify a handler type");
    }
  }

  /**
   * {@code validateSleepAction} as a default 1.35 server runs it: the {@code
   * PodLifecycleSleepActionAllowZero} gate is GA since 1.34, so zero is allowed and the seconds
   * must lie in 0..gracePeriod. Nothing is checked without a grace period (that has its own error).
   */
  private static void sleepAction(
      JsonValue sleep, @Nullable Long gracePeriod, String path, Errors e) {
    if (gracePeriod == null
        || !(sleep.members().get("seconds") instanceof JsonValue.Num n)
        || !n.isIntegral()) {
      return;
    }
    BigInteger seconds = n.decimal().toBigInteger();
    if (seconds.signum() < 0 || seconds.compareTo(BigInteger.valueOf(gracePeriod)) > 0) {
      e.invalid(
          path,
          seconds.toString(),
          "must be non-negative and less than terminationGracePeriodSeconds (" + gracePeriod + ")");
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
