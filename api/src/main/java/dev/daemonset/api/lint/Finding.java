package dev.daemonset.api.lint;

import static java.util.Objects.requireNonNull;

import dev.daemonset.api.Severity;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One finding of a policy: the field path it is about (Kubernetes notation, as written in the
 * manifest) and a message. The engine locates it through the document's source map (a path that was
 * not written is located at its nearest written ancestor).
 *
 * @param path the field path, for example {@code spec.template.spec.containers[0].image}
 * @param message what is wrong and why it matters
 * @param severity overrides the rule's default severity when set
 */
public record Finding(String path, String message, @Nullable Severity severity) {
  public Finding {
    requireNonNull(path, "path");
    requireNonNull(message, "message");
  }

  /** A finding at {@code path} with the rule's default severity. */
  public static Finding at(String path, String message) {
    return new Finding(path, message, null);
  }

  /** The severity override, if any. */
  public Optional<Severity> severityOverride() {
    return Optional.ofNullable(severity);
  }
}
