/**
 * Defaulting of apps/v1 DaemonSets as the Kubernetes API server applies it before validation. The
 * entry point is {@link dev.daemonset.core.defaults.Defaults}.
 */
@NullMarked
package dev.daemonset.core.defaults;

import org.jspecify.annotations.NullMarked;
