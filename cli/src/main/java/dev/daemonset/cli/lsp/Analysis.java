package dev.daemonset.cli.lsp;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.Document;
import dev.daemonset.api.ReadResult;
import dev.daemonset.api.Span;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.core.DaemonSetEngine;
import dev.daemonset.core.lint.Linter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the engine made of one version of a document: what was read, every finding {@code lint}
 * reports for it (and the placement warnings when a cluster is configured), and, built on first
 * use, the field index of each document for hover and quick fixes. Immutable but for those lazily
 * built indexes; used from the server's worker thread.
 */
final class Analysis {

  /** A {@code kind: DaemonSet} (or {@code DaemonSetList}) line, YAML or JSON, for broken text. */
  private static final Pattern KIND =
      Pattern.compile(
          "(?m)^[ \\t-]*[\"']?kind[\"']?[ \\t]*:[ \\t]*[\"']?DaemonSet(List)?[\"']?[ \\t]*,?[ \\t]*(#.*)?$");

  /** Codes that are about documents the server does not check: noise in an editor. */
  private static final String SKIPPED_KIND = "skipped-kind";

  final int version;
  final TextLines lines;
  final ReadResult read;
  final boolean holdsDaemonSet;
  final List<Diagnostic> diagnostics;
  final List<Placement> placements;
  private final Map<Integer, FieldIndex> indexes = new HashMap<>();

  private Analysis(
      int version,
      TextLines lines,
      ReadResult read,
      boolean holdsDaemonSet,
      List<Diagnostic> diagnostics,
      List<Placement> placements) {
    this.version = version;
    this.lines = lines;
    this.read = read;
    this.holdsDaemonSet = holdsDaemonSet;
    this.diagnostics = List.copyOf(diagnostics);
    this.placements = List.copyOf(placements);
  }

  /**
   * Lints one version of a document with {@code engine}; plans its DaemonSets against {@code
   * cluster} when there is one. Never throws for bad input: the engine turns it into diagnostics.
   */
  static Analysis of(
      int version,
      TextLines lines,
      DaemonSetEngine engine,
      Optional<Configuration.Cluster> cluster,
      Instant now) {
    ReadResult read = engine.read(lines.text());
    boolean holds = !read.daemonSets().isEmpty() || KIND.matcher(lines.text()).find();
    if (!holds) {
      return new Analysis(version, lines, read, false, List.of(), List.of());
    }
    List<Diagnostic> found = new ArrayList<>();
    for (Diagnostic d : engine.lint(read)) {
      if (!d.code().equals(SKIPPED_KIND)) {
        found.add(d);
      }
    }
    List<Placement> placements = List.of();
    if (cluster.isPresent() && !read.daemonSets().isEmpty()) {
      placements = Placement.of(read, cluster.get(), engine, now);
      for (Placement p : placements) {
        if (p.runsOnNoNode()) {
          document(read, p.document())
              .ifPresent(doc -> found.add(p.warning(doc, cluster.get().name())));
        }
      }
      found.sort(Linter.BY_POSITION);
    }
    return new Analysis(version, lines, read, true, found, placements);
  }

  /** True if the text was read without a syntax error and holds a DaemonSet: a good model. */
  boolean isGood() {
    return !read.daemonSets().isEmpty()
        && read.diagnostics().stream()
            .noneMatch(d -> d.code().equals("yaml-syntax") || d.code().equals("json-syntax"));
  }

  static Optional<Document> document(ReadResult read, int index) {
    for (Document d : read.documents()) {
      if (d.index() == index) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  /** The bound document (DaemonSet, Node, Pod, ControllerRevision) at a 1-based line, if any. */
  Optional<Document> documentAt(int line) {
    for (Document d : read.documents()) {
      Span s = d.sourceMap().document();
      if (s.isKnown() && line >= s.line() && line <= s.endLine()) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  /** The first DaemonSet document, if any. */
  Optional<Document> firstDaemonSet() {
    return read.documents().stream().filter(d -> d.object() instanceof DaemonSet).findFirst();
  }

  /** The field index of a document of this analysis, built on first use. */
  synchronized FieldIndex index(Document doc) {
    return indexes.computeIfAbsent(doc.index(), i -> FieldIndex.of(doc));
  }
}
