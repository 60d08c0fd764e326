package dev.daemonset.core.read;

import dev.daemonset.api.Span;
import dev.daemonset.core.internal.tree.Finding;
import dev.daemonset.core.internal.tree.ReaderCode;
import java.util.ArrayList;
import java.util.List;

/**
 * kubectl's cut of a YAML stream into documents, before any YAML is parsed: apimachinery's {@code
 * YAMLReader} reads line by line ({@code LineReader}) and ends a document at every line that starts
 * with {@code ---}. What follows the three dashes on that line may only be blanks or a comment,
 * else kubectl fails with "invalid Yaml document separator" (so {@code --- |}, {@code --- {a: 1}}
 * and a key such as {@code ---x: 1} are errors, where a YAML parser reads them). Each piece is then
 * parsed on its own by go-yaml, which fails on a piece whose first token is the document end marker
 * {@code ...} ("did not find expected node content").
 *
 * <p>The result: where each piece ({@link Chunk}) starts and ends, and an error for each line
 * kubectl fails on. A piece after a bad separator is left out up to the next good one (kubectl
 * stops at the first; reading on shows the others). The lines are those of the text: a separator
 * line is a {@code ---} document start for SnakeYAML and the quick parser too, so the text is
 * parsed as one stream, and a parse that fails goes on at the next piece, as kubectl's pieces are
 * independent.
 */
final class DocumentSplitter {
  private DocumentSplitter() {}

  /**
   * One document as kubectl cuts it.
   *
   * @param start offset of its first character (after the separator line)
   * @param end offset after its last character (the start of the next separator line, or the end)
   * @param line the 1-based line of {@code start}
   */
  record Chunk(int start, int end, int line) {}

  /**
   * A line kubectl fails on, in place of a document.
   *
   * @param offset where the line starts
   * @param finding the error (document index 0)
   */
  record Problem(int offset, Finding finding) {}

  /**
   * The pieces and the lines kubectl fails on.
   *
   * @param chunks the pieces to parse, in order (at least one)
   * @param errors one per bad separator or lone {@code ...}, in text order
   */
  record Split(List<Chunk> chunks, List<Problem> errors) {
    /**
     * True if the pieces from {@code chunk} on, up to and including {@code last}, follow each other
     * with nothing left out between them (only good separator lines).
     */
    boolean contiguous(int first, int last, String text) {
      for (int i = first; i < last; i++) {
        int gap = chunks.get(i).end();
        int eol = text.indexOf('\n', gap);
        if ((eol < 0 ? text.length() : eol + 1) != chunks.get(i + 1).start()) {
          return false;
        }
      }
      return true;
    }

    /** The piece holding {@code offset}, or the last one before it. */
    Chunk chunkAt(int offset) {
      int lo = 0;
      int hi = chunks.size() - 1;
      while (lo < hi) {
        int mid = (lo + hi + 1) >>> 1;
        if (chunks.get(mid).start() <= offset) {
          lo = mid;
        } else {
          hi = mid - 1;
        }
      }
      return chunks.get(lo);
    }
  }

  static Split split(String text) {
    List<Chunk> chunks = new ArrayList<>();
    List<Problem> errors = new ArrayList<>();
    int start = 0;
    int startLine = 1;
    boolean skipping = false; // after a bad separator, up to the next good one
    int line = 1;
    for (int at = 0; at < text.length(); ) {
      int eol = text.indexOf('\n', at);
      int next = eol < 0 ? text.length() : eol + 1;
      if (text.startsWith("---", at)) {
        int lineEnd = eol < 0 ? text.length() : eol;
        String rest = goTrim(text.substring(at + 3, lineEnd));
        if (!skipping) {
          add(text, new Chunk(start, at, startLine), chunks, errors);
        }
        skipping = !rest.isEmpty() && rest.charAt(0) != '#';
        if (skipping) {
          errors.add(
              problem(
                  at,
                  "invalid document separator: kubectl starts a new document at every line"
                      + " that begins with ---, and accepts only a comment after the dashes"
                      + " (\"invalid Yaml document separator: "
                      + rest
                      + "\"); put "
                      + rest
                      + " on a line of its own",
                  new Span(0, line, 1, line, 1 + text.codePointCount(at, lineEnd))));
        }
        start = next;
        startLine = line + 1;
      }
      at = next;
      line++;
    }
    if (!skipping) {
      add(text, new Chunk(start, text.length(), startLine), chunks, errors);
    }
    if (chunks.isEmpty()) {
      chunks.add(new Chunk(text.length(), text.length(), line));
    }
    return new Split(chunks, errors);
  }

  /** Go's {@code strings.TrimSpace}: without the Unicode white space at either end. */
  private static String goTrim(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && ManifestReader.isGoSpace(s.charAt(from))) {
      from++;
    }
    while (to > from && ManifestReader.isGoSpace(s.charAt(to - 1))) {
      to--;
    }
    return s.substring(from, to);
  }

  /** Adds a piece, or reports it if its first token is {@code ...}. */
  private static Problem problem(int offset, String message, Span span) {
    return new Problem(offset, Finding.error(ReaderCode.YAML_SYNTAX, List.of(), message, span));
  }

  private static void add(String text, Chunk chunk, List<Chunk> chunks, List<Problem> errors) {
    int at = chunk.start();
    int line = chunk.line();
    while (at < chunk.end()) {
      int eol = text.indexOf('\n', at);
      int next = eol < 0 || eol >= chunk.end() ? chunk.end() : eol + 1;
      int p = at;
      while (p < next && text.charAt(p) == ' ') {
        p++;
      }
      if (p < next && text.charAt(p) != '\n' && text.charAt(p) != '#' && text.charAt(p) != '\r') {
        if (p == at
            && text.startsWith("...", p)
            && (p + 3 >= chunk.end() || " \t\r\n".indexOf(text.charAt(p + 3)) >= 0)) {
          errors.add(
              problem(
                  p,
                  "a document end marker (...) with no document before it: kubectl parses the"
                      + " lines between two --- separators on their own and fails on this one"
                      + " (\"did not find expected node content\"); remove the line",
                  new Span(0, line, 1, line, 4)));
          return;
        }
        break;
      }
      at = next;
      line++;
    }
    chunks.add(chunk);
  }
}
