package dev.daemonset.core.validate;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.SourceMap;
import dev.daemonset.api.model.DaemonSet;
import java.util.List;

/** STUB until the validation branch lands. */
public final class DaemonSetValidator {
  private DaemonSetValidator() {}

  public static List<Diagnostic> validate(DaemonSet ds, SourceMap positions) {
    return List.of();
  }
}
