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
import org.jspecify.annotations.Nullable;

/**
 * What the engine made of one version of a document: every finding {@code lint} reports for it (and
 * the placement warnings when a cluster is configured), what was read (on first use), and the field
 * index of each document for hover and quick fixes (on first use). Immutable but for those lazily
 * built parts; used from the server's worker thread.
 *
 * <p>The text is linted one YAML document at a time (split at {@code ---} lines), and the results
 * of a document whose text did not change since the previous version are reused, their positions
 * moved to where the document now starts: an edit in the DaemonSet of a 7,800-line manifest whose
 * other documents are CRDs re-reads only the DaemonSet. The findings are exactly those of linting
 * the whole text ({@code ChunkedLintTest} checks it on every real-world manifest); text the split
 * is not sure about (directives, {@code ...}, content after {@code ---}, a byte order mark) is
 * linted whole.
 */
final class Analysis {

  /** A {@code kind: DaemonSet} (or {@code DaemonSetList}) line, YAML or JSON, for broken text. */
  private static final Pattern KIND =
      Pattern.compile(
          "(?m)^[ \\t-]*[\"']?kind[\"']?[ \\t]*:[ \\t]*[\"']?DaemonSet(List)?[\"']?[ \\t]*,?[ \\t]*(#.*)?$");

  /** Codes that are about documents the server does not check: noise in an editor. */
  private static final String SKIPPED_KIND = "skipped-kind";

  /**
   * One YAML document's text and what linting it alone gave, positions relative to it.
   *
   * @param slots how many document indexes it takes (a {@code v1 List} takes one per item)
   */
  record Chunk(
      String text,
      DaemonSetEngine engine,
      Configuration.@Nullable Cluster cluster,
      ReadResult read,
      List<Diagnostic> diagnostics,
      List<Placement> placements,
      int slots) {

    /**
     * True if this chunk was linted by this very engine against this very cluster. Identity on
     * purpose: a new configuration or snapshot builds new instances, and comparing a snapshot of
     * thousands of nodes by value on every keystroke would cost more than it saves.
     */
    @SuppressWarnings("ReferenceEquality")
    boolean madeWith(DaemonSetEngine engine, Optional<Configuration.Cluster> cluster) {
      return this.engine == engine && this.cluster == cluster.orElse(null);
    }
  }

  final int version;
  final TextLines lines;
  final boolean holdsDaemonSet;
  final List<Diagnostic> diagnostics;
  final List<Placement> placements;

  /** The chunks of this version, by text, for the next version to reuse. */
  final Map<String, Chunk> chunks;

  private final DaemonSetEngine engine;
  private final boolean good;
  private @Nullable ReadResult read;
  private final Map<Integer, FieldIndex> indexes = new HashMap<>();

  private Analysis(
      int version,
      TextLines lines,
      DaemonSetEngine engine,
      boolean holdsDaemonSet,
      boolean good,
      List<Diagnostic> diagnostics,
      List<Placement> placements,
      Map<String, Chunk> chunks) {
    this.version = version;
    this.lines = lines;
    this.engine = engine;
    this.holdsDaemonSet = holdsDaemonSet;
    this.good = good;
    this.diagnostics = List.copyOf(diagnostics);
    this.placements = List.copyOf(placements);
    this.chunks = Map.copyOf(chunks);
  }

  /**
   * Lints one version of a document with {@code engine}; plans its DaemonSets against {@code
   * cluster} when there is one. Reuses the chunks of {@code previous} whose text is unchanged.
   * Never throws for bad input: the engine turns it into diagnostics.
   */
  static Analysis of(
      int version,
      TextLines lines,
      DaemonSetEngine engine,
      Optional<Configuration.Cluster> cluster,
      Instant now,
      Map<String, Chunk> previous) {
    List<int[]> ranges = split(lines);
    Map<String, Chunk> chunks = new HashMap<>();
    List<Diagnostic> found = new ArrayList<>();
    List<Placement> placements = new ArrayList<>();
    boolean daemonSets = false;
    boolean syntaxError = false;
    int slot = 0;
    for (int[] r : ranges) {
      String text =
          lines
              .text()
              .substring(
                  lines.lineStart(r[0]),
                  r[1] < lines.lineCount() ? lines.lineStart(r[1]) : lines.text().length());
      Chunk c = previous.get(text);
      if (c == null || !c.madeWith(engine, cluster)) {
        c = chunks.get(text);
      }
      if (c == null || !c.madeWith(engine, cluster)) {
        c = lint(text, engine, cluster, now);
      }
      chunks.put(text, c);
      int lineShift = r[0];
      for (Diagnostic d : c.diagnostics()) {
        found.add(shift(d, lineShift, slot));
      }
      for (Placement p : c.placements()) {
        placements.add(
            new Placement(p.document() + slot, p.plan(), p.lens(), shift(p.at(), lineShift, slot)));
      }
      daemonSets |= !c.read().daemonSets().isEmpty();
      syntaxError |=
          c.read().diagnostics().stream()
              .anyMatch(d -> d.code().equals("yaml-syntax") || d.code().equals("json-syntax"));
      slot += c.slots();
    }
    boolean holds = daemonSets || KIND.matcher(lines.text()).find();
    if (!holds) {
      found.clear();
      placements.clear();
    }
    found.sort(Linter.BY_POSITION);
    return new Analysis(
        version, lines, engine, holds, daemonSets && !syntaxError, found, placements, chunks);
  }

  private static Chunk lint(
      String text, DaemonSetEngine engine, Optional<Configuration.Cluster> cluster, Instant now) {
    ReadResult read = engine.read(text);
    List<Diagnostic> found = new ArrayList<>();
    int slots = 0;
    for (Diagnostic d : engine.lint(read)) {
      slots = Math.max(slots, d.span().document() + 1);
      if (!d.code().equals(SKIPPED_KIND)) {
        found.add(d);
      }
    }
    for (Document doc : read.documents()) {
      slots = Math.max(slots, doc.index() + 1);
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
    }
    return new Chunk(
        text, engine, cluster.orElse(null), read, List.copyOf(found), placements, slots);
  }

  /**
   * The line ranges {@code [from, to)} of the YAML documents, without their {@code ---} lines; the
   * whole text as one range where splitting could change what is read.
   */
  static List<int[]> split(TextLines lines) {
    List<int[]> whole = List.of(new int[] {0, lines.lineCount()});
    String text = lines.text();
    if (text.startsWith("\uFEFF")
        || text.stripLeading().startsWith("{")
        || text.stripLeading().startsWith("[")) {
      return whole;
    }
    List<int[]> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < lines.lineCount(); i++) {
      String l = lines.line(i);
      if (l.startsWith("%") || l.startsWith("...")) {
        return whole;
      }
      if (l.startsWith("---")) {
        String rest = l.substring(3);
        if (!rest.isEmpty() && !Character.isWhitespace(rest.charAt(0))) {
          return whole; // "----" or "---x": not a marker, leave it to the reader
        }
        String after = rest.strip();
        if (!after.isEmpty() && !after.startsWith("#")) {
          return whole; // content after the marker
        }
        out.add(new int[] {start, i});
        start = i + 1;
      }
    }
    out.add(new int[] {start, lines.lineCount()});
    return out;
  }

  private static Diagnostic shift(Diagnostic d, int lines, int documents) {
    if (lines == 0 && documents == 0) {
      return d;
    }
    List<Diagnostic.Related> related = new ArrayList<>();
    for (Diagnostic.Related r : d.related()) {
      related.add(new Diagnostic.Related(shift(r.span(), lines, documents), r.message()));
    }
    return new Diagnostic(
        d.severity(), d.code(), d.path(), d.message(), shift(d.span(), lines, documents), related);
  }

  private static Span shift(Span s, int lines, int documents) {
    int doc = s.document() + documents;
    return s.isKnown()
        ? new Span(doc, s.line() + lines, s.column(), s.endLine() + lines, s.endColumn())
        : Span.unknown(doc);
  }

  /** True if the text read without a syntax error and holds a DaemonSet: a good model. */
  boolean isGood() {
    return good;
  }

  /** What reading the whole text gives, read on first use (hover, quick fixes, outline). */
  synchronized ReadResult read() {
    ReadResult r = read;
    if (r == null) {
      r = engine.read(lines.text());
      read = r;
    }
    return r;
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
    for (Document d : read().documents()) {
      Span s = d.sourceMap().document();
      if (s.isKnown() && line >= s.line() && line <= s.endLine()) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  /** The first DaemonSet document, if any. */
  Optional<Document> firstDaemonSet() {
    return read().documents().stream().filter(d -> d.object() instanceof DaemonSet).findFirst();
  }

  /** The field index of a document of this analysis, built on first use. */
  synchronized FieldIndex index(Document doc) {
    return indexes.computeIfAbsent(doc.index(), i -> FieldIndex.of(doc));
  }
}
