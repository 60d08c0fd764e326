/**
 * Linting: reading, defaulting, API-server validation and DaemonSet-aware policies in one pass.
 * Entry point: {@link dev.daemonset.core.lint.Linter}.
 */
@NullMarked
package dev.daemonset.core.lint;

import org.jspecify.annotations.NullMarked;
