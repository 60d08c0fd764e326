package dev.daemonset.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level command: only subcommands. */
@Command(
    name = "daemonset",
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.Provider.class,
    description =
        "Knows what Kubernetes knows about DaemonSets, with no cluster: validates and lints"
            + " manifests, plans what the DaemonSet controller would do, explains why a node runs a pod or not, simulates rollouts, diffs DaemonSets and serves editors (LSP).",
    subcommands = {
      LintCommand.class,
      PlanCommand.class,
      ExplainCommand.class,
      SimulateCommand.class,
      DiffCommand.class,
      LspCommand.class,
      VersionCommand.class,
      AutoComplete.GenerateCompletion.class
    },
    footer = {"", "Exit codes: 0 no error, 1 error-level findings, 2 usage or I/O error."})
final class DaemonsetCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(),
        "missing command: lint, plan, explain, simulate, diff, lsp, version or generate-completion");
  }
}
