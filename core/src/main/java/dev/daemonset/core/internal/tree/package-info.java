/**
 * The located document tree shared by reading and binding: maps, sequences and scalars, each with
 * the span of its value (and, for map entries, of its key), plus the findings made while building
 * it. Internal: not exported from the module.
 */
@NullMarked
package dev.daemonset.core.internal.tree;

import org.jspecify.annotations.NullMarked;
