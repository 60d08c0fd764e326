package dev.daemonset.cli;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.Severity;
import dev.daemonset.core.DaemonSetEngine;
import dev.daemonset.core.lint.Linter;
import dev.daemonset.core.report.FileReport;
import dev.daemonset.core.report.ReportFormat;
import dev.daemonset.core.report.ReportWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code daemonset lint}: read, validate and lint manifests. */
@CommandLine.Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    description = {
      "Reads manifests strictly (unknown fields, duplicate keys, YAML typing), validates every"
          + " DaemonSet as the API server would (after its defaulting), and runs DaemonSet-aware policies.",
      "Documents of other kinds are skipped; Nodes, Pods and ControllerRevisions are checked for readability."
    },
    footer = {
      "",
      "Examples:",
      "  daemonset lint ds.yaml",
      "  daemonset lint --output sarif manifests/ > daemonset.sarif",
      "  helm template . | daemonset lint --output github -",
      "",
      "Exit codes: 0 no finding at the failing level, 1 findings at it, 2 usage or I/O error."
    })
final class LintCommand extends Command {

  enum Format {
    text(ReportFormat.TEXT),
    json(ReportFormat.JSON),
    sarif(ReportFormat.SARIF),
    github(ReportFormat.GITHUB);

    final ReportFormat format;

    Format(ReportFormat format) {
      this.format = format;
    }
  }

  @Option(
      names = {"-o", "--output"},
      defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format output;

  @Option(
      names = "--fail-on",
      defaultValue = "error",
      description =
          "Lowest severity that makes the exit code 1: error or warning (default: ${DEFAULT-VALUE}).")
  FailOn failOn;

  @Option(
      names = {"-q", "--quiet"},
      description = "Text output: print only errors, and no summary.")
  boolean quiet;

  @Parameters(
      paramLabel = "FILE|DIR|-",
      description =
          "Files, directories (searched for *.yaml, *.yml, *.json) or - for standard input.")
  List<String> operands = new ArrayList<>();

  enum FailOn {
    error(Severity.ERROR),
    warning(Severity.WARNING);

    final Severity severity;

    FailOn(Severity severity) {
      this.severity = severity;
    }
  }

  @Override
  public Integer call() {
    List<Source> sources;
    try {
      sources = new Inputs(context.in).collect(operands);
    } catch (Inputs.InputException e) {
      return usageError(String.valueOf(e.getMessage()));
    }
    DaemonSetEngine engine = DaemonSetEngine.defaults();
    Linter linter = engine.linter();
    List<FileReport> reports = new ArrayList<>();
    for (Source source : sources) {
      reports.add(source.report(engine.lint(engine.read(source.bytes()))));
    }
    ReportWriter writer =
        ReportWriter.of(output.format)
            .withColor(color())
            .withQuiet(quiet)
            .withRules(linter.rules())
            .withToolVersion(VersionCommand.version())
            .withBaseDirectory(Path.of(""));
    context.out.print(writer.format(reports));
    context.out.flush();
    boolean failed =
        reports.stream()
            .flatMap(r -> r.diagnostics().stream())
            .map(Diagnostic::severity)
            .anyMatch(s -> s.compareTo(failOn.severity) >= 0);
    return failed ? Main.FINDINGS : Main.OK;
  }
}
