/**
 * Rendering: the typed model back to Kubernetes JSON and YAML. Entry point: {@link
 * dev.daemonset.core.render.ManifestWriter}.
 */
@NullMarked
package dev.daemonset.core.render;

import org.jspecify.annotations.NullMarked;
