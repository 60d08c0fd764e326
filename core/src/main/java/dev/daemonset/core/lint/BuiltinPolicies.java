package dev.daemonset.core.lint;

import dev.daemonset.api.lint.Policy;
import java.util.List;

/** The built-in policies, in reporting order. */
final class BuiltinPolicies {
  private BuiltinPolicies() {}

  static List<Policy> all() {
    return List.of(
        new ImageTagPolicy(),
        new ResourcesPolicy(),
        new PriorityClassPolicy(),
        new SurgeHostPortPolicy(),
        new ReadinessProbePolicy(),
        new OnDeletePolicy());
  }
}
