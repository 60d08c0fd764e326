/**
 * The change impact of replacing one DaemonSet with another: {@link
 * dev.daemonset.core.diff.Differ#diff}.
 */
@NullMarked
package dev.daemonset.core.diff;

import org.jspecify.annotations.NullMarked;
