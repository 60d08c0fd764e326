package dev.daemonset.api.lint;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.daemonset.api.Severity;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One finding of a policy: the field path it is about (Kubernetes notation, as written in the
 * manifest) and a message. The engine locates it through the document's source map (a path that was
 * not written is located at its nearest written ancestor).
 *
 * <p>The path must parse: field names ({@code [A-Za-z_$][A-Za-z0-9_$]*}) joined by dots, each
 * optionally followed by list indexes or map keys in brackets ({@code
 * spec.template.spec.containers[0].image}, {@code metadata.labels[app.kubernetes.io/name]}); the
 * empty path stands for the whole document. A path that does not parse ({@code containers.0},
 * {@code spec..selector}, {@code labels[app}) is rejected here with an {@link
 * IllegalArgumentException}, so the policy that builds it is reported as failed ({@code
 * policy-failed}) instead of producing a finding nobody can locate.
 *
 * <pre>{@code
 * Finding.at("spec.template.spec.containers[0].image", "the image has no tag");
 * }</pre>
 *
 * @param path the field path, for example {@code spec.template.spec.containers[0].image}
 * @param message what is wrong and why it matters
 * @param severity overrides the rule's default severity when set
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record Finding(String path, String message, @Nullable Severity severity) {

  /**
   * Checks the path and the message.
   *
   * @throws NullPointerException if {@code path} or {@code message} is {@code null}
   * @throws IllegalArgumentException if {@code path} is not a Kubernetes-notation field path
   */
  public Finding {
    requireNonNull(path, "path");
    requireNonNull(message, "message");
    String problem = pathProblem(path);
    if (problem != null) {
      throw new IllegalArgumentException(
          "unparseable field path \""
              + path
              + "\": "
              + problem
              + "; write it in Kubernetes notation, such as spec.template.spec.containers[0].image");
    }
  }

  /** A finding at {@code path} with the rule's default severity. */
  public static Finding at(String path, String message) {
    return new Finding(path, message, null);
  }

  /** The severity override, if any. */
  public Optional<Severity> severityOverride() {
    return Optional.ofNullable(severity);
  }

  /** What is wrong with {@code path}, or {@code null} if it parses. */
  static @Nullable String pathProblem(String path) {
    int i = 0;
    int n = path.length();
    boolean first = true;
    while (i < n) {
      char c = path.charAt(i);
      if (c == '[') {
        int depth = 0;
        int close = -1;
        for (int j = i; j < n; j++) {
          char b = path.charAt(j);
          if (b == '[') {
            depth++;
          } else if (b == ']' && --depth == 0) {
            close = j;
            break;
          }
        }
        if (close < 0) {
          return "the [ at character " + (i + 1) + " is not closed";
        }
        if (close == i + 1) {
          return "empty [] at character " + (i + 1);
        }
        i = close + 1;
      } else {
        if (!first) {
          if (c != '.') {
            return "expected . or [ at character " + (i + 1);
          }
          i++;
        }
        int start = i;
        while (i < n && isNameChar(path.charAt(i), i == start)) {
          i++;
        }
        if (i == start) {
          return "expected a field name at character " + (i + 1);
        }
      }
      first = false;
    }
    return null;
  }

  private static boolean isNameChar(char c, boolean first) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || c == '_'
        || c == '$'
        || (!first && c >= '0' && c <= '9');
  }
}
