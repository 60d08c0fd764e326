/** JSON text helpers shared by rendering and planning (internal). */
@NullMarked
package dev.daemonset.core.internal.json;

import org.jspecify.annotations.NullMarked;
