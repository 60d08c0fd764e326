/**
 * Input and output helpers shared by the engine and the command line. Internal: exported to the CLI
 * module only.
 */
@NullMarked
package dev.daemonset.core.internal.io;

import org.jspecify.annotations.NullMarked;
