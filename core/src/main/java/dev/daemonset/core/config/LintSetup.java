package dev.daemonset.core.config;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.ReadResult;
import dev.daemonset.api.Severity;
import dev.daemonset.api.SourceMap;
import dev.daemonset.api.Span;
import dev.daemonset.api.lint.Policy;
import dev.daemonset.api.lint.RuleInfo;
import dev.daemonset.api.lint.RuleParameter;
import dev.daemonset.api.plan.ClusterSnapshot;
import dev.daemonset.core.config.LintConfig.RuleSetting;
import dev.daemonset.core.internal.bind.DidYouMean;
import dev.daemonset.core.internal.io.IoReasons;
import dev.daemonset.core.lint.Linter;
import dev.daemonset.core.read.ManifestReader;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A {@link LintConfig} put to work: the rule jars it names loaded, its rule settings applied to a
 * {@link Linter}, and its cluster files read into the {@link ClusterSnapshot} that placement rules
 * check against. What cannot be applied (a rule id or parameter no loaded policy has, a value of
 * the wrong type, a jar or cluster file that cannot be read) becomes a diagnostic in the file it
 * concerns, never an exception and never silently dropped.
 *
 * <p>This is what the command line does for each linted file, and what an editor does for each open
 * document:
 *
 * <pre>{@code
 * LintSetup setup = LintSetup.forFile(Path.of("deploy/agent.yaml"));
 * setup.diagnostics().forEach((file, problems) -> problems.forEach(d ->
 *     System.err.println(file + ":" + d.span().line() + ": " + d.message())));
 * List<Diagnostic> findings = setup.linter().lint(Files.readString(Path.of("deploy/agent.yaml")));
 * }</pre>
 *
 * <p>Immutable and thread safe once loaded. The class loader of the rule jars stays open for as
 * long as the linter is used.
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class LintSetup {

  private final LintConfig config;
  private final Linter linter;
  private final @Nullable ClusterSnapshot cluster;
  private final Map<Path, List<Diagnostic>> diagnostics;

  private LintSetup(
      LintConfig config,
      Linter linter,
      @Nullable ClusterSnapshot cluster,
      Map<Path, List<Diagnostic>> diagnostics) {
    this.config = config;
    this.linter = linter;
    this.cluster = cluster;
    this.diagnostics = diagnostics;
  }

  /**
   * No configuration: {@link Linter#defaults()} (the built-in policies and those the service loader
   * finds) and no cluster.
   */
  public static LintSetup defaults() {
    return load(LintConfig.empty());
  }

  /**
   * The setup for one linted file: the configuration {@link LintConfig#find found} upward from it,
   * or the defaults if there is none.
   *
   * @throws IOException if the configuration file exists but cannot be read
   */
  public static LintSetup forFile(Path linted) throws IOException {
    Optional<Path> file = LintConfig.find(linted);
    return load(file.isPresent() ? LintConfig.read(file.get()) : LintConfig.empty());
  }

  /**
   * Applies {@code config} to a linter with the built-in policies and those the service loader
   * finds.
   */
  public static LintSetup load(LintConfig config) {
    return load(config, Linter.builder().discoverPolicies());
  }

  /**
   * Applies {@code config} to {@code base}: its rule jars' policies are added, then its settings
   * applied, then its cluster read. {@code base} is not changed.
   */
  public static LintSetup load(LintConfig config, Linter.Builder base) {
    requireNonNull(config, "config");
    requireNonNull(base, "base");
    Loading loading = new Loading(config);
    Linter.Builder builder = base.copy();
    loading.jars(builder);
    loading.settings(builder);
    ClusterSnapshot cluster = loading.cluster();
    builder.cluster(cluster);
    return new LintSetup(config, builder.build(), cluster, loading.diagnostics());
  }

  /** The configuration. */
  public LintConfig config() {
    return config;
  }

  /** The linter the configuration describes. */
  public Linter linter() {
    return linter;
  }

  /** The cluster the configuration names, if it names one. */
  public Optional<ClusterSnapshot> cluster() {
    return Optional.ofNullable(cluster);
  }

  /**
   * Every problem of the configuration, by the file it is in: the configuration file first (its
   * parsing and what could not be applied), then cluster files with reading errors. A problem of a
   * rule jar given outside the file (on the command line) is listed under the jar, with no
   * position. Empty when all is well.
   */
  public Map<Path, List<Diagnostic>> diagnostics() {
    return diagnostics;
  }

  /** True if any problem is an error. */
  public boolean hasErrors() {
    return diagnostics.values().stream().flatMap(List::stream).anyMatch(Diagnostic::isError);
  }

  /** The state of one load: the configuration and the problems found so far. */
  private static final class Loading {
    private final LintConfig config;
    private final Path file;
    private final SourceMap positions;
    private final List<Diagnostic> own = new ArrayList<>();
    private final Map<Path, List<Diagnostic>> others = new LinkedHashMap<>();

    Loading(LintConfig config) {
      this.config = config;
      this.file = config.file().orElse(Path.of(LintConfig.FILE_NAME).toAbsolutePath());
      this.positions = config.sourceMap();
      own.addAll(config.diagnostics());
    }

    void jars(Linter.Builder builder) {
      List<Path> jars = config.ruleJars();
      if (jars.isEmpty()) {
        return;
      }
      List<URL> urls = new ArrayList<>();
      List<Integer> readable = new ArrayList<>();
      for (int i = 0; i < jars.size(); i++) {
        Path jar = jars.get(i);
        if (!Files.isRegularFile(jar)) {
          jarProblem(i, "cannot read the rule jar " + jar + ": no such file");
          continue;
        }
        try {
          urls.add(jar.toUri().toURL());
          readable.add(i);
        } catch (MalformedURLException e) {
          jarProblem(i, "cannot load the rule jar " + jar + ": " + e.getMessage());
        }
      }
      if (urls.isEmpty()) {
        return;
      }
      ClassLoader parent = LintSetup.class.getClassLoader();
      URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), parent);
      int found = 0;
      try {
        for (ServiceLoader.Provider<Policy> provider :
            ServiceLoader.load(Policy.class, loader).stream().toList()) {
          if (provider.type().getClassLoader() != loader) {
            continue; // on the class path already: discovered with the built-ins
          }
          try {
            builder.policy(provider.get());
            found++;
          } catch (RuntimeException | ServiceConfigurationError | LinkageError e) {
            jarProblem(
                jarIndex(provider.type(), readable),
                "cannot use the policy " + provider.type().getName() + ": " + describe(e));
          }
        }
      } catch (ServiceConfigurationError e) {
        jarProblem(readable.get(0), "cannot load the rule jars: " + describe(e));
        return;
      }
      if (found == 0) {
        jarProblem(
            readable.get(0),
            "no policy found in "
                + (readable.size() == 1 ? "the rule jar" : "the rule jars")
                + ": a rule jar lists its policies in META-INF/services/"
                + Policy.class.getName());
      }
    }

    /** Which jar a policy class came from, for the position of a problem. */
    private int jarIndex(Class<?> type, List<Integer> readable) {
      try {
        var source = type.getProtectionDomain().getCodeSource();
        if (source != null) {
          Path from = Path.of(source.getLocation().toURI()).toAbsolutePath().normalize();
          int i = config.ruleJars().indexOf(from);
          if (i >= 0) {
            return i;
          }
        }
      } catch (java.net.URISyntaxException | SecurityException | IllegalArgumentException e) {
        // fall through: the first jar
      }
      return readable.get(0);
    }

    void settings(Linter.Builder builder) {
      List<String> ids = builder.policyIds();
      for (RuleSetting s : config.rules()) {
        String path = "rules[" + s.id() + "]";
        Optional<RuleInfo> rule = builder.rule(s.id());
        if (rule.isEmpty()) {
          String why =
              isEngineRule(s.id())
                  ? "`" + s.id() + "` is a reading or API-server check, which cannot be configured"
                  : "unknown rule `"
                      + s.id()
                      + "`"
                      + DidYouMean.suggestion(s.id(), ids)
                      + (config.ruleJars().isEmpty() ? "" : " (rules of the rule jars included)");
          own.add(LintConfig.problem(Severity.ERROR, path, why, positions.nearestKey(path)));
          continue;
        }
        if (s.enabled() != null) {
          if (s.enabled()) {
            builder.enable(s.id());
          } else {
            builder.disable(s.id());
          }
        }
        if (s.severity() != null) {
          builder.severity(s.id(), s.severity());
        }
        for (Map.Entry<String, String> p : s.parameters().entrySet()) {
          String at = path + "." + p.getKey();
          Optional<RuleParameter> declared = rule.get().parameter(p.getKey());
          if (declared.isEmpty()) {
            List<String> names = rule.get().parameters().stream().map(RuleParameter::name).toList();
            own.add(
                LintConfig.problem(
                    Severity.ERROR,
                    at,
                    "rule "
                        + s.id()
                        + " has no parameter `"
                        + p.getKey()
                        + "` ("
                        + (names.isEmpty() ? "it has none" : "it has " + String.join(", ", names))
                        + ")"
                        + DidYouMean.suggestion(p.getKey(), names),
                    positions.nearestKey(at)));
            continue;
          }
          Optional<String> problem = declared.get().problem(p.getValue());
          if (problem.isPresent()) {
            own.add(
                LintConfig.problem(
                    Severity.ERROR,
                    at,
                    "parameter "
                        + p.getKey()
                        + " of rule "
                        + s.id()
                        + " is "
                        + declared.get().type().label()
                        + ": "
                        + problem.get(),
                    positions.nearest(at)));
            continue;
          }
          builder.parameter(s.id(), p.getKey(), p.getValue());
        }
      }
    }

    @Nullable ClusterSnapshot cluster() {
      List<Path> files = config.clusterFiles();
      if (files.isEmpty()) {
        return null;
      }
      ManifestReader reader = ManifestReader.defaults();
      List<ReadResult> results = new ArrayList<>();
      for (int i = 0; i < files.size(); i++) {
        Path f = files.get(i);
        String path = "cluster[" + i + "]";
        try {
          ReadResult r = reader.read(f);
          results.add(r);
          List<Diagnostic> errors = r.diagnostics().stream().filter(Diagnostic::isError).toList();
          if (!errors.isEmpty()) {
            others.computeIfAbsent(f, k -> new ArrayList<>()).addAll(errors);
          }
        } catch (IOException e) {
          problem(
              path,
              f,
              Severity.ERROR,
              "cannot read the cluster file " + f + ": " + IoReasons.of(e),
              config.clusterFilesWritten()
                  ? Optional.of(positions.nearest(path))
                  : Optional.empty());
        }
      }
      ClusterSnapshot snapshot = ClusterSnapshot.from(results);
      if (snapshot.nodes().isEmpty() && !results.isEmpty()) {
        problem(
            "cluster",
            files.get(0),
            Severity.WARNING,
            "the cluster files hold no Node, so placement rules have nothing to check:"
                + " `kubectl get nodes -o yaml` prints them",
            config.clusterFilesWritten()
                ? Optional.of(positions.nearestKey("cluster"))
                : Optional.empty());
      }
      return snapshot;
    }

    /**
     * A problem at {@code path} of the configuration when the configuration wrote it there, else (a
     * jar or cluster file named on the command line, say) a problem of {@code file} itself.
     */
    private void problem(
        String path, Path file, Severity severity, String message, Optional<Span> written) {
      if (written.isPresent()) {
        own.add(LintConfig.problem(severity, path, message, written.get()));
      } else {
        others
            .computeIfAbsent(file, k -> new ArrayList<>())
            .add(LintConfig.problem(severity, "", message, Span.UNKNOWN));
      }
    }

    private void jarProblem(int index, String message) {
      String path = "ruleJars[" + index + "]";
      problem(path, config.ruleJars().get(index), Severity.ERROR, message, positions.value(path));
    }

    Map<Path, List<Diagnostic>> diagnostics() {
      Map<Path, List<Diagnostic>> out = new LinkedHashMap<>();
      if (!own.isEmpty()) {
        List<Diagnostic> sorted = new ArrayList<>(own);
        sorted.sort(Linter.BY_POSITION);
        out.put(file, List.copyOf(sorted));
      }
      others.forEach((k, v) -> out.put(k, List.copyOf(v)));
      return Collections.unmodifiableMap(out);
    }

    private static String describe(Throwable e) {
      String m = e.getMessage();
      return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    private static boolean isEngineRule(String id) {
      return Linter.engineRules().stream().anyMatch(r -> r.id().equals(id));
    }
  }
}
