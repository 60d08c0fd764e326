package dev.daemonset.core.config;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.Severity;
import dev.daemonset.api.SourceMap;
import dev.daemonset.api.Span;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A lint configuration: what a {@code .daemonset.yaml} file says, parsed and checked, with the
 * position of every entry. It switches rules on and off, changes their severity, sets their
 * parameters, names rule jars to load and the cluster snapshots that placement rules check against:
 *
 * <pre>{@code
 * # .daemonset.yaml
 * rules:
 *   image-tag-latest: error              # off | on | error | warning | info
 *   host-network: off
 *   max-unavailable-high:
 *     severity: warning
 *     maxPercent: 25                     # a parameter of the rule
 *   placement-not-on:
 *     selector: node-role.kubernetes.io/control-plane
 * ruleJars:
 *   - tools/team-rules.jar               # relative to this file
 * cluster:
 *   - cluster/nodes.yaml                 # kubectl get nodes -o yaml
 * }</pre>
 *
 * <p>Parsing never throws for bad content: YAML errors, unknown keys and values of the wrong shape
 * are {@link #diagnostics() diagnostics} located in the file (code {@code invalid-config}, or a
 * reading code such as {@code yaml-syntax}), and the rest of the file still counts. Whether a rule
 * id or a parameter exists is only known once the rule jars are loaded: {@link LintSetup#load}
 * checks that and reports unknown ids the same way. Paths are resolved against the directory of the
 * file.
 *
 * <p>Immutable and thread safe.
 *
 * <pre>{@code
 * Optional<Path> file = LintConfig.find(Path.of("deploy/agent.yaml"));
 * LintConfig config = file.isPresent() ? LintConfig.read(file.get()) : LintConfig.empty();
 * config.diagnostics().forEach(d -> System.err.println(d.span().line() + ": " + d.message()));
 * }</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class LintConfig {

  /** The name of the configuration file that {@link #find} looks for. */
  public static final String FILE_NAME = ".daemonset.yaml";

  /** The code of a configuration problem. */
  public static final String INVALID_CONFIG = "invalid-config";

  private static final LintConfig EMPTY =
      new LintConfig(null, List.of(), List.of(), List.of(), false, SourceMap.empty(), List.of());

  private final @Nullable Path file;
  private final List<RuleSetting> rules;
  private final List<Path> ruleJars;
  private final List<Path> clusterFiles;
  private final boolean clusterFilesWritten;
  private final SourceMap sourceMap;
  private final List<Diagnostic> diagnostics;

  LintConfig(
      @Nullable Path file,
      List<RuleSetting> rules,
      List<Path> ruleJars,
      List<Path> clusterFiles,
      boolean clusterFilesWritten,
      SourceMap sourceMap,
      List<Diagnostic> diagnostics) {
    this.file = file;
    this.clusterFilesWritten = clusterFilesWritten;
    this.rules = List.copyOf(rules);
    this.ruleJars = List.copyOf(ruleJars);
    this.clusterFiles = List.copyOf(clusterFiles);
    this.sourceMap = sourceMap;
    this.diagnostics = List.copyOf(diagnostics);
  }

  /** No configuration: every rule at its defaults, no rule jars, no cluster. */
  public static LintConfig empty() {
    return EMPTY;
  }

  /**
   * Parses configuration text. Never throws for bad content: problems are {@link #diagnostics()}.
   *
   * @param text the content of the file
   * @param file where it lives: relative paths in it are resolved against its directory, and {@link
   *     #file()} names it
   */
  public static LintConfig parse(String text, Path file) {
    requireNonNull(text, "text");
    Path absolute = requireNonNull(file, "file").toAbsolutePath().normalize();
    return ConfigParser.parse(text, absolute);
  }

  /**
   * Reads and parses a configuration file (UTF-8).
   *
   * @throws IOException if the file cannot be read
   */
  public static LintConfig read(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8), file);
  }

  /**
   * The configuration file that applies to {@code start}: the {@value #FILE_NAME} in the directory
   * of {@code start} (or in {@code start} itself if it is a directory), else in the nearest
   * directory above it.
   */
  public static Optional<Path> find(Path start) {
    Path dir = requireNonNull(start, "start").toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      dir = dir.getParent();
    }
    for (; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(FILE_NAME);
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** The file this configuration was read from (absolute), if any. */
  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  /** The rule settings, in the order they were written (one per rule id). */
  public List<RuleSetting> rules() {
    return rules;
  }

  /** The setting of the rule with this id, if there is one. */
  public Optional<RuleSetting> rule(String id) {
    requireNonNull(id, "id");
    return rules.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  /** The rule jars to load, absolute, in order. */
  public List<Path> ruleJars() {
    return ruleJars;
  }

  /** The cluster snapshot files (Nodes, Pods, ...) placement rules check against, absolute. */
  public List<Path> clusterFiles() {
    return clusterFiles;
  }

  /**
   * True if the {@link #clusterFiles()} are those the file names (and so have positions in {@link
   * #sourceMap()}), false once {@link #withClusterFiles} replaced them.
   */
  boolean clusterFilesWritten() {
    return clusterFilesWritten;
  }

  /**
   * Where each entry was written: {@code rules[<id>]}, {@code rules[<id>].severity}, {@code
   * rules[<id>].<parameter>}, {@code ruleJars[0]}, {@code cluster[0]}.
   */
  public SourceMap sourceMap() {
    return sourceMap;
  }

  /** The problems found while parsing, in position order. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /**
   * This configuration with more rule jars (for example from the command line), resolved against
   * the working directory; they have no position in the file.
   */
  public LintConfig withRuleJars(List<Path> more) {
    List<Path> jars = new ArrayList<>(ruleJars);
    for (Path p : more) {
      jars.add(p.toAbsolutePath().normalize());
    }
    return new LintConfig(
        file, rules, jars, clusterFiles, clusterFilesWritten, sourceMap, diagnostics);
  }

  /**
   * This configuration with other cluster files (for example from the command line), resolved
   * against the working directory; they have no position in the file, so a problem reading one is
   * reported in that file itself.
   */
  public LintConfig withClusterFiles(List<Path> files) {
    List<Path> out = new ArrayList<>();
    for (Path p : files) {
      out.add(p.toAbsolutePath().normalize());
    }
    return new LintConfig(file, rules, ruleJars, out, false, sourceMap, diagnostics);
  }

  static Diagnostic problem(Severity severity, String path, String message, Span span) {
    return new Diagnostic(severity, INVALID_CONFIG, path, message, span);
  }

  @Override
  public String toString() {
    return "LintConfig[file="
        + file
        + ", rules="
        + rules
        + ", ruleJars="
        + ruleJars
        + ", cluster="
        + clusterFiles
        + "]";
  }

  /**
   * One rule's settings.
   *
   * @param id the rule id as written
   * @param enabled {@code true} or {@code false} if the file switches the rule on or off, {@code
   *     null} if it leaves that alone
   * @param severity the severity to report the rule's findings at, or {@code null} for its default
   * @param parameters parameter values as text (a YAML list joined with commas), in written order
   * @since 0.2
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  public record RuleSetting(
      String id,
      @Nullable Boolean enabled,
      @Nullable Severity severity,
      Map<String, String> parameters) {
    /** Checks and copies. */
    public RuleSetting {
      requireNonNull(id, "id");
      parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
    }
  }
}
