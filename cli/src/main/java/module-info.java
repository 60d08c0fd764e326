/**
 * The {@code daemonset} command line and its language server. An application, not a library: it
 * exports nothing.
 */
module dev.daemonset.cli {
  requires dev.daemonset.core;
  requires info.picocli;
  requires com.fasterxml.jackson.databind;
  requires java.logging;
  requires static org.jspecify;

  opens dev.daemonset.cli to
      info.picocli;
}
