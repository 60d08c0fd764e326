package dev.daemonset.api;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.INTERNAL;
import static org.apiguardian.api.API.Status.STABLE;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Where each field of one document was written: field path (Kubernetes notation) to the span of its
 * key and of its value.
 *
 * <p>Paths look like {@code spec.template.spec.containers[0].image}; map entries such as labels are
 * {@code metadata.labels[app]}; the document root is the empty path. A path that was not written (a
 * defaulted field, say) has no entry; {@link #nearest(String)} then answers with the closest
 * written ancestor, which is where a finding about a missing or defaulted value belongs.
 *
 * <p>The engine builds source maps as it reads; users look positions up. The constructor and {@link
 * #deferred} are {@code INTERNAL}: they may change in any release.
 *
 * <p>Immutable and thread-safe. A map made {@link #deferred deferred} is computed on its first
 * lookup (most documents are valid and never looked up), and answers exactly as the computed map.
 *
 * @since 0.2
 */
@API(status = STABLE, since = "0.2")
public final class SourceMap {

  private static final SourceMap EMPTY = new SourceMap(Map.of(), Map.of(), Span.UNKNOWN);

  private final Map<String, Span> values;
  private final Map<String, Span> keys;
  private final Span document;
  private final @Nullable Supplier<SourceMap> compute;
  private volatile @Nullable SourceMap computed;

  /**
   * A source map from recorded spans.
   *
   * @param values path to the span of the value written there
   * @param keys path to the span of the key that names it (absent for list items and the root)
   * @param document the span of the whole document
   */
  @API(status = INTERNAL, since = "0.2")
  public SourceMap(Map<String, Span> values, Map<String, Span> keys, Span document) {
    this.values = Map.copyOf(values);
    this.keys = Map.copyOf(keys);
    this.document = requireNonNull(document, "document");
    this.compute = null;
  }

  private SourceMap(Supplier<SourceMap> compute) {
    this.values = Map.of();
    this.keys = Map.of();
    this.document = Span.UNKNOWN;
    this.compute = compute;
  }

  /**
   * A source map computed by {@code compute} on its first lookup, then kept. {@code compute} must
   * be a pure function: it may run more than once when threads race.
   *
   * <pre>{@code
   * SourceMap positions = SourceMap.deferred(() -> new SourceMap(values(), keys(), whole));
   * }</pre>
   */
  @API(status = INTERNAL, since = "0.2")
  public static SourceMap deferred(Supplier<SourceMap> compute) {
    return new SourceMap(requireNonNull(compute, "compute"));
  }

  /** This map, or for a deferred one the map it computes. */
  private SourceMap resolved() {
    if (compute == null) {
      return this;
    }
    SourceMap c = computed;
    if (c == null) {
      c = requireNonNull(compute.get(), "computed source map").resolved();
      computed = c;
    }
    return c;
  }

  /** A source map that knows nothing: every lookup answers {@link Span#UNKNOWN}. */
  public static SourceMap empty() {
    return EMPTY;
  }

  /** The span of the value at {@code path}, if it was written. */
  public Optional<Span> value(String path) {
    return Optional.ofNullable(resolved().values.get(requireNonNull(path, "path")));
  }

  /** The span of the key naming {@code path}, if it was written. */
  public Optional<Span> key(String path) {
    return Optional.ofNullable(resolved().keys.get(requireNonNull(path, "path")));
  }

  /** The span of the whole document. */
  public Span document() {
    return resolved().document;
  }

  /**
   * Where a finding about {@code path} belongs: the span of its value if it was written; else the
   * key of its nearest written ancestor (the value, for a list item or the root), which is where a
   * missing or defaulted field would be written; else the document. Map-key suffixes ({@code
   * [key]}) and list indexes are stripped one at a time.
   */
  public Span nearest(String path) {
    requireNonNull(path, "path");
    SourceMap m = resolved();
    Span written = m.values.get(path);
    if (written != null) {
      return written;
    }
    String p = parent(path);
    while (!p.isEmpty()) {
      Span k = m.keys.get(p);
      if (k != null) {
        return k;
      }
      Span v = m.values.get(p);
      if (v != null) {
        return v;
      }
      p = parent(p);
    }
    return m.values.getOrDefault("", m.document);
  }

  /**
   * The key span at {@code path} if written, else {@link #nearest(String)}: where a finding about a
   * field itself (not its value) belongs.
   */
  public Span nearestKey(String path) {
    Span k = resolved().keys.get(requireNonNull(path, "path"));
    return k != null ? k : nearest(path);
  }

  /** Number of recorded value positions. */
  public int size() {
    return resolved().values.size();
  }

  /**
   * The parent of a Kubernetes-notation path: {@code a.b[0]} → {@code a.b} → {@code a} → {@code
   * ""}.
   */
  public static String parent(String path) {
    int end = path.length();
    if (end == 0) {
      return "";
    }
    if (path.charAt(end - 1) == ']') {
      int depth = 0;
      for (int i = end - 1; i >= 0; i--) {
        char c = path.charAt(i);
        if (c == ']') {
          depth++;
        } else if (c == '[' && --depth == 0) {
          return path.substring(0, i);
        }
      }
      return "";
    }
    int dot = path.lastIndexOf('.');
    int bracket = path.lastIndexOf(']');
    return dot > bracket
        ? path.substring(0, dot)
        : (bracket >= 0 ? path.substring(0, bracket + 1) : "");
  }
}
