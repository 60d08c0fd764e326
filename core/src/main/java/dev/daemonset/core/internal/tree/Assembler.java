package dev.daemonset.core.internal.tree;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.Severity;
import dev.daemonset.api.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Builds one document's {@link Tree} from a stream of start/key/value/end calls, so the YAML and
 * the JSON reader share one notion of nesting depth, duplicate keys and paths.
 *
 * <p>Duplicate keys are reported at the second key with the first as a related span; the later
 * value is kept (as Go's JSON decoder keeps it). YAML merge keys ({@code <<}) follow go-yaml v2:
 * merged entries are applied in order and overwrite what is already there, and a sequence of maps
 * is applied from last to first so the earlier maps win (go-yaml v2 {@code decode.go}, {@code
 * merge}).
 *
 * <p>Not thread-safe; one instance per document.
 */
public final class Assembler {

  private final int maxDepth;
  private final List<Finding> findings;
  private final List<Frame> stack = new ArrayList<>();
  private @Nullable Tree root;

  /** Why a repeated key is an error, in the words of the input's format. */
  private final String duplicateRule;

  /**
   * An assembler of YAML documents.
   *
   * @param maxDepth the deepest nesting allowed (the root collection is depth 1)
   * @param findings where findings go
   */
  public Assembler(int maxDepth, List<Finding> findings) {
    this(maxDepth, findings, false);
  }

  /**
   * @param maxDepth the deepest nesting allowed (the root collection is depth 1)
   * @param findings where findings go
   * @param json true for JSON input, false for YAML (only the wording of findings differs)
   */
  public Assembler(int maxDepth, List<Finding> findings, boolean json) {
    this.maxDepth = maxDepth;
    this.findings = findings;
    this.duplicateRule =
        json ? "a JSON object should not repeat a name" : "YAML forbids duplicate keys";
  }

  /** Maps with more keys than this get a hash index; most Kubernetes objects have fewer. */
  private static final int MAX_SCANNED_KEYS = 8;

  private static final class Frame {
    final boolean map;
    final Span startSpan;
    final int start;
    final List<Tree.Entry> entries;

    /**
     * Where each key was first written explicitly (not merged), by entry position, null for a key
     * only merged so far. A key keeps its position for the life of the map, so this is the first
     * explicit span of every key without a map of its own. Null until the first merge or duplicate
     * (both rare): until then every entry is explicit and its key span is the first.
     */
    @Nullable List<@Nullable Span> explicit;

    /** Positions by key, built only once a map outgrows a linear scan. */
    @Nullable Map<String, Integer> index;

    final List<Tree> items;
    long weight = 1;
    @Nullable String key;
    @Nullable Span keySpan;
    boolean merge;

    Frame(boolean map, Span startSpan, int start) {
      this.map = map;
      this.startSpan = startSpan;
      this.start = start;
      // Only what the kind uses: a sequence has no keys, a map no items (one frame per node).
      this.entries = map ? new ArrayList<>() : List.of();
      this.items = map ? List.of() : new ArrayList<>();
    }

    /** The position of {@code key} among the entries, or -1. */
    int find(String key) {
      Map<String, Integer> byKey = index;
      if (byKey != null) {
        Integer at = byKey.get(key);
        return at == null ? -1 : at;
      }
      for (int i = 0; i < entries.size(); i++) {
        if (entries.get(i).key().equals(key)) {
          return i;
        }
      }
      return -1;
    }

    /** The first explicit span of the key at {@code at}, or null if it was only merged. */
    @Nullable Span explicitAt(int at) {
      List<@Nullable Span> spans = explicit;
      return spans == null ? entries.get(at).keySpan() : spans.get(at);
    }

    /** The explicit spans, kept apart from the entries from now on. */
    List<@Nullable Span> explicit() {
      List<@Nullable Span> spans = explicit;
      if (spans == null) {
        spans = new ArrayList<>(entries.size() + 4);
        for (Tree.Entry e : entries) {
          spans.add(e.keySpan());
        }
        explicit = spans;
      }
      return spans;
    }

    /** Adds {@code e} at the end; its key must be new. */
    void append(Tree.Entry e, @Nullable Span explicitAt) {
      if (explicitAt == null) {
        explicit().add(null);
      } else if (explicit != null) {
        explicit.add(explicitAt);
      }
      entries.add(e);
      Map<String, Integer> byKey = index;
      if (byKey != null) {
        byKey.put(e.key(), entries.size() - 1);
      } else if (entries.size() > MAX_SCANNED_KEYS) {
        byKey = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
          byKey.put(entries.get(i).key(), i);
        }
        index = byKey;
      }
    }
  }

  /** True when the next value completes a key of the innermost map. */
  public boolean expectingKey() {
    return !stack.isEmpty() && top().map && top().key == null;
  }

  /**
   * Opens a map or sequence. Returns false (and records {@code nesting-too-deep}) when it would be
   * deeper than allowed; the document must then be abandoned.
   */
  public boolean open(boolean map, Span at, int start) {
    if (stack.size() >= maxDepth) {
      findings.add(
          Finding.error(
              ReaderCode.NESTING_TOO_DEEP,
              path(),
              "nesting is deeper than " + maxDepth + " levels",
              at));
      return false;
    }
    stack.add(new Frame(map, at, start));
    return true;
  }

  /** Records the key of the next value in the innermost map. */
  public void key(String key, Span keySpan, boolean merge) {
    Frame f = top();
    f.key = key;
    f.keySpan = keySpan;
    f.merge = merge;
  }

  /**
   * Closes the innermost collection and adds it to its parent.
   *
   * @param end where it ends (for a block collection, pass the end of its last child or null)
   * @param endOffset offset after its last character
   */
  public Tree close(@Nullable Span end, int endOffset) {
    Frame f = stack.remove(stack.size() - 1);
    Span last = end;
    if (last == null) {
      Tree lastChild =
          f.map
              ? (f.entries.isEmpty() ? null : f.entries.get(f.entries.size() - 1).value())
              : (f.items.isEmpty() ? null : f.items.get(f.items.size() - 1));
      last = lastChild == null ? f.startSpan : lastChild.span();
    }
    Span span = Spans.cover(f.startSpan, last);
    int endAt = Math.max(endOffset, f.start);
    Tree t =
        f.map
            ? new Tree.MapNode(f.entries, span, f.start, endAt, f.weight)
            : new Tree.SeqNode(f.items, span, f.start, endAt, f.weight);
    value(t);
    return t;
  }

  /** Adds a complete value: the root, a sequence item, or the value of the pending key. */
  public void value(Tree t) {
    if (stack.isEmpty()) {
      root = t;
      return;
    }
    Frame f = top();
    f.weight += t.weight();
    if (!f.map) {
      f.items.add(t);
      return;
    }
    String key = f.key;
    Span keySpan = f.keySpan;
    if (key == null || keySpan == null) {
      throw new IllegalStateException("value without key");
    }
    f.key = null;
    f.keySpan = null;
    if (f.merge) {
      f.merge = false;
      merge(f, t, keySpan);
      return;
    }
    Tree.Entry e = new Tree.Entry(key, keySpan, t);
    int at = f.find(key);
    if (at < 0) {
      f.append(e, keySpan);
      return;
    }
    Span first = f.explicitAt(at);
    List<@Nullable Span> explicit = f.explicit(); // the entry's key span changes below
    if (first != null) {
      findings.add(
          new Finding(
              Severity.ERROR,
              ReaderCode.DUPLICATE_KEY,
              pathWith(key),
              "duplicate key \""
                  + key
                  + "\": kubectl would keep the last value silently ("
                  + duplicateRule
                  + ")",
              keySpan,
              List.of(new Diagnostic.Related(first, "first defined here"))));
    } else {
      explicit.set(at, keySpan);
    }
    f.entries.set(at, e);
  }

  /** A merged entry: replaces the value of its key or comes last, and is not an explicit key. */
  private static void put(Frame f, Tree.Entry e) {
    int at = f.find(e.key());
    if (at < 0) {
      f.append(e, null);
    } else {
      f.explicit(); // before the entry's key span changes
      f.entries.set(at, e);
    }
  }

  private void merge(Frame f, Tree t, Span keySpan) {
    if (t instanceof Tree.MapNode m) {
      m.entries().forEach(e -> put(f, e));
      return;
    }
    if (t instanceof Tree.SeqNode s
        && s.items().stream().allMatch(Tree.MapNode.class::isInstance)) {
      for (int i = s.items().size() - 1; i >= 0; i--) {
        ((Tree.MapNode) s.items().get(i)).entries().forEach(e -> put(f, e));
      }
      return;
    }
    findings.add(
        Finding.error(
            ReaderCode.YAML_SYNTAX,
            path(),
            "a merge key (<<) needs a map or a list of maps as its value",
            keySpan));
  }

  /** The finished root, or null if none was completed. */
  public @Nullable Tree root() {
    return root;
  }

  /** The path of the value about to be added. */
  public List<Object> path() {
    List<Object> p = new ArrayList<>(stack.size());
    for (Frame f : stack) {
      if (f.map) {
        if (f.key != null) {
          p.add(f.key);
        }
      } else {
        p.add(f.items.size());
      }
    }
    return p;
  }

  private List<Object> pathWith(String key) {
    List<Object> p = path();
    p.add(key);
    return p;
  }

  private Frame top() {
    return stack.get(stack.size() - 1);
  }
}
