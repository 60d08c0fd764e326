package dev.daemonset.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Option;

/** What every subcommand shares: the context, and the options common to all. */
abstract class Command implements Callable<Integer> {
  @SuppressWarnings("NullAway.Init") // set by Main's factory right after construction
  Context context;

  @Option(
      names = "--no-color",
      description =
          "Never colour the output (colour is used only on a terminal, and never when NO_COLOR is set).")
  boolean noColor;

  @Option(names = "--debug", description = "Print stack traces of internal errors.")
  void debug(boolean on) {
    context.debug(on);
  }

  boolean color() {
    return context.terminal && !noColor && System.getenv("NO_COLOR") == null;
  }

  /** Prints a usage or I/O error and returns exit code 2. */
  int usageError(String message) {
    context.err.println("daemonset: " + message);
    context.err.flush();
    return Main.USAGE;
  }
}
