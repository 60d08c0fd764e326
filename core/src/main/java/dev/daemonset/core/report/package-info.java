/**
 * Reporting diagnostics: the text, JSON, SARIF and GitHub formats the command line prints, as a
 * library ({@link dev.daemonset.core.report.ReportWriter}).
 */
@NullMarked
package dev.daemonset.core.report;

import org.jspecify.annotations.NullMarked;
