package dev.daemonset.core.lint;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.Document;
import dev.daemonset.api.ReadResult;
import dev.daemonset.api.Severity;
import dev.daemonset.api.SourceMap;
import dev.daemonset.api.Span;
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
import java.util.Set;
import java.util.TreeSet;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Lints manifests: reads them (strict YAML/JSON, unknown fields, types), applies the API server's
 * defaults, validates every DaemonSet as the API server would, and runs the DaemonSet-aware
 * policies, built in and user-supplied.
 *
 * <p>Immutable and thread safe; build one and reuse it. Diagnostics come back ordered by document,
 * line and column, and are the same for the same input.
 *
 * <p>A policy that fails (throws, returns {@code null}, or returns a list holding {@code null})
 * does not abort linting: it becomes one {@code policy-failed} error at the DaemonSet's {@code
 * metadata.name}, naming the policy and what went wrong, and the other policies run as usual.
 *
 * <pre>{@code
 * Linter linter = Linter.defaults();
 * for (Diagnostic d : linter.lint(Files.readString(Path.of("ds.yaml")))) {
 *   System.out.println(d.span().line() + ":" + d.span().column() + " " + d.code() + " " + d.message());
 * }
 * Linter strict = Linter.builder().severity("image-tag-latest", Severity.ERROR).build();
 * }</pre>
 *
 * @since 0.2
 */
@API(status = STABLE, since = "0.2")
public final class Linter {

  /** Orders diagnostics by document, position, then code, so output is stable. */
  public static final Comparator<Diagnostic> BY_POSITION =
      Comparator.comparingInt((Diagnostic d) -> d.span().document())
          .thenComparingInt(d -> d.span().line())
          .thenComparingInt(d -> d.span().column())
          .thenComparing(Diagnostic::code)
          .thenComparing(Diagnostic::path)
          .thenComparing(Diagnostic::message);

  /** The code of the error a failing policy becomes. */
  static final String POLICY_FAILED = "policy-failed";

  private static final ManifestReader READER = ManifestReader.defaults();

  /** The policies with the rule each declared when it was added, in reporting order. */
  private final List<Added> policies;

  private final Map<String, Severity> severities;

  private Linter(List<Added> policies, Map<String, Severity> severities) {
    this.policies = List.copyOf(policies);
    this.severities = Map.copyOf(severities);
  }

  /** A policy and the rule it declared, asked once. */
  private record Added(Policy policy, RuleInfo info) {}

  /**
   * The linter with the built-in policies plus every {@link Policy} the {@link ServiceLoader}
   * finds, at their default severities.
   */
  public static Linter defaults() {
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
    requireNonNull(ds, "ds");
    requireNonNull(sourceMap, "sourceMap");
    List<Diagnostic> out = new ArrayList<>(DaemonSetValidator.validate(ds, sourceMap));
    PolicyInput input = new PolicyInput(ds, Defaults.defaulted(ds), sourceMap);
    for (Added added : policies) {
      RuleInfo info = added.info();
      List<Finding> findings;
      try {
        findings = added.policy().check(input);
        String broken = findings == null ? "returned null" : nullFinding(findings);
        if (broken != null) {
          out.add(policyFailed(added, broken, sourceMap));
          continue;
        }
      } catch (RuntimeException | LinkageError | StackOverflowError e) {
        out.add(policyFailed(added, "threw " + describe(e), sourceMap));
        continue;
      }
      Severity configured = severities.get(info.id());
      for (Finding f : findings) {
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

  private static @Nullable String nullFinding(List<Finding> findings) {
    try {
      for (int i = 0; i < findings.size(); i++) {
        if (findings.get(i) == null) {
          return "returned a list whose finding " + i + " is null";
        }
      }
    } catch (NullPointerException e) {
      return "returned a list whose findings cannot be read (" + describe(e) + ")";
    }
    return null;
  }

  private static Diagnostic policyFailed(Added added, String what, SourceMap sourceMap) {
    String id = added.info().id();
    return new Diagnostic(
        Severity.ERROR,
        POLICY_FAILED,
        "",
        "policy "
            + id
            + " ("
            + added.policy().getClass().getName()
            + ") "
            + what
            + ", so this DaemonSet was not checked for "
            + id
            + "; the other policies ran",
        locate("metadata.name", sourceMap));
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return e.getClass().getName() + (message == null ? "" : ": " + message);
  }

  /**
   * Where a policy finding belongs: a value written on one line (an image, a port) is underlined
   * itself; a finding about a mapping or a missing field points at the nearest written key.
   */
  static Span locate(String path, SourceMap sourceMap) {
    return sourceMap
        .value(path)
        .filter(s -> s.line() == s.endLine())
        .orElseGet(() -> sourceMap.nearestKey(path));
  }

  /** Every rule this linter can report: reading, validation, then its policies. */
  public List<RuleInfo> rules() {
    List<RuleInfo> out = new ArrayList<>(Rules.engineRules());
    for (Added p : policies) {
      RuleInfo i = p.info();
      Severity s = severities.get(i.id());
      out.add(s == null ? i : new RuleInfo(i.id(), i.name(), i.description(), i.help(), s));
    }
    return List.copyOf(out);
  }

  /**
   * Builds a {@link Linter}. Not thread safe; the linter it builds is.
   *
   * <p>Ids are checked as they are given: a policy whose id is one of the engine's own rules
   * (reading, validation, {@code policy-failed}) is rejected, and so is {@link #disable} or {@link
   * #severity} of an id that names no policy added so far, with a message that lists the known
   * ones.
   */
  public static final class Builder {
    private final Map<String, Added> policies = new LinkedHashMap<>();
    private final Map<String, Severity> severities = new HashMap<>();

    private Builder() {
      builtinPolicies().forEach(this::policy);
    }

    /**
     * Adds a policy; a policy with the same id replaces the earlier one.
     *
     * @throws NullPointerException if {@code policy} or its {@link Policy#info() info} is null
     * @throws IllegalArgumentException if its id is one of the engine's own rule ids
     */
    public Builder policy(Policy policy) {
      requireNonNull(policy, "policy");
      RuleInfo info =
          requireNonNull(
              policy.info(), () -> "info() of policy " + policy.getClass().getName() + " is null");
      if (Rules.isEngineRule(info.id())) {
        throw new IllegalArgumentException(
            "policy "
                + policy.getClass().getName()
                + " uses the id \""
                + info.id()
                + "\", which is reserved for one of the engine's own rules");
      }
      policies.put(info.id(), new Added(policy, info));
      return this;
    }

    /** Adds every policy the {@link ServiceLoader} finds. */
    public Builder discoverPolicies() {
      ServiceLoader.load(Policy.class).forEach(this::policy);
      return this;
    }

    /**
     * Removes the policy with this id, built in or added.
     *
     * @throws IllegalArgumentException if no policy added so far has this id
     */
    public Builder disable(String id) {
      policies.remove(known(id));
      return this;
    }

    /**
     * Reports the policy with this id at {@code severity} instead of its default.
     *
     * @throws IllegalArgumentException if no policy added so far has this id
     */
    public Builder severity(String id, Severity severity) {
      requireNonNull(severity, "severity");
      severities.put(known(id), severity);
      return this;
    }

    /** Removes every policy, built in or added, so only reading and validation remain. */
    public Builder noPolicies() {
      policies.clear();
      return this;
    }

    /** The linter; the builder may go on being used. */
    public Linter build() {
      return new Linter(new ArrayList<>(policies.values()), severities);
    }

    private String known(String id) {
      requireNonNull(id, "id");
      if (policies.containsKey(id)) {
        return id;
      }
      Set<String> known = new TreeSet<>(policies.keySet());
      if (Rules.isEngineRule(id)) {
        throw new IllegalArgumentException(
            "\""
                + id
                + "\" is a reading or validation rule of the engine, not a policy: it cannot be"
                + " disabled or given another severity; policies: "
                + known);
      }
      throw new IllegalArgumentException("unknown policy id \"" + id + "\"; policies: " + known);
    }
  }
}
