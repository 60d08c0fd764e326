/**
 * Diagnostics, source positions and documents read: what every stage of daemonset-engine reports
 * in.
 *
 * <p>Every type here is immutable and null-safe: absent values are {@code Optional} on return and
 * {@code @Nullable} only where a record component mirrors an optional Kubernetes field.
 */
@NullMarked
package dev.daemonset.api;

import org.jspecify.annotations.NullMarked;
