package dev.daemonset.cli.lsp;

import java.net.URI;
import java.util.List;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.jspecify.annotations.Nullable;

/**
 * One document the client has open: its latest text and version (changed on the protocol thread),
 * its latest analysis and the last good one (a version that read without a syntax error: hover,
 * completion and the outline keep working from it while the user types a broken document), and the
 * pending debounced analysis. Guarded by its own lock.
 */
final class OpenDocument {

  /** A version of the text. */
  record Version(int version, TextLines lines) {}

  final String uri;
  final URI location;
  private Version current;
  private @Nullable Analysis analysis;
  private @Nullable Analysis lastGood;
  private @Nullable Future<?> pending;

  OpenDocument(String uri, int version, String text) {
    this.uri = uri;
    this.location = parse(uri);
    this.current = new Version(version, TextLines.of(text));
  }

  private static URI parse(String uri) {
    try {
      return URI.create(uri);
    } catch (IllegalArgumentException e) {
      return URI.create("untitled:document");
    }
  }

  synchronized Version current() {
    return current;
  }

  /**
   * Applies the changes of one {@code didChange}, in order: a change without a range replaces the
   * text, one with a range replaces that range (positions in the client's encoding).
   */
  synchronized void change(
      int version, List<TextDocumentContentChangeEvent> changes, TextLines.Encoding encoding) {
    TextLines lines = current.lines();
    for (TextDocumentContentChangeEvent c : changes) {
      String replacement = c.getText() == null ? "" : c.getText();
      if (c.getRange() == null) {
        lines = TextLines.of(replacement);
      } else {
        int start = lines.offset(c.getRange().getStart(), encoding);
        int end = Math.max(start, lines.offset(c.getRange().getEnd(), encoding));
        String t = lines.text();
        lines = TextLines.of(t.substring(0, start) + replacement + t.substring(end));
      }
    }
    current = new Version(version, lines);
  }

  synchronized @Nullable Analysis analysis() {
    return analysis;
  }

  /** The latest analysis if it is of the current text, else null. */
  synchronized @Nullable Analysis currentAnalysis() {
    Analysis a = analysis;
    return a != null && a.lines == current.lines() ? a : null;
  }

  synchronized void analysed(Analysis a) {
    analysis = a;
    if (a.isGood()) {
      lastGood = a;
    }
  }

  /** Forgets the latest analysis: the configuration changed, so the next one is computed anew. */
  synchronized void invalidate() {
    analysis = null;
  }

  /** The last analysis whose text read without a syntax error, if any. */
  synchronized @Nullable Analysis lastGood() {
    return lastGood;
  }

  /** Replaces the pending analysis, cancelling the one before (a newer version arrived). */
  synchronized void pending(@Nullable Future<?> next) {
    if (pending != null) {
      pending.cancel(false);
    }
    pending = next;
  }
}
