/**
 * The {@code daemonset} command line and its language server. An application, not a library: it
 * exports nothing.
 */
// JFreeChart 1.5 is an automatic module (a stable Automatic-Module-Name, no module-info).
@SuppressWarnings("requires-automatic")
module dev.daemonset.cli {
  requires dev.daemonset.core;
  requires info.picocli;
  requires com.fasterxml.jackson.databind;
  requires java.logging;
  requires java.desktop;
  requires org.jfree.jfreechart;
  requires org.jfree.svg;
  requires static org.jspecify;

  opens dev.daemonset.cli to
      info.picocli;
}
