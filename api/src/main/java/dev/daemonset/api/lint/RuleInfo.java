package dev.daemonset.api.lint;

import static java.util.Objects.requireNonNull;

import dev.daemonset.api.Severity;

/**
 * What a rule is, for people and tools: SARIF rule descriptors, {@code --help} and README tables
 * are made from it.
 *
 * @param id the stable code its diagnostics carry (kebab-case for policies and reader findings,
 *     Kubernetes' error type for API-server validation)
 * @param name a short title, for example "Image uses the latest tag"
 * @param description one or two sentences on what it finds and why it matters
 * @param help how to fix it
 * @param defaultSeverity the severity its findings have unless configured otherwise
 */
public record RuleInfo(
    String id, String name, String description, String help, Severity defaultSeverity) {
  public RuleInfo {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    requireNonNull(description, "description");
    requireNonNull(help, "help");
    requireNonNull(defaultSeverity, "defaultSeverity");
    if (id.isBlank()) {
      throw new IllegalArgumentException("rule id is blank");
    }
  }
}
