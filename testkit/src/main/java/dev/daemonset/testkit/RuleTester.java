package dev.daemonset.testkit;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.daemonset.api.ReadResult;
import dev.daemonset.api.Severity;
import dev.daemonset.api.lint.Policy;
import dev.daemonset.api.plan.ClusterSnapshot;
import dev.daemonset.core.lint.Linter;
import dev.daemonset.core.read.ManifestReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Lints manifests with exactly the rules under test, as the engine would (reading, API-server
 * validation, then the policies with their parameters, suppressions and the cluster), and returns
 * {@link Findings} to assert on.
 *
 * <p>Immutable: each {@code with...} returns a new tester, so one can be shared by the tests of a
 * class. Rules that are off by default are switched on when named here.
 *
 * <pre>{@code
 * RuleTester tester = RuleTester.of(new RequireTeamLabel());
 * tester.lint(withoutLabel).assertFindings(
 *     finding("require-team-label", Severity.WARNING, 5, 11, "metadata.labels"));
 * tester.lint(withLabel).assertNone();
 *
 * RuleTester.builtin("max-unavailable-high").withParameter("max-unavailable-high", "maxPercent", "25");
 * }</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class RuleTester {
  private final Linter.Builder builder;

  private RuleTester(Linter.Builder builder) {
    this.builder = builder;
  }

  /** A tester of these policies only (no built-in rule), each switched on. */
  public static RuleTester of(Policy... policies) {
    Linter.Builder b = Linter.builder().noPolicies();
    for (Policy p : policies) {
      b.policy(requireNonNull(p, "policy"));
      b.enable(p.info().id());
    }
    return new RuleTester(b);
  }

  /**
   * A tester of these built-in rules only, each switched on.
   *
   * @throws IllegalArgumentException if an id names no built-in rule
   */
  public static RuleTester builtin(String... ids) {
    Linter.Builder b = Linter.builder();
    Set<String> wanted = Set.of(ids);
    for (String id : b.policyIds()) {
      if (!wanted.contains(id)) {
        b.disable(id);
      }
    }
    for (String id : ids) {
      b.enable(id);
    }
    return new RuleTester(b);
  }

  /** A tester of whatever {@code builder} holds (copied; later changes to it do not count). */
  public static RuleTester of(Linter.Builder builder) {
    return new RuleTester(requireNonNull(builder, "builder").copy());
  }

  /** This tester with a rule parameter set ({@link Linter.Builder#parameter}). */
  public RuleTester withParameter(String ruleId, String name, String value) {
    return new RuleTester(builder.copy().parameter(ruleId, name, value));
  }

  /** This tester reporting a rule at another severity. */
  public RuleTester withSeverity(String ruleId, Severity severity) {
    return new RuleTester(builder.copy().severity(ruleId, severity));
  }

  /** This tester with a cluster for placement rules. */
  public RuleTester withCluster(ClusterSnapshot cluster) {
    return new RuleTester(builder.copy().cluster(requireNonNull(cluster, "cluster")));
  }

  /**
   * This tester with a cluster read from YAML ({@code kubectl get nodes,pods -o yaml} output, or
   * Node documents).
   *
   * @throws AssertionError if the cluster text has reading errors
   */
  public RuleTester withCluster(String clusterYaml) {
    ReadResult read = ManifestReader.defaults().read(requireNonNull(clusterYaml, "clusterYaml"));
    Findings.failOnErrors("the cluster", read.diagnostics());
    return withCluster(ClusterSnapshot.from(read));
  }

  /** Lints manifest text. */
  public Findings lint(String yaml) {
    requireNonNull(yaml, "yaml");
    return new Findings(yaml, builder.build().check(ManifestReader.defaults().read(yaml)));
  }

  /**
   * Lints a UTF-8 manifest file.
   *
   * @throws UncheckedIOException if the file cannot be read
   */
  public Findings lint(Path file) {
    requireNonNull(file, "file");
    try {
      return lint(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** The ids of the rules this tester runs, in reporting order. */
  public List<String> rules() {
    return builder.build().rules().stream()
        .map(r -> r.id())
        .filter(id -> Linter.engineRules().stream().noneMatch(e -> e.id().equals(id)))
        .toList();
  }
}
