package dev.daemonset.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;

/** The streams and terminal facts a command runs with. */
final class Context {
  final InputStream in;

  /** Standard output as bytes: the language server's protocol stream. */
  final OutputStream rawOut;

  final PrintWriter out;
  final PrintWriter err;
  final boolean terminal;
  private boolean debug;

  Context(InputStream in, OutputStream rawOut, PrintWriter out, PrintWriter err, boolean terminal) {
    this.in = in;
    this.rawOut = rawOut;
    this.out = out;
    this.err = err;
    this.terminal = terminal;
  }

  boolean debug() {
    return debug;
  }

  void debug(boolean on) {
    debug = on;
  }
}
