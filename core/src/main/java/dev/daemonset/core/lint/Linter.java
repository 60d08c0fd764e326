package dev.daemonset.core.lint;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.Document;
import dev.daemonset.api.ReadResult;
import dev.daemonset.api.Severity;
import dev.daemonset.api.SourceMap;
import dev.daemonset.api.Span;
import dev.daemonset.api.lint.ClusterContext;
import dev.daemonset.api.lint.Finding;
import dev.daemonset.api.lint.Policy;
import dev.daemonset.api.lint.PolicyInput;
import dev.daemonset.api.lint.RuleInfo;
import dev.daemonset.api.lint.RuleParameter;
import dev.daemonset.api.lint.RuleParameters;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.plan.ClusterSnapshot;
import dev.daemonset.core.defaults.Defaults;
import dev.daemonset.core.internal.tree.DroppedValues;
import dev.daemonset.core.plan.Planner;
import dev.daemonset.core.read.ManifestReader;
import dev.daemonset.core.validate.DaemonSetValidator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Lints manifests: reads them (strict YAML/JSON, unknown fields, types), applies the API server's
 * defaults, validates every DaemonSet as the API server would, and runs the DaemonSet-aware
 * policies, built in and user-supplied, with their configured severities and parameters, against
 * the configured cluster if there is one.
 *
 * <p>Immutable and thread safe; build one and reuse it. Diagnostics come back ordered by document,
 * line and column, and are the same for the same input.
 *
 * <p>A policy that fails (throws, returns {@code null}, or returns a list holding {@code null})
 * does not abort linting: it becomes one {@code policy-failed} error at the DaemonSet's {@code
 * metadata.name}, naming the policy and what went wrong, and the other policies run as usual.
 *
 * <p>Findings of policies can be suppressed in the manifest: {@code daemonset.dev/ignore:
 * "rule-a,rule-b"} on the DaemonSet's annotations (with an optional {@code
 * daemonset.dev/ignore-reason}) ignores those rules for the whole DaemonSet, {@code
 * daemonset.dev/ignore.<container>} for one container's fields. Suppressed findings are not lost:
 * {@link #check(ReadResult)} returns them beside the others, and an annotation that names no rule
 * (or no container) is reported as {@code invalid-suppression}. Reading and API-server errors
 * cannot be suppressed.
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

  /**
   * Orders diagnostics by document and position (line, column); at one position the API server's
   * errors come first, in the order the server gives them (they compare equal among themselves and
   * {@link java.util.List#sort} is stable), so {@code activeDeadlineSeconds: 0} lists the range
   * error before the DaemonSet's prohibition, as the server does. Other findings at one position
   * follow, by code, path and message, so output is the same on every run.
   */
  public static final Comparator<Diagnostic> BY_POSITION =
      Comparator.comparingInt((Diagnostic d) -> d.span().document())
          .thenComparingInt(d -> d.span().line())
          .thenComparingInt(d -> d.span().column())
          .thenComparing(Linter::isApiServerError, Comparator.reverseOrder())
          .thenComparing(d -> isApiServerError(d) ? "" : d.code())
          .thenComparing(d -> isApiServerError(d) ? "" : d.path())
          .thenComparing(d -> isApiServerError(d) ? "" : d.message());

  /** An API-server error: its code is a Kubernetes error type, which no policy may take. */
  private static boolean isApiServerError(Diagnostic d) {
    return RuleInfo.KUBERNETES_ERROR_TYPES.contains(d.code());
  }

  /** The code of the error a failing policy becomes. */
  static final String POLICY_FAILED = "policy-failed";

  private static final ManifestReader READER = ManifestReader.defaults();

  /** The enabled policies with what they were configured with, in reporting order. */
  private final List<Configured> policies;

  /** The ids of every policy this linter knows, enabled or not (for suppression annotations). */
  private final Set<String> known;

  private final @Nullable ClusterSnapshot cluster;

  private Linter(List<Configured> policies, Set<String> known, @Nullable ClusterSnapshot cluster) {
    this.policies = List.copyOf(policies);
    this.known = Set.copyOf(known);
    this.cluster = cluster;
  }

  /**
   * A policy, the rule it declared (at its configured severity), its parameter values, and the
   * severity the user configured ({@code null}: the policy's own choice per finding).
   */
  private record Configured(
      Policy policy, RuleInfo info, RuleParameters parameters, @Nullable Severity configured) {}

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

  /**
   * The rules of reading, API-server validation and the engine itself ({@code policy-failed},
   * {@code invalid-suppression}, {@code invalid-config}): they are always on, and no policy may
   * take their ids.
   */
  public static List<RuleInfo> engineRules() {
    return Rules.engineRules();
  }

  /** The built-in policies, in reporting order. */
  public static List<Policy> builtinPolicies() {
    return List.copyOf(BuiltinPolicies.all());
  }

  /** Reads {@code text} and lints every DaemonSet in it; reading findings included. */
  public List<Diagnostic> lint(String text) {
    return lint(READER.read(requireNonNull(text, "text")));
  }

  /**
   * Lints what was already read: its reading findings plus validation and policy findings, without
   * the suppressed ones ({@link #check(ReadResult)} has them too).
   */
  public List<Diagnostic> lint(ReadResult read) {
    return check(read).diagnostics();
  }

  /**
   * Lints what was already read, as {@link #lint(ReadResult)}, and keeps the findings that
   * annotations suppressed beside the others, so a report can count and list them.
   */
  public LintResult check(ReadResult read) {
    requireNonNull(read, "read");
    List<Diagnostic> out = new ArrayList<>(read.diagnostics());
    List<LintResult.Suppressed> suppressed = new ArrayList<>();
    DroppedValues dropped = DroppedValues.of(read.diagnostics());
    for (Document doc : read.documents()) {
      if (doc.object() instanceof DaemonSet ds) {
        LintResult one = check(ds, doc.sourceMap());
        out.addAll(dropped.without(one.diagnostics()));
        for (LintResult.Suppressed s : one.suppressed()) {
          if (!dropped.covers(s.diagnostic())) {
            suppressed.add(s);
          }
        }
      }
    }
    return LintResult.sorted(out, suppressed);
  }

  /**
   * Validation and policy findings for one DaemonSet, located through {@code sourceMap}, without
   * the suppressed ones.
   */
  public List<Diagnostic> lint(DaemonSet ds, SourceMap sourceMap) {
    return check(ds, sourceMap).diagnostics();
  }

  /**
   * Validation and policy findings for one DaemonSet, and the findings its annotations suppress.
   */
  public LintResult check(DaemonSet ds, SourceMap sourceMap) {
    requireNonNull(ds, "ds");
    requireNonNull(sourceMap, "sourceMap");
    List<Diagnostic> out = new ArrayList<>(DaemonSetValidator.validate(ds, sourceMap));
    DaemonSet defaulted = Defaults.defaulted(ds);
    PolicyInput input =
        new PolicyInput(ds, defaulted, sourceMap).withCluster(clusterContext(defaulted));
    List<Diagnostic> found = new ArrayList<>();
    for (Configured configured : policies) {
      RuleInfo info = configured.info();
      List<Finding> findings;
      try {
        findings = configured.policy().check(input.withParameters(configured.parameters()));
        String broken = findings == null ? "returned null" : nullFinding(findings);
        if (broken != null) {
          out.add(policyFailed(configured, broken, sourceMap));
          continue;
        }
      } catch (RuntimeException | LinkageError | StackOverflowError e) {
        out.add(policyFailed(configured, "threw " + describe(e), sourceMap));
        continue;
      }
      for (Finding f : findings) {
        // the user's setting wins over the policy's own choice for a finding
        Severity severity =
            configured.configured() != null
                ? configured.configured()
                : f.severityOverride().orElse(info.defaultSeverity());
        found.add(
            new Diagnostic(
                severity, info.id(), f.path(), f.message(), locate(f.path(), sourceMap)));
      }
    }
    Suppressions suppressions = Suppressions.of(ds, sourceMap, known);
    out.addAll(suppressions.problems());
    List<LintResult.Suppressed> suppressed = new ArrayList<>();
    for (Diagnostic d : found) {
      LintResult.Suppressed s = suppressions.suppress(d);
      if (s == null) {
        out.add(d);
      } else {
        suppressed.add(s);
      }
    }
    return LintResult.sorted(out, suppressed);
  }

  /** The cluster as a placement rule sees it, or null without one; verdicts planned lazily. */
  private @Nullable ClusterContext clusterContext(DaemonSet defaulted) {
    ClusterSnapshot snapshot = cluster;
    if (snapshot == null) {
      return null;
    }
    // verdicts do not depend on the time; the plan's actions (which do) are not used
    return new ClusterContext(
        snapshot, () -> Planner.plan(defaulted, snapshot, Instant.EPOCH).verdicts());
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

  private static Diagnostic policyFailed(Configured configured, String what, SourceMap sourceMap) {
    String id = configured.info().id();
    return new Diagnostic(
        Severity.ERROR,
        POLICY_FAILED,
        "",
        "policy "
            + id
            + " ("
            + configured.policy().getClass().getName()
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

  /**
   * Every rule this linter can report: reading, validation, then its enabled policies at their
   * configured severities.
   */
  public List<RuleInfo> rules() {
    List<RuleInfo> out = new ArrayList<>(Rules.engineRules());
    for (Configured p : policies) {
      out.add(p.info());
    }
    return List.copyOf(out);
  }

  /** The parameter values each enabled policy runs with, by rule id, in reporting order. */
  public Map<String, Map<String, String>> parameters() {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    for (Configured p : policies) {
      out.put(p.info().id(), p.parameters().values());
    }
    return Collections.unmodifiableMap(out);
  }

  /** The cluster placement rules check against, if one was configured. */
  public Optional<ClusterSnapshot> cluster() {
    return Optional.ofNullable(cluster);
  }

  /**
   * Builds a {@link Linter}. Not thread safe; the linter it builds is.
   *
   * <p>Ids are checked as they are given: a policy whose id is one of the engine's own rules
   * (reading, validation, {@code policy-failed}) is rejected, and so is {@link #disable}, {@link
   * #enable}, {@link #severity} or {@link #parameter} of an id that names no policy added so far,
   * with a message that lists the known ones. A disabled policy stays known (a later {@link
   * #enable} turns it on again, and its settings are kept).
   */
  public static final class Builder {
    private final Map<String, Added> policies = new LinkedHashMap<>();
    private final Set<String> disabled = new HashSet<>();
    private final Map<String, Severity> severities = new HashMap<>();
    private final Map<String, Map<String, String>> parameters = new HashMap<>();
    private @Nullable ClusterSnapshot cluster;

    /** A policy and the rule it declared, asked once. */
    private record Added(Policy policy, RuleInfo info) {}

    private Builder() {
      this(true);
    }

    private Builder(boolean builtins) {
      if (builtins) {
        builtinPolicies().forEach(this::policy);
      }
    }

    /**
     * Adds a policy, on if its rule is {@link RuleInfo#enabledByDefault() enabled by default} (else
     * {@link #enable} switches it on); a policy with the same id replaces the earlier one (its
     * severity and the parameters the new one declares are kept).
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
      if (info.enabledByDefault()) {
        disabled.remove(info.id());
      } else {
        disabled.add(info.id());
      }
      Map<String, String> values = parameters.get(info.id());
      if (values != null) {
        values.keySet().removeIf(name -> info.parameter(name).isEmpty());
      }
      return this;
    }

    /** Adds every policy the {@link ServiceLoader} finds on the class path or module path. */
    public Builder discoverPolicies() {
      ServiceLoader.load(Policy.class).forEach(this::policy);
      return this;
    }

    /**
     * Adds every policy the {@link ServiceLoader} finds through {@code loader}, such as a class
     * loader over rule jars.
     */
    public Builder discoverPolicies(ClassLoader loader) {
      ServiceLoader.load(Policy.class, requireNonNull(loader, "loader")).forEach(this::policy);
      return this;
    }

    /**
     * Switches the policy with this id off, built in or added; it stays known.
     *
     * @throws IllegalArgumentException if no policy added so far has this id
     */
    public Builder disable(String id) {
      disabled.add(known(id));
      return this;
    }

    /**
     * Switches the policy with this id on: again after {@link #disable}, or for the first time if
     * its rule is off by default.
     *
     * @throws IllegalArgumentException if no policy added so far has this id
     */
    public Builder enable(String id) {
      disabled.remove(known(id));
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

    /**
     * Sets a parameter of the policy with this id ({@link RuleInfo#parameters()}); the empty value
     * unsets it.
     *
     * @throws IllegalArgumentException if no policy added so far has this id, it declares no
     *     parameter with this name, or the value is not valid for the parameter's type
     */
    public Builder parameter(String id, String name, String value) {
      requireNonNull(name, "name");
      requireNonNull(value, "value");
      RuleInfo info = requireNonNull(policies.get(known(id)), id).info();
      RuleParameter p =
          info.parameter(name)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "policy "
                              + id
                              + " has no parameter \""
                              + name
                              + "\"; it has "
                              + info.parameters().stream().map(RuleParameter::name).toList()));
      p.problem(value)
          .ifPresent(
              problem -> {
                throw new IllegalArgumentException(
                    "parameter " + name + " of policy " + id + ": " + problem);
              });
      parameters.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(name, value);
      return this;
    }

    /**
     * The cluster placement rules check against ({@link PolicyInput#cluster()}); {@code null} for
     * none (the default), and placement rules stay quiet.
     */
    public Builder cluster(@Nullable ClusterSnapshot snapshot) {
      this.cluster = snapshot;
      return this;
    }

    /** Removes every policy, built in or added, so only reading and validation remain. */
    public Builder noPolicies() {
      policies.clear();
      disabled.clear();
      severities.clear();
      parameters.clear();
      return this;
    }

    /** The ids of the policies added so far, enabled or not, in reporting order. */
    public List<String> policyIds() {
      return List.copyOf(policies.keySet());
    }

    /** The rule the policy with this id declared, if one was added. */
    public Optional<RuleInfo> rule(String id) {
      Added added = policies.get(requireNonNull(id, "id"));
      return added == null ? Optional.empty() : Optional.of(added.info());
    }

    /** A new builder with everything this one has; changing one leaves the other alone. */
    public Builder copy() {
      Builder b = new Builder(false);
      b.policies.putAll(policies);
      b.disabled.addAll(disabled);
      b.severities.putAll(severities);
      parameters.forEach((id, values) -> b.parameters.put(id, new LinkedHashMap<>(values)));
      b.cluster = cluster;
      return b;
    }

    /** The linter; the builder may go on being used. */
    public Linter build() {
      List<Configured> enabled = new ArrayList<>();
      for (Added added : policies.values()) {
        String id = added.info().id();
        if (disabled.contains(id)) {
          continue;
        }
        Severity s = severities.get(id);
        RuleInfo info = s == null ? added.info() : added.info().withDefaultSeverity(s);
        RuleParameters values =
            RuleParameters.of(added.info().parameters(), parameters.getOrDefault(id, Map.of()));
        enabled.add(new Configured(added.policy(), info, values, s));
      }
      return new Linter(enabled, policies.keySet(), cluster);
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
