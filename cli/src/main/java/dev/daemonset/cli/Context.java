package dev.daemonset.cli;

import java.io.InputStream;
import java.io.PrintWriter;

/** The streams and terminal facts a command runs with. */
final class Context {
  final InputStream in;
  final PrintWriter out;
  final PrintWriter err;
  final boolean terminal;
  private boolean debug;

  Context(InputStream in, PrintWriter out, PrintWriter err, boolean terminal) {
    this.in = in;
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
