package dev.daemonset.api.lint;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * A lint rule for DaemonSets. Implementations must be pure (same input, same findings), thread safe
 * and fast; they are found through {@link java.util.ServiceLoader} ({@code provides
 * dev.daemonset.api.lint.Policy with ...} in module-info, or {@code
 * META-INF/services/dev.daemonset.api.lint.Policy} on the class path) or passed to the linter
 * directly.
 *
 * <p>A policy that fails does not abort linting: if {@link #check} throws, returns {@code null} or
 * a list holding {@code null} (or builds a {@link Finding} whose path does not parse), the linter
 * reports one {@code policy-failed} error at the DaemonSet, naming the policy and what it threw,
 * and runs the other policies as usual.
 *
 * <pre>{@code
 * public final class RequireTeamLabel implements Policy {
 *   public RuleInfo info() {
 *     return new RuleInfo("require-team-label", "Team label required",
 *         "Every DaemonSet names its owning team in metadata.labels[team].",
 *         "Add `team: <name>` to metadata.labels.", Severity.WARNING);
 *   }
 *   public List<Finding> check(PolicyInput input) {
 *     return input.daemonSet().metadata().labels().containsKey("team")
 *         ? List.of()
 *         : List.of(Finding.at("metadata.labels", "no `team` label: who is paged when this fails?"));
 *   }
 * }
 * }</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public interface Policy {

  /**
   * The rule's identity and documentation. Its {@link RuleInfo#id() id} is the code of every
   * finding; the linter asks once, when the policy is added, and the answer must not change.
   */
  RuleInfo info();

  /** The findings for one DaemonSet, in the order they should be reported; empty when clean. */
  List<Finding> check(PolicyInput input);
}
