package dev.daemonset.cli;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
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

  /**
   * The time a {@code --now} option gives, or the current time without one.
   *
   * @throws IllegalArgumentException naming the option and the text when it is not an RFC 3339 time
   */
  static Instant now(@Nullable String text) {
    if (text == null) {
      return Instant.now();
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "--now must be an RFC 3339 time such as 2026-11-28T10:00:00Z, not '" + text + "'", e);
    }
  }

  /** Prints a usage or I/O error and returns exit code 2. */
  int usageError(String message) {
    context.err.println("daemonset: " + message);
    context.err.flush();
    return Main.USAGE;
  }
}
