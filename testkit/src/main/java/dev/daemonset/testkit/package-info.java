/**
 * The test kit: {@link dev.daemonset.testkit.RuleTester} lints a manifest with the rules under test
 * and returns {@link dev.daemonset.testkit.Findings} to assert on; {@link
 * dev.daemonset.testkit.Placement} asserts where the DaemonSet controller would run pods on a
 * cluster snapshot; {@link dev.daemonset.testkit.Golden} compares text with a file that a switch
 * rewrites.
 *
 * <pre>{@code
 * RuleTester.of(new RequireTeamLabel())
 *     .lint(yaml)
 *     .assertFindings(finding("require-team-label", Severity.WARNING, 5, 11, "metadata.labels"));
 * }</pre>
 */
@NullMarked
package dev.daemonset.testkit;

import org.jspecify.annotations.NullMarked;
