package dev.daemonset.api.model;

import static org.apiguardian.api.API.Status.STABLE;

import java.time.Instant;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A status condition of a Pod, Node or DaemonSet.
 *
 * @param type for example {@code Ready}
 * @param status {@code True}, {@code False} or {@code Unknown}
 * @param lastTransitionTime when the status last changed, if recorded
 * @param reason a CamelCase reason
 * @param message a sentence
 * @param other untyped fields (lastProbeTime, lastHeartbeatTime, ...)
 * @since 0.2
 */
@API(status = STABLE, since = "0.2")
public record Condition(
    String type,
    String status,
    @Nullable Instant lastTransitionTime,
    String reason,
    String message,
    Map<String, JsonValue> other) {
  public Condition {
    type = Copies.str(type, "type");
    status = Copies.str(status, "status");
    reason = Copies.str(reason, "reason");
    message = Copies.str(message, "message");
    other = Copies.other(other, "other");
  }

  /** A condition with only type, status and transition time. */
  public static Condition of(String type, String status, @Nullable Instant lastTransitionTime) {
    return new Condition(type, status, lastTransitionTime, "", "", Map.of());
  }

  /** True if {@code status} is {@code True}. */
  public boolean isTrue() {
    return "True".equals(status);
  }
}
