package dev.daemonset.api;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * A 1-based region of the original text: from {@code line:column} to {@code endLine:endColumn}, the
 * end exclusive (the column just after the last character), within document {@code document}
 * (0-based index in a multi-document stream or a flattened {@code v1 List}).
 *
 * <p>Columns count Unicode code points, as editors and SARIF consumers do.
 *
 * <p>A span may be {@linkplain #isKnown() unknown}: a finding about an object built in code, or
 * located through {@link SourceMap#empty()}, has no place in any text. An unknown span has line,
 * column, end line and end column 0, so it never looks like a real position (a real one is at least
 * {@code 1:1}); every report format says "no position" for it instead of pointing at the first
 * character.
 *
 * <pre>{@code
 * Span s = diagnostic.span();
 * String where = s.isKnown() ? s.line() + ":" + s.column() : "(no position)";
 * }</pre>
 *
 * @param document 0-based document index in its source
 * @param line 1-based first line; 0 for an unknown span
 * @param column 1-based first column; 0 for an unknown span
 * @param endLine 1-based last line; 0 for an unknown span
 * @param endColumn 1-based column just after the region; 0 for an unknown span
 * @since 0.2
 */
@API(status = STABLE, since = "0.2")
public record Span(int document, int line, int column, int endLine, int endColumn) {

  /**
   * The unknown position in document 0: {@code 0:0-0:0}, not {@link #isKnown() known}. For input
   * with no meaningful position, such as an object built in code.
   */
  public static final Span UNKNOWN = new Span(0, 0, 0, 0, 0);

  /**
   * Checks the region: either all four positions are 0 (an unknown span), or all are 1-based with
   * the end not before the start.
   *
   * @throws IllegalArgumentException for any other combination
   */
  public Span {
    boolean unknown = line == 0 && column == 0 && endLine == 0 && endColumn == 0;
    if (document < 0
        || (!unknown
            && (line < 1
                || column < 1
                || endLine < line
                || (endLine == line && endColumn < column)))) {
      throw new IllegalArgumentException(
          "invalid span " + document + ":" + line + ":" + column + "-" + endLine + ":" + endColumn);
    }
  }

  /** A zero-width span at one position. */
  public static Span at(int document, int line, int column) {
    return new Span(document, line, column, line, column);
  }

  /** The unknown position in document {@code document}: known to be there, but not where. */
  public static Span unknown(int document) {
    return document == 0 ? UNKNOWN : new Span(document, 0, 0, 0, 0);
  }

  /** False for an unknown span (line 0), true for a real region of the text. */
  public boolean isKnown() {
    return line != 0;
  }

  /**
   * {@code line:column-endLine:endColumn}, as a compiler prints it, or {@code unknown position};
   * followed by {@code (document n)} for a document other than the first.
   */
  @Override
  public String toString() {
    return (isKnown() ? line + ":" + column + "-" + endLine + ":" + endColumn : "unknown position")
        + (document == 0 ? "" : " (document " + document + ")");
  }
}
