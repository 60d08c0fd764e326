/**
 * The entry point of daemonset-engine: {@link dev.daemonset.core.DaemonSetEngine} reads, validates,
 * lints and plans. The stages it combines live in the packages below this one, each with its own
 * entry point (reading, defaulting, validation, linting, planning, rendering, reports).
 *
 * <p>Conventions shared by every exported package of daemonset-core:
 *
 * <ul>
 *   <li>A stage with configuration is an immutable instance: {@code X.defaults()} gives the one
 *       with default settings, {@code withY(...)} a copy with one setting changed ({@link
 *       dev.daemonset.core.DaemonSetEngine}, {@link dev.daemonset.core.read.ManifestReader}, {@link
 *       dev.daemonset.core.report.ReportWriter}; {@link dev.daemonset.core.lint.Linter} collects
 *       its policies with a builder). A stage without configuration is a pure function, a static
 *       method of a final class ({@link dev.daemonset.core.plan.Planner}, {@link
 *       dev.daemonset.core.validate.DaemonSetValidator}, {@link
 *       dev.daemonset.core.defaults.Defaults}, {@link dev.daemonset.core.render.ManifestWriter}).
 *   <li>A record of settings has its defaults in a constant named {@code DEFAULTS} ({@code
 *       ReadLimits.DEFAULTS}, {@code PlanOptions.DEFAULTS}); a model value with nothing set is
 *       {@code EMPTY}.
 *   <li>Everything is thread-safe and {@code @NullMarked}; bad input becomes diagnostics, and only
 *       a caller's mistake ({@code null}, an unknown rule id) throws.
 * </ul>
 */
@NullMarked
package dev.daemonset.core;

import org.jspecify.annotations.NullMarked;
