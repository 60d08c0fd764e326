/**
 * Planning: what the DaemonSet controller would do in one sync, as a pure function. Entry point:
 * {@link dev.daemonset.core.plan.Planner}.
 *
 * <p>Nothing here reads a clock, does I/O, logs, keeps state or imports reading, validation or
 * rendering (an ArchUnit test enforces it). The input is never modified.
 */
@NullMarked
package dev.daemonset.core.plan;

import org.jspecify.annotations.NullMarked;
