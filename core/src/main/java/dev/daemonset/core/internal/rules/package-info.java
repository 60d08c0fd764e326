/**
 * The rules behind {@link dev.daemonset.core.validate.DaemonSetValidator}: format primitives,
 * metadata, pod-template and DaemonSet rules in upstream's order, and the Jakarta Validation
 * constraint validators that run them (registered through the service loader). Internal: not
 * exported, opened to Hibernate Validator only.
 */
@NullMarked
package dev.daemonset.core.internal.rules;

import org.jspecify.annotations.NullMarked;
