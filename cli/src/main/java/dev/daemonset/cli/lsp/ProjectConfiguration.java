package dev.daemonset.cli.lsp;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.core.DaemonSetEngine;
import dev.daemonset.core.config.LintConfig;
import dev.daemonset.core.config.LintSetup;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The configuration {@code daemonset lint} uses, for each document: the {@code .daemonset.yaml}
 * found upward from it (rules switched on or off or re-levelled, rule parameters, rule jars,
 * cluster files), with the client's {@code cluster} setting, when set, in place of the file's
 * cluster files (relative to the first workspace folder). A document that is not a file (untitled)
 * gets the settings alone.
 *
 * <p>What a configuration gives is loaded once and kept until the configuration file, a rule jar or
 * a cluster file it names changes on disk (size or modification time, looked at before each
 * analysis). Its problems (a rule id no policy has, a cluster file that does not parse) are kept by
 * the file they are in, for the server to publish there.
 */
final class ProjectConfiguration implements Configuration {

  private final DaemonSetEngine base;
  private Settings settings = Settings.DEFAULTS;
  private List<Path> roots = List.of();
  private final Map<Optional<Path>, Loaded> loaded = new HashMap<>();
  private final List<String> problems = new ArrayList<>();

  /**
   * What one configuration gave, with the files it read and the stamp each had.
   *
   * @param problems located problems by file
   */
  private record Loaded(
      List<Path> watched,
      List<String> stamps,
      DaemonSetEngine engine,
      Optional<Cluster> cluster,
      Map<Path, List<Diagnostic>> problems) {}

  /**
   * A configuration on top of {@code base}: its reader limits and plan options are kept, its linter
   * is replaced by the configured one where a configuration file or a cluster applies.
   */
  ProjectConfiguration(DaemonSetEngine base) {
    this.base = base;
  }

  @Override
  public synchronized DaemonSetEngine engine(URI document) {
    return load(document).engine();
  }

  @Override
  public synchronized Optional<Cluster> cluster(URI document) {
    return load(document).cluster();
  }

  @Override
  public synchronized void configure(Settings newSettings, List<Path> workspaceRoots) {
    settings = newSettings;
    roots = List.copyOf(workspaceRoots);
    loaded.clear();
  }

  @Override
  public synchronized List<String> problems(URI document) {
    List<String> out = List.copyOf(problems);
    problems.clear();
    return out;
  }

  @Override
  public synchronized Map<Path, List<Diagnostic>> fileProblems() {
    Map<Path, Set<Diagnostic>> merged = new LinkedHashMap<>();
    for (Loaded l : loaded.values()) {
      l.problems()
          .forEach(
              (file, found) ->
                  merged.computeIfAbsent(file, k -> new LinkedHashSet<>()).addAll(found));
    }
    Map<Path, List<Diagnostic>> out = new LinkedHashMap<>();
    merged.forEach((file, found) -> out.put(file, List.copyOf(found)));
    return out;
  }

  private Loaded load(URI document) {
    Optional<Path> file = path(document).flatMap(LintConfig::find);
    Loaded l = loaded.get(file);
    if (l != null && stamps(l.watched()).equals(l.stamps())) {
      return l;
    }
    l = read(file);
    loaded.put(file, l);
    return l;
  }

  private Loaded read(Optional<Path> file) {
    LintConfig config = withSettings(file.flatMap(this::readConfig).orElse(LintConfig.empty()));
    List<Path> watched = new ArrayList<>();
    file.ifPresent(watched::add);
    watched.addAll(config.ruleJars());
    watched.addAll(config.clusterFiles());
    // stamped before reading: a change made while reading is seen at the next analysis
    List<String> stamps = stamps(watched);
    if (file.isEmpty() && config.clusterFiles().isEmpty()) {
      return new Loaded(watched, stamps, base, Optional.empty(), Map.of());
    }
    LintSetup setup;
    try {
      setup = LintSetup.load(config);
    } catch (RuntimeException e) {
      problems.add(
          "the configuration "
              + file.map(Path::toString).orElse("of the settings")
              + " cannot be applied: "
              + e);
      return new Loaded(watched, stamps, base, Optional.empty(), Map.of());
    }
    Map<Path, List<Diagnostic>> located = new LinkedHashMap<>();
    for (Map.Entry<Path, List<Diagnostic>> e : setup.diagnostics().entrySet()) {
      if (file.isEmpty() && !config.clusterFiles().contains(e.getKey())) {
        // no configuration file to show them in (problems of the cluster setting): the log
        e.getValue().forEach(d -> problems.add(d.message()));
      } else {
        located.put(e.getKey(), e.getValue());
      }
    }
    List<String> names = new ArrayList<>();
    for (Path p : config.clusterFiles()) {
      names.add(p.getFileName() == null ? p.toString() : p.getFileName().toString());
    }
    Optional<Cluster> cluster =
        config.clusterFiles().isEmpty()
            ? Optional.empty()
            : setup.cluster().map(s -> new Cluster(String.join(", ", names), s));
    return new Loaded(
        watched, stamps, base.withLinter(setup.linter()), cluster, Map.copyOf(located));
  }

  private Optional<LintConfig> readConfig(Path file) {
    try {
      return Optional.of(LintConfig.read(file));
    } catch (IOException e) {
      problems.add("configuration " + file + " cannot be read: " + e.getMessage());
      return Optional.empty();
    }
  }

  /** {@code config} with the cluster files of the {@code cluster} setting, if it names any. */
  private LintConfig withSettings(LintConfig config) {
    List<Path> fromSettings = new ArrayList<>();
    for (String f : settings.cluster()) {
      Path p = Path.of(f);
      fromSettings.add(p.isAbsolute() || roots.isEmpty() ? p : roots.get(0).resolve(p));
    }
    return fromSettings.isEmpty() ? config : config.withClusterFiles(fromSettings);
  }

  private static Optional<Path> path(URI document) {
    try {
      return "file".equals(document.getScheme())
          ? Optional.of(Path.of(document))
          : Optional.empty();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static List<String> stamps(List<Path> files) {
    List<String> out = new ArrayList<>();
    for (Path p : files) {
      try {
        FileTime t = Files.getLastModifiedTime(p);
        out.add(t.toMillis() + ":" + Files.size(p));
      } catch (IOException e) {
        out.add("missing");
      }
    }
    return out;
  }
}
