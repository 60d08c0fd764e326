package dev.daemonset.core.internal.rules;

import static java.util.Objects.requireNonNull;

import dev.daemonset.api.model.DaemonSet;

/**
 * An update of a DaemonSet (both defaulted), the bean that update validation runs on.
 *
 * @param old the stored object
 * @param now the object sent
 * @param status true for the status subresource ({@code ValidateDaemonSetStatusUpdate})
 */
@ValidDaemonSetChange
public record DaemonSetChange(DaemonSet old, DaemonSet now, boolean status) {
  public DaemonSetChange {
    requireNonNull(old, "old");
    requireNonNull(now, "now");
  }
}
