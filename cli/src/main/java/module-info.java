/**
 * The {@code daemonset} command line and its language server. An application, not a library: it
 * exports nothing.
 */
// "requires-automatic": LSP4J's jars and JFreeChart 1.5 are automatic modules (JFreeChart with a
// stable Automatic-Module-Name, no module-info)
@SuppressWarnings("requires-automatic")
module dev.daemonset.cli {
  requires dev.daemonset.core;
  requires info.picocli;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.yaml;
  requires org.eclipse.lsp4j;
  requires org.eclipse.lsp4j.jsonrpc;
  requires com.google.gson;
  requires java.logging;
  requires java.desktop;
  requires org.jfree.jfreechart;
  requires org.jfree.svg;
  requires static org.jspecify;

  opens dev.daemonset.cli to
      info.picocli;
  // LSP4J calls the server's protocol methods reflectively
  opens dev.daemonset.cli.lsp to
      org.eclipse.lsp4j.jsonrpc;
}
