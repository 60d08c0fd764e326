/**
 * Jakarta Validation constraints that say what the Kubernetes API server accepts: format
 * constraints for single values ({@link dev.daemonset.api.constraints.Dns1123Label}, {@link
 * dev.daemonset.api.constraints.Dns1123Subdomain}, {@link
 * dev.daemonset.api.constraints.QualifiedName}, {@link dev.daemonset.api.constraints.LabelValue},
 * {@link dev.daemonset.api.constraints.IntOrPercent}) and the class-level {@link
 * dev.daemonset.api.constraints.ApiServerValid} that checks a whole DaemonSet.
 *
 * <p>This package declares the constraints only. Their validators live in {@code daemonset-core}
 * and reach any Jakarta Validation provider through the service loader ({@code
 * META-INF/services/jakarta.validation.ConstraintValidator}), so the api stays free of any provider
 * type.
 */
@NullMarked
package dev.daemonset.api.constraints;

import org.jspecify.annotations.NullMarked;
