package dev.daemonset.api;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * How serious a {@link Diagnostic} is. Ordered from least to most severe, so {@code
 * severity.compareTo(Severity.WARNING) >= 0} means "warning or worse".
 *
 * @since 0.2
 */
@API(status = STABLE, since = "0.2")
public enum Severity {
  /** Something worth knowing that needs no change, such as a skipped document of another kind. */
  INFO,
  /** Accepted by Kubernetes, but likely not what the author meant. */
  WARNING,
  /** Rejected by Kubernetes (or unreadable): the manifest will not apply as written. */
  ERROR;

  /**
   * The lower-case name used in text, JSON and SARIF output ({@code info}, {@code warning}, {@code
   * error}).
   */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
