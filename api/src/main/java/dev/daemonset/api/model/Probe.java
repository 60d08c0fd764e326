package dev.daemonset.api.model;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A liveness, readiness or startup probe.
 *
 * @param httpGet the HTTP handler, if written
 * @param exec the exec handler, untyped, if written
 * @param tcpSocket the TCP handler, untyped, if written
 * @param grpc the gRPC handler, untyped, if written
 * @param initialDelaySeconds seconds before the first probe
 * @param timeoutSeconds per-probe timeout (0 before defaulting to 1)
 * @param periodSeconds interval (0 before defaulting to 10)
 * @param successThreshold successes to count as healthy (0 before defaulting to 1)
 * @param failureThreshold failures to count as unhealthy (0 before defaulting to 3)
 * @param terminationGracePeriodSeconds probe-level grace period, if set
 * @param other untyped fields
 * @since 0.2
 */
@API(status = STABLE, since = "0.2")
public record Probe(
    @Nullable HttpGetAction httpGet,
    @Nullable JsonValue exec,
    @Nullable JsonValue tcpSocket,
    @Nullable JsonValue grpc,
    int initialDelaySeconds,
    int timeoutSeconds,
    int periodSeconds,
    int successThreshold,
    int failureThreshold,
    @Nullable Long terminationGracePeriodSeconds,
    Map<String, JsonValue> other) {
  public Probe {
    other = Copies.other(other, "other");
  }

  /** The number of handlers written (exactly one is valid). */
  public int handlerCount() {
    return (httpGet != null ? 1 : 0)
        + (exec != null ? 1 : 0)
        + (tcpSocket != null ? 1 : 0)
        + (grpc != null ? 1 : 0);
  }
}
