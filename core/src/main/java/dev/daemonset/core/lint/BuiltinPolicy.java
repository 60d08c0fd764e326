package dev.daemonset.core.lint;

import static java.util.Objects.requireNonNull;

import dev.daemonset.api.lint.Policy;
import dev.daemonset.api.lint.RuleInfo;

/**
 * A built-in policy: its rule description is fixed at construction and links to the rule's section
 * of docs/rules.md; it names the closest check of kube-linter, Polaris or kube-score, for the
 * documentation's table.
 */
abstract class BuiltinPolicy implements Policy {
  private final RuleInfo info;
  private final String equivalent;

  BuiltinPolicy(RuleInfo info) {
    this(info, "");
  }

  BuiltinPolicy(RuleInfo info, String equivalent) {
    this.info = requireNonNull(info, "info").withHelpUri(Rules.DOCS + "#" + info.id());
    this.equivalent = requireNonNull(equivalent, "equivalent");
  }

  @Override
  public final RuleInfo info() {
    return info;
  }

  /**
   * The closest check of other tools, as Markdown ({@code kube-linter `latest-tag`, Polaris
   * `tagNotSpecified`}), or empty where none exists.
   */
  final String equivalent() {
    return equivalent;
  }
}
