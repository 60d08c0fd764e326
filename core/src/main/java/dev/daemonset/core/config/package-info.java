/**
 * Lint configuration: the {@code .daemonset.yaml} file ({@link
 * dev.daemonset.core.config.LintConfig}: rule settings, rule jars, cluster snapshot files, each
 * entry with its position) and its application ({@link dev.daemonset.core.config.LintSetup}: the
 * configured linter and cluster, and every problem as a located diagnostic). The command line and
 * the language server share it.
 */
@NullMarked
package dev.daemonset.core.config;

import org.jspecify.annotations.NullMarked;
