package dev.daemonset.core.defaults;

import dev.daemonset.api.model.DaemonSet;

/** STUB until the validation branch lands. */
public final class Defaults {
  private Defaults() {}

  public static DaemonSet defaulted(DaemonSet ds) {
    return ds;
  }
}
