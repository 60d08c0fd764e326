/**
 * Reading: YAML and JSON bytes into the typed model, with a source map for every field and strict,
 * located diagnostics. Entry point: {@link dev.daemonset.core.read.ManifestReader}.
 */
@NullMarked
package dev.daemonset.core.read;

import org.jspecify.annotations.NullMarked;
