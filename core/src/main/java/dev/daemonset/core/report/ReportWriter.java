package dev.daemonset.core.report;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.daemonset.api.Severity;
import dev.daemonset.api.lint.RuleInfo;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Writes diagnostics in one of the {@link ReportFormat report formats}: the same text, JSON, SARIF
 * and GitHub output the {@code daemonset lint} command prints, for tools that embed the engine.
 *
 * <p>Immutable and thread-safe: configure with the {@code with...} methods, which return a new
 * writer. Output depends only on the reports and the settings (no clock, no working directory).
 *
 * <pre>{@code
 * Linter linter = Linter.defaults();
 * String text = Files.readString(path);
 * List<FileReport> reports = List.of(new FileReport(path.toString(), text, linter.lint(text)));
 * String sarif = ReportWriter.of(ReportFormat.SARIF).withRules(linter.rules()).format(reports);
 * }</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class ReportWriter {
  private final ReportFormat format;
  private final boolean color;
  private final @Nullable Severity quiet;
  private final boolean showSkipped;
  private final List<RuleInfo> rules;
  private final String toolVersion;
  private final @Nullable Path baseDirectory;

  private ReportWriter(
      ReportFormat format,
      boolean color,
      @Nullable Severity quiet,
      boolean showSkipped,
      List<RuleInfo> rules,
      String toolVersion,
      @Nullable Path baseDirectory) {
    this.format = format;
    this.color = color;
    this.quiet = quiet;
    this.showSkipped = showSkipped;
    this.rules = List.copyOf(rules);
    this.toolVersion = toolVersion;
    this.baseDirectory = baseDirectory;
  }

  /** A writer of {@code format}: no colour, not quiet, no rule descriptions, no base directory. */
  public static ReportWriter of(ReportFormat format) {
    return new ReportWriter(
        requireNonNull(format, "format"), false, null, false, List.of(), "unknown", null);
  }

  /** The format this writer writes. */
  public ReportFormat format() {
    return format;
  }

  /** Text output: colour severities with ANSI escapes (for a terminal). */
  public ReportWriter withColor(boolean newColor) {
    return new ReportWriter(
        format, newColor, quiet, showSkipped, rules, toolVersion, baseDirectory);
  }

  /** Text output: print only errors, and no summary ({@code withQuiet(Severity.ERROR)}). */
  public ReportWriter withQuiet(boolean newQuiet) {
    return new ReportWriter(
        format,
        color,
        newQuiet ? Severity.ERROR : null,
        showSkipped,
        rules,
        toolVersion,
        baseDirectory);
  }

  /**
   * Text output: print only the findings of {@code lowest} severity or above, and no summary; for a
   * run that fails on warnings, {@code withQuiet(Severity.WARNING)} still shows why it failed.
   *
   * @since 0.3
   */
  public ReportWriter withQuiet(Severity lowest) {
    return new ReportWriter(
        format,
        color,
        requireNonNull(lowest, "lowest"),
        showSkipped,
        rules,
        toolVersion,
        baseDirectory);
  }

  /**
   * Text output: print the notes that documents of other kinds were skipped ({@code skipped-kind});
   * without this they are only counted in the summary.
   */
  public ReportWriter withShowSkipped(boolean newShowSkipped) {
    return new ReportWriter(
        format, color, quiet, newShowSkipped, rules, toolVersion, baseDirectory);
  }

  /**
   * SARIF output: the rules the run could report ({@code Linter.rules()}), described in the tool
   * section so that code-scanning services show their documentation.
   */
  public ReportWriter withRules(List<RuleInfo> newRules) {
    return new ReportWriter(
        format, color, quiet, showSkipped, newRules, toolVersion, baseDirectory);
  }

  /** SARIF output: the version of the tool that made the report. */
  public ReportWriter withToolVersion(String newToolVersion) {
    return new ReportWriter(
        format,
        color,
        quiet,
        showSkipped,
        rules,
        requireNonNull(newToolVersion, "toolVersion"),
        baseDirectory);
  }

  /**
   * SARIF output: the directory relative file names are relative to ({@code %SRCROOT%}); file names
   * inside it are written relative to it. Without one, names are written as given.
   */
  public ReportWriter withBaseDirectory(Path newBaseDirectory) {
    return new ReportWriter(
        format,
        color,
        quiet,
        showSkipped,
        rules,
        toolVersion,
        requireNonNull(newBaseDirectory, "baseDirectory").toAbsolutePath().normalize());
  }

  /** The SARIF base directory, if one was set. */
  public Optional<Path> baseDirectory() {
    return Optional.ofNullable(baseDirectory);
  }

  /**
   * Writes the reports to {@code out} and flushes it.
   *
   * @throws IOException if {@code out} fails
   */
  public void write(List<FileReport> reports, Writer out) throws IOException {
    requireNonNull(reports, "reports");
    requireNonNull(out, "out");
    PrintWriter pw = out instanceof PrintWriter p ? p : new PrintWriter(out);
    switch (format) {
      case TEXT -> new TextFormat(color, quiet, showSkipped).write(reports, pw);
      case JSON -> JsonFormat.write(reports, pw);
      case SARIF -> SarifFormat.write(reports, rules, toolVersion, baseDirectory, pw);
      case GITHUB -> GithubFormat.write(reports, pw);
    }
    pw.flush();
    if (pw.checkError()) {
      throw new IOException("cannot write the " + format.label() + " report");
    }
  }

  /** The reports as one string. */
  public String format(List<FileReport> reports) {
    StringWriter sw = new StringWriter();
    try {
      write(reports, sw);
    } catch (IOException e) {
      throw new UncheckedIOException("a StringWriter does not fail", e);
    }
    return sw.toString();
  }

  /**
   * The one-line summary text output ends with, for example {@code 2 files checked: 1 error, 0
   * warnings, 0 info (2 suppressed; 5 documents of other kinds skipped)}.
   */
  public static String summary(List<FileReport> reports) {
    return TextFormat.summary(requireNonNull(reports, "reports"));
  }
}
