package dev.daemonset.api.model;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code spec.updateStrategy.rollingUpdate}.
 *
 * @param maxUnavailable nodes that may be without an available pod during the update (defaults to
 *     1)
 * @param maxSurge nodes that may run an extra new pod during the update (defaults to 0)
 * @since 0.2
 */
@API(status = STABLE, since = "0.2")
public record RollingUpdateDaemonSet(
    @Nullable IntOrString maxUnavailable, @Nullable IntOrString maxSurge) {}
