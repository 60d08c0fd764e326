package dev.daemonset.core.internal.tree;

import static java.util.Objects.requireNonNull;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.Severity;
import dev.daemonset.api.Span;
import java.util.List;

/**
 * A diagnostic before its path is rendered: the path is kept as segments (map keys as {@code
 * String}, list indexes as {@code Integer}) because only the schema knows whether a key names a
 * field ({@code .name}) or a map entry ({@code [name]}).
 *
 * @param severity how serious
 * @param code what was found, from the catalogue of reader codes
 * @param path segments from the document root
 * @param message for a person
 * @param span where (document index still 0 until placed)
 * @param related secondary locations
 */
public record Finding(
    Severity severity,
    ReaderCode code,
    List<Object> path,
    String message,
    Span span,
    List<Diagnostic.Related> related) {

  public Finding {
    requireNonNull(severity, "severity");
    requireNonNull(code, "code");
    path = List.copyOf(path);
    requireNonNull(message, "message");
    requireNonNull(span, "span");
    related = List.copyOf(related);
  }

  /** An error without related locations. */
  public static Finding error(ReaderCode code, List<Object> path, String message, Span span) {
    return new Finding(Severity.ERROR, code, path, message, span, List.of());
  }

  /** A warning without related locations. */
  public static Finding warning(ReaderCode code, List<Object> path, String message, Span span) {
    return new Finding(Severity.WARNING, code, path, message, span, List.of());
  }
}
