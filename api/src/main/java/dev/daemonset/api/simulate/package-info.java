/**
 * The simulation types: the assumptions a rollout is simulated under ({@link
 * dev.daemonset.api.simulate.SimulationOptions}) and what comes out ({@link
 * dev.daemonset.api.simulate.Timeline}), and the change impact of replacing one DaemonSet with
 * another ({@link dev.daemonset.api.simulate.Impact}).
 *
 * <p>Every type here is an immutable record (or an enum, or a sealed interface of records), safe to
 * share between threads. Times inside a simulation are {@link java.time.Duration}s since its start.
 * The engines that fill them live in {@code dev.daemonset.core.simulate} and {@code
 * dev.daemonset.core.diff}.
 */
@NullMarked
package dev.daemonset.api.simulate;

import org.jspecify.annotations.NullMarked;
