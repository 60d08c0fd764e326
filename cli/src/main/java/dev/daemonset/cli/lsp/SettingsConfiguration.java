package dev.daemonset.cli.lsp;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.ReadResult;
import dev.daemonset.api.plan.ClusterSnapshot;
import dev.daemonset.core.DaemonSetEngine;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The configuration from the client's settings: the engine's defaults for every document, and the
 * cluster snapshot files the {@code cluster} setting names (relative to the first workspace
 * folder), read again when one of them changes on disk.
 */
final class SettingsConfiguration implements Configuration {

  private final DaemonSetEngine engine;
  private Settings settings = Settings.DEFAULTS;
  private List<Path> roots = List.of();
  private @Nullable Loaded loaded;
  private final List<String> problems = new ArrayList<>();

  /**
   * The files read, with the modification time and size each had, what they gave, and their reading
   * errors by file.
   */
  private record Loaded(
      List<Path> files,
      List<String> stamps,
      Optional<Cluster> cluster,
      Map<Path, List<Diagnostic>> errors) {}

  SettingsConfiguration(DaemonSetEngine engine) {
    this.engine = engine;
  }

  @Override
  public DaemonSetEngine engine(URI document) {
    return engine;
  }

  @Override
  public synchronized void configure(Settings newSettings, List<Path> workspaceRoots) {
    settings = newSettings;
    roots = List.copyOf(workspaceRoots);
    loaded = null;
  }

  @Override
  public synchronized List<String> problems(URI document) {
    List<String> out = List.copyOf(problems);
    problems.clear();
    return out;
  }

  @Override
  public synchronized Optional<Cluster> cluster(URI document) {
    if (settings.cluster().isEmpty()) {
      return Optional.empty();
    }
    List<Path> files = new ArrayList<>();
    for (String f : settings.cluster()) {
      Path p = Path.of(f);
      files.add(p.isAbsolute() || roots.isEmpty() ? p : roots.get(0).resolve(p));
    }
    List<String> stamps = new ArrayList<>();
    for (Path p : files) {
      stamps.add(stamp(p));
    }
    Loaded l = loaded;
    if (l != null && l.files().equals(files) && l.stamps().equals(stamps)) {
      return l.cluster();
    }
    List<ReadResult> reads = new ArrayList<>();
    List<String> names = new ArrayList<>();
    Map<Path, List<Diagnostic>> errorsByFile = new LinkedHashMap<>();
    for (Path p : files) {
      try {
        ReadResult r = engine.read(p);
        List<Diagnostic> errors = r.diagnostics().stream().filter(Diagnostic::isError).toList();
        if (!errors.isEmpty()) {
          problems.add(
              "cluster snapshot "
                  + p
                  + ": "
                  + errors.size()
                  + " reading error(s); the rest is used");
          errorsByFile.put(p.toAbsolutePath().normalize(), errors);
        }
        reads.add(r);
        names.add(p.getFileName() == null ? p.toString() : p.getFileName().toString());
      } catch (IOException | RuntimeException e) {
        problems.add("cluster snapshot " + p + " cannot be read: " + e.getMessage());
      }
    }
    Optional<Cluster> cluster =
        reads.isEmpty()
            ? Optional.empty()
            : Optional.of(new Cluster(String.join(", ", names), ClusterSnapshot.from(reads)));
    loaded = new Loaded(files, stamps, cluster, Map.copyOf(errorsByFile));
    return cluster;
  }

  @Override
  public synchronized Map<Path, List<Diagnostic>> fileProblems() {
    Loaded l = loaded;
    return l == null || settings.cluster().isEmpty() ? Map.of() : l.errors();
  }

  private static String stamp(Path p) {
    try {
      FileTime t = Files.getLastModifiedTime(p);
      return t.toMillis() + ":" + Files.size(p);
    } catch (IOException e) {
      return "missing";
    }
  }
}
