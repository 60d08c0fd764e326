/**
 * Binding: located trees into the typed model, checked against the Kubernetes 1.35 field set
 * (unknown fields, wrong types, timestamps), with a source map per document. Internal; the public
 * entry is {@link dev.daemonset.core.read.ManifestReader}.
 */
@NullMarked
package dev.daemonset.core.internal.bind;

import org.jspecify.annotations.NullMarked;
