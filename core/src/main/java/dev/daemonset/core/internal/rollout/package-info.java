/**
 * Rolling-update budgets, shared by the planner and the simulator. Not exported: not part of the
 * API.
 */
@NullMarked
package dev.daemonset.core.internal.rollout;

import org.jspecify.annotations.NullMarked;
