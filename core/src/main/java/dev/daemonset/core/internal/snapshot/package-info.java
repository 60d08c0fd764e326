/**
 * Snapshot binding: Nodes, Pods and ControllerRevisions bound straight from a token stream into the
 * model, keeping only what planning and explaining need ({@link
 * dev.daemonset.core.internal.snapshot.Slim} says what). Internal; the public entry is {@link
 * dev.daemonset.core.read.SnapshotReader}.
 */
@NullMarked
package dev.daemonset.core.internal.snapshot;

import org.jspecify.annotations.NullMarked;
