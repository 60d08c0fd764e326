/**
 * The rollout simulator: {@link dev.daemonset.core.simulate.Simulator#simulate} plans one sync with
 * the planner, applies its actions to a simulated cluster, advances a simulated clock to the next
 * event, and repeats. Pure like the planner: no clock, no I/O, no state kept between calls, and no
 * randomness but what the options' seed draws.
 */
@NullMarked
package dev.daemonset.core.simulate;

import org.jspecify.annotations.NullMarked;
