/**
 * The plan types: what the DaemonSet controller would do in one sync, as data. The input is a
 * {@link dev.daemonset.api.plan.ClusterSnapshot} and {@link dev.daemonset.api.plan.PlanOptions};
 * the output a {@link dev.daemonset.api.plan.Plan} with {@link dev.daemonset.api.plan.Action}s, one
 * {@link dev.daemonset.api.plan.NodeVerdict} per node and the status counters.
 *
 * <p>Every type here is an immutable record (or an enum, or a sealed interface of records), safe to
 * share between threads. The engine that fills them lives in {@code dev.daemonset.core.plan}.
 */
@NullMarked
package dev.daemonset.api.plan;

import org.jspecify.annotations.NullMarked;
