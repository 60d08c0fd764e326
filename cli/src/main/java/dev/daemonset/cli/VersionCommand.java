package dev.daemonset.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** {@code daemonset version}: the version of the engine and the Kubernetes semantics it follows. */
@CommandLine.Command(
    name = "version",
    description = "Print the version and the Kubernetes version whose semantics it follows.")
final class VersionCommand extends Command {

  /** Kubernetes minor version whose validation and controller semantics the engine follows. */
  static final String KUBERNETES = "1.35";

  @Override
  public Integer call() {
    context.out.println("daemonset " + version() + " (Kubernetes " + KUBERNETES + " semantics)");
    context.out.flush();
    return Main.OK;
  }

  static String version() {
    try (InputStream in = VersionCommand.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** Supplies {@code --version}. */
  static final class Provider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"daemonset " + version() + " (Kubernetes " + KUBERNETES + " semantics)"};
    }
  }
}
