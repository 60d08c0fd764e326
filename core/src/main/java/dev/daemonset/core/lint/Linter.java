package dev.daemonset.core.lint;

import static java.util.Objects.requireNonNull;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.Document;
import dev.daemonset.api.ReadResult;
import dev.daemonset.api.Severity;
import dev.daemonset.api.SourceMap;
import dev.daemonset.api.lint.Finding;
import dev.daemonset.api.lint.Policy;
import dev.daemonset.api.lint.PolicyInput;
import dev.daemonset.api.lint.RuleInfo;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.core.defaults.Defaults;
import dev.daemonset.core.read.ManifestReader;
import dev.daemonset.core.validate.DaemonSetValidator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Lints manifests: reads them (strict YAML/JSON, unknown fields, types), applies the API server's
 * defaults, validates every DaemonSet as the API server would, and runs the DaemonSet-aware
 * policies, built in and user-supplied.
 *
 * <p>Immutable and thread safe; build one and reuse it. Diagnostics come back ordered by document,
 * line and column, and are the same for the same input.
 *
 * <pre>{@code
 * Linter linter = Linter.standard();
 * for (Diagnostic d : linter.lint(Files.readString(Path.of("ds.yaml")))) {
 *   System.out.println(d.span().line() + ":" + d.span().column() + " " + d.code() + " " + d.message());
 * }
 * }</pre>
 */
public final class Linter {

  /** Orders diagnostics by document, position, then code, so output is stable. */
  public static final Comparator<Diagnostic> BY_POSITION =
      Comparator.comparingInt((Diagnostic d) -> d.span().document())
          .thenComparingInt(d -> d.span().line())
          .thenComparingInt(d -> d.span().column())
          .thenComparing(Diagnostic::code)
          .thenComparing(Diagnostic::path)
          .thenComparing(Diagnostic::message);

  private static final ManifestReader READER = ManifestReader.defaults();

  private final List<Policy> policies;
  private final Map<String, Severity> severities;

  private Linter(List<Policy> policies, Map<String, Severity> severities) {
    this.policies = List.copyOf(policies);
    this.severities = Map.copyOf(severities);
  }

  /** The built-in policies plus every {@link Policy} found by the {@link ServiceLoader}. */
  public static Linter standard() {
    return builder().discoverPolicies().build();
  }

  /** A builder that starts with the built-in policies. */
  public static Builder builder() {
    return new Builder();
  }

  /** The built-in policies, in reporting order. */
  public static List<Policy> builtinPolicies() {
    return List.of(
        new ImageTagPolicy(),
        new ResourcesPolicy(),
        new PriorityClassPolicy(),
        new SurgeHostPortPolicy(),
        new ReadinessProbePolicy(),
        new OnDeletePolicy());
  }

  /** Reads {@code text} and lints every DaemonSet in it; reading findings included. */
  public List<Diagnostic> lint(String text) {
    return lint(READER.read(requireNonNull(text, "text")));
  }

  /** Lints what was already read: its reading findings plus validation and policy findings. */
  public List<Diagnostic> lint(ReadResult read) {
    List<Diagnostic> out = new ArrayList<>(read.diagnostics());
    for (Document doc : read.documents()) {
      if (doc.object() instanceof DaemonSet ds) {
        out.addAll(lint(ds, doc.sourceMap()));
      }
    }
    out.sort(BY_POSITION);
    return List.copyOf(out);
  }

  /** Validation and policy findings for one DaemonSet, located through {@code sourceMap}. */
  public List<Diagnostic> lint(DaemonSet ds, SourceMap sourceMap) {
    List<Diagnostic> out = new ArrayList<>(DaemonSetValidator.validate(ds, sourceMap));
    PolicyInput input = new PolicyInput(ds, Defaults.defaulted(ds), sourceMap);
    for (Policy policy : policies) {
      RuleInfo info = policy.info();
      Severity configured = severities.get(info.id());
      for (Finding f : policy.check(input)) {
        // the user's setting wins over the policy's own choice for a finding
        Severity severity =
            configured != null ? configured : f.severityOverride().orElse(info.defaultSeverity());
        out.add(
            new Diagnostic(
                severity, info.id(), f.path(), f.message(), locate(f.path(), sourceMap)));
      }
    }
    out.sort(BY_POSITION);
    return List.copyOf(out);
  }

  /**
   * Where a policy finding belongs: a value written on one line (an image, a port) is underlined
   * itself; a finding about a mapping or a missing field points at the nearest written key.
   */
  static dev.daemonset.api.Span locate(String path, SourceMap sourceMap) {
    return sourceMap
        .value(path)
        .filter(s -> s.line() == s.endLine())
        .orElseGet(() -> sourceMap.nearestKey(path));
  }

  /** Every rule this linter can report: reading, validation, then its policies. */
  public List<RuleInfo> rules() {
    List<RuleInfo> out = new ArrayList<>(Rules.engineRules());
    for (Policy p : policies) {
      RuleInfo i = p.info();
      Severity s = severities.get(i.id());
      out.add(s == null ? i : new RuleInfo(i.id(), i.name(), i.description(), i.help(), s));
    }
    return List.copyOf(out);
  }

  /** Builds a {@link Linter}. Not thread safe; the linter it builds is. */
  public static final class Builder {
    private final Map<String, Policy> policies = new LinkedHashMap<>();
    private final Map<String, Severity> severities = new HashMap<>();

    private Builder() {
      builtinPolicies().forEach(this::policy);
    }

    /** Adds a policy; a policy with the same id replaces the earlier one. */
    public Builder policy(Policy policy) {
      policies.put(requireNonNull(policy, "policy").info().id(), policy);
      return this;
    }

    /** Adds every policy the {@link ServiceLoader} finds. */
    public Builder discoverPolicies() {
      ServiceLoader.load(Policy.class).forEach(this::policy);
      return this;
    }

    /** Removes the policy with this id, built in or added. */
    public Builder disable(String id) {
      policies.remove(requireNonNull(id, "id"));
      return this;
    }

    /** Reports the policy with this id at {@code severity} instead of its default. */
    public Builder severity(String id, Severity severity) {
      severities.put(requireNonNull(id, "id"), requireNonNull(severity, "severity"));
      return this;
    }

    /** Removes every policy, built in or added, so only reading and validation remain. */
    public Builder noPolicies() {
      policies.clear();
      return this;
    }

    public Linter build() {
      return new Linter(new ArrayList<>(policies.values()), severities);
    }
  }
}
