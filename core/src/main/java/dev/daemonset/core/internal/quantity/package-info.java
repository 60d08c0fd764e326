/**
 * Kubernetes resource quantities ({@code 500m}, {@code 1Gi}, {@code 2e3}): parsing, comparison and
 * the canonical text the API server stores. Internal: shared by defaulting and validation.
 */
@NullMarked
package dev.daemonset.core.internal.quantity;

import org.jspecify.annotations.NullMarked;
