package dev.daemonset.api.lint;

import java.util.List;

/**
 * A lint rule for DaemonSets. Implementations must be pure (same input, same findings), thread safe
 * and fast; they are found through {@link java.util.ServiceLoader} ({@code provides
 * dev.daemonset.api.lint.Policy with ...} in module-info, or {@code
 * META-INF/services/dev.daemonset.api.lint.Policy} on the class path) or passed to the linter
 * directly.
 */
public interface Policy {

  /** The rule's identity and documentation. Its {@code id} is the code of every finding. */
  RuleInfo info();

  /** The findings for one DaemonSet, in the order they should be reported; empty when clean. */
  List<Finding> check(PolicyInput input);
}
