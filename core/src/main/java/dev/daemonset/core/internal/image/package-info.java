/**
 * Container image references as Kubernetes reads them. Internal: shared by defaulting (image pull
 * policy) and linting (floating tags).
 */
@NullMarked
package dev.daemonset.core.internal.image;

import org.jspecify.annotations.NullMarked;
