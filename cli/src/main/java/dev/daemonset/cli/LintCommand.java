package dev.daemonset.cli;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.Severity;
import dev.daemonset.api.lint.RuleInfo;
import dev.daemonset.core.DaemonSetEngine;
import dev.daemonset.core.config.LintConfig;
import dev.daemonset.core.config.LintSetup;
import dev.daemonset.core.internal.io.IoReasons;
import dev.daemonset.core.lint.LintResult;
import dev.daemonset.core.report.FileReport;
import dev.daemonset.core.report.ReportFormat;
import dev.daemonset.core.report.ReportWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code daemonset lint}: read, validate and lint manifests. */
@CommandLine.Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.Provider.class,
    description = {
      "Reads manifests strictly (unknown fields, duplicate keys, YAML typing), validates every"
          + " DaemonSet as the API server would (after its defaulting), and runs DaemonSet-aware policies.",
      "Documents of other kinds are skipped; Nodes, Pods and ControllerRevisions are checked for readability.",
      "Each file is linted with the .daemonset.yaml found in its directory or the nearest one above"
          + " (rules on/off, severities, parameters, rule jars, a cluster for placement rules),"
          + " unless --config names one."
    },
    footer = {
      "",
      "Examples:",
      "  daemonset lint ds.yaml",
      "  daemonset lint --output sarif manifests/ > daemonset.sarif",
      "  helm template . | daemonset lint --output github -",
      "  daemonset lint --rules-jar team-rules.jar --cluster nodes.yaml deploy/",
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
      description =
          "Text output: print only the findings that fail the run (errors; with --fail-on"
              + " warning, warnings too), and no summary.")
  boolean quiet;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "The configuration for every input, instead of the .daemonset.yaml found upward from each"
              + " file.")
  Path config;

  @Option(
      names = "--rules-jar",
      paramLabel = "JAR",
      description =
          "A jar of policies (listed in META-INF/services/dev.daemonset.api.lint.Policy) to run"
              + " besides the built-in ones; repeatable.")
  List<Path> rulesJars = new ArrayList<>();

  @Option(
      names = "--cluster",
      paramLabel = "FILE",
      description =
          "Nodes (and pods) for placement rules, as kubectl get nodes,pods -o yaml prints them,"
              + " instead of the configuration's cluster files; repeatable.")
  List<Path> cluster = new ArrayList<>();

  @Option(
      names = "--show-skipped",
      description =
          "Text output: print a note for each document of another kind (they are counted in the"
              + " summary either way).")
  boolean showSkipped;

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
    for (Path p : concat(config == null ? List.of() : List.of(config), rulesJars, cluster)) {
      if (Files.isDirectory(p)) {
        return usageError(p + ": a directory, not a file");
      }
      // a configuration or cluster file may be a pipe (<(kubectl get nodes -o yaml)); a jar not
      if (rulesJars.contains(p) ? !Files.isRegularFile(p) : !Files.exists(p)) {
        return usageError(p + ": no such file");
      }
    }
    List<Source> sources;
    try {
      sources = new Inputs(context.in).collect(operands);
    } catch (Inputs.InputException e) {
      return usageError(String.valueOf(e.getMessage()));
    }
    DaemonSetEngine engine = DaemonSetEngine.defaults();
    Setups setups = new Setups();
    List<FileReport> reports = new ArrayList<>();
    for (Source source : sources) {
      byte[] bytes;
      try {
        bytes = source.bytes();
      } catch (IOException e) {
        return usageError(source.name() + ": cannot read: " + IoReasons.of(e));
      }
      LintResult result;
      try {
        result = setups.forSource(source).linter().check(engine.read(bytes));
      } catch (IOException e) {
        return usageError("cannot read the configuration: " + e.getMessage());
      }
      reports.add(source.report(result.diagnostics(), result.suppressed()));
    }
    List<FileReport> all = new ArrayList<>(setups.problems());
    all.addAll(reports);
    ReportWriter writer =
        ReportWriter.of(output.format)
            .withColor(color())
            .withShowSkipped(showSkipped)
            .withRules(setups.rules())
            .withToolVersion(VersionCommand.version())
            .withBaseDirectory(Path.of(""));
    if (quiet) {
      writer = writer.withQuiet(failOn.severity);
    }
    context.out.print(writer.format(all));
    context.out.flush();
    boolean failed =
        all.stream()
            .flatMap(r -> r.diagnostics().stream())
            .map(Diagnostic::severity)
            .anyMatch(s -> s.compareTo(failOn.severity) >= 0);
    return failed ? Main.FINDINGS : Main.OK;
  }

  @SafeVarargs
  private static List<Path> concat(List<Path>... lists) {
    List<Path> out = new ArrayList<>();
    for (List<Path> l : lists) {
      out.addAll(l);
    }
    return out;
  }

  /**
   * The configurations of a run, each loaded once: the one --config names, or the one found upward
   * from each file (standard input: from the working directory), with --rules-jar and --cluster.
   */
  private final class Setups {
    private final Map<Optional<Path>, LintSetup> loaded = new LinkedHashMap<>();

    LintSetup forSource(Source source) throws IOException {
      Optional<Path> file;
      if (config != null) {
        file = Optional.of(config.toAbsolutePath().normalize());
      } else {
        Path start = source.name().equals("<stdin>") ? Path.of("") : Path.of(source.name());
        file = LintConfig.find(start);
      }
      LintSetup setup = loaded.get(file);
      if (setup == null) {
        LintConfig c = file.isPresent() ? LintConfig.read(file.get()) : LintConfig.empty();
        c = c.withRuleJars(rulesJars);
        if (!cluster.isEmpty()) {
          c = c.withClusterFiles(cluster);
        }
        setup = LintSetup.load(c);
        loaded.put(file, setup);
      }
      return setup;
    }

    /**
     * A report for each file with configuration problems (the file, a rule jar, a cluster file).
     */
    List<FileReport> problems() {
      Map<Path, List<Diagnostic>> byFile = new LinkedHashMap<>();
      for (LintSetup s : loaded.values()) {
        s.diagnostics().forEach((f, d) -> byFile.putIfAbsent(f, d));
      }
      List<FileReport> out = new ArrayList<>();
      byFile.forEach((f, d) -> out.add(new FileReport(display(f), text(f), d)));
      return out;
    }

    /** Every rule any of the linters can report, for SARIF's rule list (first description wins). */
    List<RuleInfo> rules() {
      Map<String, RuleInfo> byId = new LinkedHashMap<>();
      Collection<LintSetup> setups =
          loaded.isEmpty() ? List.of(LintSetup.defaults()) : loaded.values();
      for (LintSetup s : setups) {
        s.linter().rules().forEach(r -> byId.putIfAbsent(r.id(), r));
      }
      return List.copyOf(byId.values());
    }
  }

  /** A path as the user would write it: relative to the working directory when inside it. */
  private static String display(Path file) {
    Path cwd = Path.of("").toAbsolutePath();
    Path abs = file.toAbsolutePath().normalize();
    return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
  }

  private static String text(Path file) {
    try {
      return Inputs.decode(Files.readAllBytes(file));
    } catch (IOException e) {
      return ""; // the report then quotes no source lines
    }
  }
}
