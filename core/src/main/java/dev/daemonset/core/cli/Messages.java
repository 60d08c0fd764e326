package dev.daemonset.core.cli;

import dev.daemonset.api.Diagnostic;

/** How a diagnostic's message is shown to people. */
final class Messages {
  private Messages() {}

  /**
   * The message as printed. API-server errors (codes {@code FieldValue...}) read as the API server
   * prints them, {@code <field path>: <message>}, since their messages ("Required value") say
   * nothing without the field; other findings name their subject in the message itself.
   */
  static String display(Diagnostic d) {
    return d.code().startsWith("FieldValue") && !d.path().isEmpty() ? d.path() + ": " + d.message() : d.message();
  }
}
