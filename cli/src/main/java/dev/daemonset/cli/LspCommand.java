package dev.daemonset.cli;

import dev.daemonset.cli.lsp.DaemonSetLanguageServer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code daemonset lsp}: the language server on standard input and output. */
@CommandLine.Command(
    name = "lsp",
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.Provider.class,
    description = {
      "Runs the DaemonSet language server (LSP 3.17) on standard input and output, for VS Code,"
          + " IntelliJ (LSP4IJ), Neovim, Emacs (eglot), Helix, Zed and any other LSP client.",
      "Standard output carries the protocol only; the server logs to the client and to standard"
          + " error. Settings come from the client (initializationOptions and"
          + " workspace/didChangeConfiguration): see docs/editors.md."
    },
    footer = {
      "",
      "Exit codes: 0 after the client's shutdown and exit, 1 when the client exits without"
          + " shutdown or closes the input first."
    })
final class LspCommand extends Command {

  @Option(
      names = "--stdio",
      description =
          "Accepted for clients that pass it (vscode-languageclient): stdio is the only transport.")
  boolean stdio;

  @Override
  public Integer call() throws InterruptedException {
    CompletableFuture<Integer> exit = new CompletableFuture<>();
    DaemonSetLanguageServer server =
        DaemonSetLanguageServer.withSettings(exit::complete, VersionCommand.version());
    Launcher<LanguageClient> launcher =
        LSPLauncher.createServerLauncher(server, context.in, context.rawOut);
    server.connect(launcher.getRemoteProxy());
    Future<Void> listening = launcher.startListening();
    Thread reader =
        new Thread(
            () -> {
              try {
                listening.get();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } catch (ExecutionException e) {
                context.err.println(
                    "daemonset lsp: the input ended with an error: " + e.getCause());
                context.err.flush();
              }
              // the client closed the input: exit as the spec says for an exit without shutdown
              exit.complete(server.isShutDown() ? 0 : 1);
            },
            "daemonset-lsp-input");
    reader.setDaemon(true);
    reader.start();
    try {
      return exit.get();
    } catch (ExecutionException e) {
      return Main.USAGE;
    }
  }
}
