/**
 * Validation of apps/v1 DaemonSets as the Kubernetes API server performs it. The entry point is
 * {@link dev.daemonset.core.validate.DaemonSetValidator}; the rules run as Jakarta Validation
 * constraints (Hibernate Validator, parameter interpolation, no Expression Language) whose
 * validators this package registers through the service loader.
 */
@NullMarked
package dev.daemonset.core.validate;

import org.jspecify.annotations.NullMarked;
