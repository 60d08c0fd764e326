/**
 * The policy SPI: DaemonSet-aware lint rules, built in or written by users in Java.
 *
 * <p>A policy is a pure function from a DaemonSet (as written, and as the API server would default
 * it) to findings. The engine locates each finding in the source and turns it into a {@link
 * dev.daemonset.api.Diagnostic} whose code is the policy's {@link RuleInfo#id()}.
 *
 * <p>Status: {@code EXPERIMENTAL} in 0.2. The rule API is about to grow (parameters, documentation
 * anchors, placement rules that see the cluster), and may change in a minor release.
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
 */
@NullMarked
package dev.daemonset.api.lint;

import org.jspecify.annotations.NullMarked;
