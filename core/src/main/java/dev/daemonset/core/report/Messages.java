package dev.daemonset.core.report;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.core.internal.tree.ReaderCode;

/** How a diagnostic's message is shown to people. */
final class Messages {
  /** The code of the note that a document of another kind was skipped. */
  static final String SKIPPED_KIND = ReaderCode.SKIPPED_KIND.id();

  private Messages() {}

  /**
   * True for the notes that a document of another kind (a Service, a ConfigMap) was skipped. A
   * release manifest has dozens; printed findings, annotations and code-scanning alerts for them
   * would bury the real ones. JSON lists them; text output counts them in its summary and prints
   * them only when asked ({@code --show-skipped}); SARIF counts them in the run's properties.
   */
  static boolean isSkipped(Diagnostic d) {
    return d.code().equals(SKIPPED_KIND);
  }

  /**
   * The message as printed. API-server errors (codes {@code FieldValue...}) read as the API server
   * prints them, {@code <field path>: <message>}, since their messages ("Required value") say
   * nothing without the field; other findings name their subject in the message itself.
   */
  static String display(Diagnostic d) {
    return d.code().startsWith("FieldValue") && !d.path().isEmpty()
        ? d.path() + ": " + d.message()
        : d.message();
  }
}
