/**
 * The {@code daemonset} command line: {@code lint}, {@code plan}, {@code explain}, {@code version}.
 * The only package that prints. Entry point: {@link dev.daemonset.cli.Main}.
 */
@NullMarked
package dev.daemonset.cli;

import org.jspecify.annotations.NullMarked;
