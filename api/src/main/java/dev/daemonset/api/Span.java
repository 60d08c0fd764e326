package dev.daemonset.api;

/**
 * A 1-based region of the original text: from {@code line:column} to {@code endLine:endColumn}, the
 * end exclusive (the column just after the last character), within document {@code document}
 * (0-based index in a multi-document stream or a flattened {@code v1 List}).
 *
 * <p>Columns count Unicode code points, as editors and SARIF consumers do.
 *
 * @param document 0-based document index in its source
 * @param line 1-based first line
 * @param column 1-based first column
 * @param endLine 1-based last line
 * @param endColumn 1-based column just after the region
 */
public record Span(int document, int line, int column, int endLine, int endColumn) {

  /** A span for input with no meaningful position (for example an object built in code). */
  public static final Span UNKNOWN = new Span(0, 1, 1, 1, 1);

  public Span {
    if (document < 0
        || line < 1
        || column < 1
        || endLine < line
        || (endLine == line && endColumn < column)) {
      throw new IllegalArgumentException(
          "invalid span " + document + ":" + line + ":" + column + "-" + endLine + ":" + endColumn);
    }
  }

  /** A zero-width span at one position. */
  public static Span at(int document, int line, int column) {
    return new Span(document, line, column, line, column);
  }

  /** {@code line:column}, as a compiler prints it. */
  @Override
  public String toString() {
    return line
        + ":"
        + column
        + "-"
        + endLine
        + ":"
        + endColumn
        + (document == 0 ? "" : " (document " + document + ")");
  }
}
