/**
 * The {@code daemonset} command line and its language server. An application, not a library: it
 * exports nothing.
 */
// "requires-automatic": LSP4J's jars are automatic modules
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
  requires static org.jspecify;

  opens dev.daemonset.cli to
      info.picocli;
  // LSP4J calls the server's protocol methods reflectively
  opens dev.daemonset.cli.lsp to
      org.eclipse.lsp4j.jsonrpc;
}
