package dev.daemonset.core.lint;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.daemonset.api.Diagnostic;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apiguardian.api.API;

/**
 * What linting found: the diagnostics to report, and the policy findings that annotations in the
 * manifest suppressed, kept so that reports count and list them instead of losing them silently.
 *
 * <pre>{@code
 * LintResult result = Linter.defaults().check(ManifestReader.defaults().read(text));
 * result.diagnostics().forEach(d -> System.out.println(d.code() + " " + d.message()));
 * System.out.println(result.suppressed().size() + " suppressed");
 * }</pre>
 *
 * @param diagnostics what to report, ordered by {@link Linter#BY_POSITION}
 * @param suppressed the suppressed policy findings, ordered by the position of their diagnostic
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record LintResult(List<Diagnostic> diagnostics, List<Suppressed> suppressed) {

  /** Copies both lists. */
  public LintResult {
    diagnostics = List.copyOf(diagnostics);
    suppressed = List.copyOf(suppressed);
  }

  /** Nothing found. */
  public static final LintResult EMPTY = new LintResult(List.of(), List.of());

  static LintResult sorted(List<Diagnostic> diagnostics, List<Suppressed> suppressed) {
    List<Diagnostic> d = new ArrayList<>(diagnostics);
    d.sort(Linter.BY_POSITION);
    List<Suppressed> s = new ArrayList<>(suppressed);
    s.sort(Comparator.comparing(Suppressed::diagnostic, Linter.BY_POSITION));
    return new LintResult(d, s);
  }

  /**
   * A policy finding that an annotation suppressed.
   *
   * @param diagnostic the finding, as it would have been reported
   * @param annotation the annotation that suppressed it ({@code daemonset.dev/ignore} or {@code
   *     daemonset.dev/ignore.<container>})
   * @param reason the {@code daemonset.dev/ignore-reason} annotation, or empty
   */
  public record Suppressed(Diagnostic diagnostic, String annotation, String reason) {
    /** Checks every component. */
    public Suppressed {
      requireNonNull(diagnostic, "diagnostic");
      requireNonNull(annotation, "annotation");
      requireNonNull(reason, "reason");
    }
  }
}
