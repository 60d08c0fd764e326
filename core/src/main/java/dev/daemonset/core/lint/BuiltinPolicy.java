package dev.daemonset.core.lint;

import static java.util.Objects.requireNonNull;

import dev.daemonset.api.lint.Policy;
import dev.daemonset.api.lint.RuleInfo;

/** A built-in policy: its rule description is fixed at construction. */
abstract class BuiltinPolicy implements Policy {
  private final RuleInfo info;

  BuiltinPolicy(RuleInfo info) {
    this.info = requireNonNull(info, "info");
  }

  @Override
  public final RuleInfo info() {
    return info;
  }
}
