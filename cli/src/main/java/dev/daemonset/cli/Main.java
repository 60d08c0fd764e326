package dev.daemonset.cli;

import dev.daemonset.core.validate.DaemonSetValidator;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;

/**
 * The {@code daemonset} command. Exit codes: 0 no error-level finding, 1 error-level findings (or
 * warnings with {@code --fail-on warning}), 2 usage or I/O error (a message on stderr, never a
 * stack trace unless {@code --debug}).
 */
public final class Main {
  /** Exit code: nothing at the failing level. */
  public static final int OK = 0;

  /** Exit code: findings at the failing level. */
  public static final int FINDINGS = 1;

  /** Exit code: usage or I/O error. */
  public static final int USAGE = 2;

  private Main() {}

  /**
   * Hibernate Validator announces its version at INFO level on first use (through JBoss Logging,
   * which falls back to java.util.logging). The command owns its process, so it may quiet that
   * logger; held here because java.util.logging keeps loggers only weakly.
   */
  private static final Logger VALIDATOR_VERSION_LOG =
      Logger.getLogger("org.hibernate.validator.internal.util.Version");

  /** Runs the command and exits the JVM with its exit code. */
  public static void main(String[] args) {
    VALIDATOR_VERSION_LOG.setLevel(Level.WARNING);
    PrintStream out = System.out;
    if (args.length > 0 && args[0].equals("lsp")) {
      // standard output carries the protocol and nothing else: whatever prints goes to stderr
      System.setOut(System.err);
    }
    System.exit(run(args, System.in, out, System.err, isTerminal()));
  }

  /**
   * Whether standard input and output are a terminal. From JDK 22 {@code System.console()} is no
   * longer null when they are redirected, so {@code Console.isTerminal()} (JDK 22+) is asked where
   * it exists; before JDK 22 a console exists only on a terminal.
   */
  @SuppressWarnings("SystemConsoleNull") // the null check is for JDK 17 to 21, as documented
  static boolean isTerminal() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (NoSuchMethodException e) {
      return true; // JDK 17 to 21
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }

  /**
   * Runs the command with explicit streams (for embedding and tests) and returns its exit code.
   *
   * @param args the arguments after {@code daemonset}
   * @param in standard input, read when an operand is {@code -}
   * @param out where results go
   * @param err where errors go
   * @param terminal true if {@code out} is a terminal (colour is used only then)
   */
  public static int run(
      String[] args, InputStream in, PrintStream out, PrintStream err, boolean terminal) {
    if (args.length > 0 && (args[0].equals("lint") || args[0].equals("lsp"))) {
      // The validator's machinery takes a few hundred milliseconds to build; build it on the
      // second core while this one parses the command line and reads the input.
      Thread warmUp = new Thread(DaemonSetValidator::prepare, "daemonset-validator-warm-up");
      warmUp.setDaemon(true);
      warmUp.start();
    }
    PrintWriter outWriter =
        new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    PrintWriter errWriter =
        new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
    Context context = new Context(in, out, outWriter, errWriter, terminal);
    CommandLine cli = new CommandLine(new DaemonsetCommand(), new Factory(context));
    cli.setOut(outWriter);
    cli.setErr(errWriter);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setParameterExceptionHandler(
        (ex, argv) -> {
          errWriter.println("daemonset: " + ex.getMessage());
          errWriter.println(
              "Try '"
                  + ex.getCommandLine().getCommandSpec().qualifiedName()
                  + " --help' for more information.");
          errWriter.flush();
          return USAGE;
        });
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          errWriter.println("daemonset: internal error: " + ex);
          if (context.debug()) {
            ex.printStackTrace(errWriter);
          } else {
            errWriter.println("(run again with --debug for the stack trace, and please report it)");
          }
          errWriter.flush();
          return USAGE;
        });
    int code;
    try {
      code = cli.execute(args);
    } catch (OutOfMemoryError e) {
      errWriter.println(
          "daemonset: out of memory: the input is larger than this JVM's heap allows;"
              + " give it more (java -Xmx4g -jar ...) or split the input");
      code = USAGE;
    }
    outWriter.flush();
    errWriter.flush();
    return code;
  }

  /** Creates command objects with the shared context. */
  private static final class Factory implements CommandLine.IFactory {
    private final Context context;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    Factory(Context context) {
      this.context = context;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
      if (Command.class.isAssignableFrom(cls)) {
        K command = cls.getDeclaredConstructor().newInstance();
        ((Command) command).context = context;
        return command;
      }
      return fallback.create(cls);
    }
  }
}
