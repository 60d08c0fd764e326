/** JSON text helpers shared by rendering and planning (internal). */
@NullMarked
package dev.daemonset.core.json;

import org.jspecify.annotations.NullMarked;
