package dev.daemonset.api.model;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code spec.updateStrategy}.
 *
 * @param type {@code RollingUpdate} or {@code OnDelete}; "" before defaulting
 * @param rollingUpdate the rolling update parameters, if written
 * @since 0.2
 */
@API(status = STABLE, since = "0.2")
public record DaemonSetUpdateStrategy(String type, @Nullable RollingUpdateDaemonSet rollingUpdate) {
  /** Nothing written. */
  public static final DaemonSetUpdateStrategy EMPTY = new DaemonSetUpdateStrategy("", null);

  /** The {@code RollingUpdate} type. */
  public static final String ROLLING_UPDATE = "RollingUpdate";

  /** The {@code OnDelete} type. */
  public static final String ON_DELETE = "OnDelete";

  public DaemonSetUpdateStrategy {
    type = Copies.str(type, "type");
  }
}
