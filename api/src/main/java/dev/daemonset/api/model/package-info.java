/**
 * The immutable Kubernetes model: apps/v1 {@link dev.daemonset.api.model.DaemonSet}, v1 {@link
 * dev.daemonset.api.model.Pod}, v1 {@link dev.daemonset.api.model.Node} and apps/v1 {@link
 * dev.daemonset.api.model.ControllerRevision}, typed for every field the engine reads.
 *
 * <p>Conventions, shared by every record here:
 *
 * <ul>
 *   <li>Field names and meanings are Kubernetes' own (Kubernetes 1.35). A Go string field that is
 *       absent is {@code ""}, as in Go; a Go pointer field that is absent is {@code null}
 *       ({@code @Nullable}); a Go value field that is absent is its zero value.
 *   <li>Collections are copied on construction and unmodifiable. Label-like maps are sorted by key
 *       (their order carries no meaning), so equal objects print identically.
 *   <li>Only components marked {@code @Nullable} take {@code null}: every other one rejects it with
 *       a {@link java.lang.NullPointerException} that names the component (an absent collection is
 *       passed as an empty one, an absent string as {@code ""}).
 *   <li>Every record that stands for a Kubernetes struct carries {@code other}: the fields it does
 *       not type, in the order they were written, so read → write → read loses nothing.
 * </ul>
 */
@NullMarked
package dev.daemonset.api.model;

import org.jspecify.annotations.NullMarked;
