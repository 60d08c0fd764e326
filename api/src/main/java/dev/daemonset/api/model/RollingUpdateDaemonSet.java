package dev.daemonset.api.model;

import org.jspecify.annotations.Nullable;

/**
 * {@code spec.updateStrategy.rollingUpdate}.
 *
 * @param maxUnavailable nodes that may be without an available pod during the update (defaults to
 *     1)
 * @param maxSurge nodes that may run an extra new pod during the update (defaults to 0)
 */
public record RollingUpdateDaemonSet(
    @Nullable IntOrString maxUnavailable, @Nullable IntOrString maxSurge) {}
