package dev.daemonset.core.internal.rules;

import static java.util.Objects.requireNonNull;

/**
 * One API-server field error: its type, the path as the server renders it, the rendered body, and
 * where in the source the user must look.
 *
 * @param type the error type
 * @param path the field path as the API server renders it (quirks included)
 * @param message the body, as the API server renders it ({@code Invalid value: "x": detail})
 * @param locate the source-map path to point at (may differ from {@code path}: a map entry, or the
 *     written field behind a quirky path)
 * @param onKey true to point at the key of {@code locate} (a bad map key) rather than its value
 */
public record FieldError(
    ErrorType type, String path, String message, String locate, boolean onKey) {
  public FieldError {
    requireNonNull(type, "type");
    requireNonNull(path, "path");
    requireNonNull(message, "message");
    requireNonNull(locate, "locate");
  }

  /** The whole line, {@code <path>: <body>}, as in the API server's response message. */
  @Override
  public String toString() {
    return path + ": " + message;
  }
}
