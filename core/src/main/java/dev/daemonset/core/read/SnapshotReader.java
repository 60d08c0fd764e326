package dev.daemonset.core.read;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.ReadResult;
import dev.daemonset.api.Severity;
import dev.daemonset.api.Span;
import dev.daemonset.core.internal.tree.ReaderCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Reads cluster snapshots — {@code kubectl get nodes,pods,controllerrevisions -o json|yaml} output
 * of any size, a 65,000-node cluster included — as a stream: it keeps of each Node, Pod and
 * ControllerRevision only what planning and explaining need, never the whole text or a tree of it.
 * Experimental: the API may still change.
 *
 * <p>What it keeps ({@code metadata} name, namespace, uid, labels, owner references and timestamps;
 * a Node's taints and {@code unschedulable}; a Pod's {@code nodeName}, the required node affinity
 * that pins it, its phase and conditions; a ControllerRevision's revision and data) is exactly what
 * {@link ManifestReader} reads for those fields; everything else of those objects (managedFields,
 * images, container specs and statuses, ...) is skipped unread. Other kinds in the input,
 * DaemonSets above all, are read by {@link ManifestReader}'s strict path, with a full {@link
 * dev.daemonset.api.SourceMap}.
 *
 * <p>Guarantees:
 *
 * <ul>
 *   <li>Bad input never throws: a syntax error, a broken limit or invalid UTF-8 becomes one located
 *       diagnostic; the top-level document it is in yields nothing (as with {@link
 *       ManifestReader}), the documents before it are kept. Only a null argument and a failing file
 *       or stream throw.
 *   <li>Unknown fields are not errors: kubectl output of a newer server has fields this version
 *       does not know. Diagnostics about a snapshot object concern only what is kept (a wrong type,
 *       an invalid timestamp, a duplicate key); they carry the full reader's codes and messages.
 *   <li>Positions are cheap: a snapshot object's {@code SourceMap} knows only where the object
 *       starts (document index, line and column), which is where {@code nearest(path)} answers for
 *       every path. Document indexes are those {@link ManifestReader} gives.
 *   <li>Memory: the objects kept, plus at most a few object-size limits of input bytes ({@link
 *       ReadLimits#maxObjectSize()}, 3 MiB by default). Each object must fit that limit, the whole
 *       input {@link ReadLimits#maxTotalSize()}; inside the fields it skips, nothing else is
 *       limited.
 *   <li>JSON is read in one pass with Jackson's streaming parser; block-style YAML is split into
 *       objects by indentation and read by a block scanner that gives exactly SnakeYAML's values,
 *       or, for YAML beyond its shape, by the full reader, object by object. Instances are
 *       immutable and thread-safe.
 * </ul>
 *
 * <p>Example:
 *
 * <pre>{@code
 * ReadResult cluster = SnapshotReader.defaults().read(Path.of("cluster.json"));
 * if (cluster.hasErrors()) {
 *   cluster.diagnostics().forEach(System.err::println);
 * }
 * ClusterSnapshot snapshot = ClusterSnapshot.from(cluster);
 * }</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class SnapshotReader {

  private static final SnapshotReader DEFAULTS = new SnapshotReader(ReadLimits.DEFAULTS);

  private final ReadLimits limits;
  private final ManifestReader full;

  private SnapshotReader(ReadLimits limits) {
    this.limits = requireNonNull(limits, "limits");
    this.full = ManifestReader.defaults().withLimits(limits);
  }

  /** The reader with {@link ReadLimits#DEFAULTS}. */
  public static SnapshotReader defaults() {
    return DEFAULTS;
  }

  /** A reader like this one with other limits. */
  public SnapshotReader withLimits(ReadLimits newLimits) {
    return new SnapshotReader(newLimits);
  }

  /** The limits this reader enforces. */
  public ReadLimits limits() {
    return limits;
  }

  /**
   * Reads a UTF-8 file, streaming.
   *
   * @throws IOException if the file cannot be opened or read
   */
  public ReadResult read(Path path) throws IOException {
    requireNonNull(path, "path");
    try (InputStream in = Files.newInputStream(path)) {
      return read(in);
    }
  }

  /**
   * Reads UTF-8 bytes from {@code in} (not closed), streaming, at most {@link
   * ReadLimits#maxTotalSize()}.
   *
   * @throws IOException if the stream fails
   */
  public ReadResult read(InputStream in) throws IOException {
    requireNonNull(in, "in");
    try {
      return readStream(in);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private ReadResult readStream(InputStream in) {
    Window window = new Window(in, windowSize(), limits.maxTotalSize());
    Collected out = new Collected();
    long start = 0;
    if (window.has(2)
        && (window.at(0) & 0xFF) == 0xEF
        && (window.at(1) & 0xFF) == 0xBB
        && (window.at(2) & 0xFF) == 0xBF) {
      start = 3;
    } else if (window.has(1) && ManifestReader.isUtf16ByteOrderMark(window.at(0), window.at(1))) {
      return failed(ManifestReader.utf16ByteOrderMark());
    }
    if (isJson(window, start)) {
      new JsonSnapshot(full, window, start, out).run();
    } else {
      new YamlSnapshot(full, window, start, out).run();
    }
    if (window.tooLarge()) {
      return failed(
          new Diagnostic(
              Severity.ERROR,
              ReaderCode.DOCUMENT_TOO_LARGE.id(),
              "",
              "the input is at least "
                  + (limits.maxTotalSize() + 1)
                  + " bytes long, more than the limit of "
                  + limits.maxTotalSize()
                  + " bytes",
              Span.at(0, 1, 1)));
    }
    return out.result();
  }

  /** Reads UTF-8 bytes (a UTF-8 byte order mark is allowed). */
  public ReadResult read(byte[] bytes) {
    requireNonNull(bytes, "bytes");
    return readStream(new ByteArrayInputStream(bytes));
  }

  /** Reads text. */
  public ReadResult read(String text) {
    requireNonNull(text, "text");
    return read(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Room for the object being read four times over (its bytes, when they are multi-byte characters,
   * may be four times its length in characters) and a top-level object kept while it could still
   * turn out not to be a List.
   */
  private int windowSize() {
    return (int) Math.min(1 << 30, 5L * limits.maxObjectSize() + (1 << 20));
  }

  /**
   * kubectl's rule, as {@link ManifestReader} applies it: JSON if the first character that is not
   * white space opens an object.
   */
  private static boolean isJson(Window window, long start) {
    for (long i = start; window.has(i); ) {
      int b = window.at(i) & 0xFF;
      if (b < 0x80) {
        if (!ManifestReader.isGoSpace((char) b)) {
          return b == '{';
        }
        i++;
        continue;
      }
      // one non-ASCII character: decode it (at most four bytes) and ask the same question
      int n = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
      byte[] one = new byte[n];
      for (int k = 0; k < n; k++) {
        if (!window.has(i + k)) {
          return false;
        }
        one[k] = window.at(i + k);
      }
      String c = new String(one, StandardCharsets.UTF_8);
      if (c.length() != 1 || !ManifestReader.isGoSpace(c.charAt(0))) {
        return false;
      }
      i += n;
    }
    return false;
  }

  private static ReadResult failed(Diagnostic d) {
    return new ReadResult(List.of(), List.of(d));
  }
}
