package dev.daemonset.core.internal.bind;

import static java.util.Objects.requireNonNull;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.SourceMap;
import dev.daemonset.api.Span;
import dev.daemonset.api.model.JsonValue;
import dev.daemonset.core.internal.tree.ReaderCode;
import dev.daemonset.core.internal.tree.Spans;
import dev.daemonset.core.internal.tree.Tree;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Checks a tree against its {@link Type} the way the API server's strict decoding does (unknown
 * fields, JSON types, RFC 3339 timestamps, quantities) and, when asked to, records every value and
 * key span under its Kubernetes-notation path.
 */
final class Checker {

  private static final Pattern QUANTITY =
      Pattern.compile(
          "[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([KMGTPE]i|[numkMGTPE]|[eE][+-]?[0-9]+)?");
  private static final BigInteger MIN_LONG = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger MAX_LONG = BigInteger.valueOf(Long.MAX_VALUE);

  private final int document;
  private final List<Diagnostic> diagnostics;
  private final boolean record;
  private final Map<String, Span> values = new HashMap<>();
  private final Map<String, Span> keys = new HashMap<>();

  /**
   * @param record whether to record spans (hashing a path per node costs more than the checks)
   */
  private Checker(int document, List<Diagnostic> diagnostics, boolean record) {
    this.document = document;
    this.diagnostics = diagnostics;
    this.record = record;
  }

  /** Adds to {@code diagnostics} what is wrong with {@code root} as a {@code type}. */
  static void check(Tree.MapNode root, Type type, int document, List<Diagnostic> diagnostics) {
    new Checker(document, diagnostics, false).check(root, type, Path.ROOT);
  }

  /**
   * Where each path of {@code root} was written: the same walk as {@link #check}, recording, its
   * diagnostics dropped.
   */
  static SourceMap sourceMap(Tree.MapNode root, Type type, int document) {
    Checker recorder = new Checker(document, new ArrayList<>(), true);
    recorder.check(root, type, Path.ROOT);
    return new SourceMap(recorder.values, recorder.keys, Spans.inDocument(root.span(), document));
  }

  private void value(Path path, Tree node) {
    if (record) {
      values.putIfAbsent(path.toString(), Spans.inDocument(node.span(), document));
    }
  }

  private void key(Path path, Tree.Entry e) {
    if (record) {
      keys.putIfAbsent(path.toString(), Spans.inDocument(e.keySpan(), document));
    }
  }

  /**
   * A path in the making: its parent and its last step, rendered ({@link Paths}) only when a
   * diagnostic or the source map needs the string. Checking a valid document renders none, so it
   * builds no path string per node.
   */
  private static final class Path {
    static final Path ROOT = new Path(null, "", -1, false);

    private final @Nullable Path parent;
    private final String key;
    private final int index;
    private final boolean entry;
    private @Nullable String rendered;

    private Path(@Nullable Path parent, String key, int index, boolean entry) {
      this.parent = parent;
      this.key = key;
      this.index = index;
      this.entry = entry;
      this.rendered = parent == null ? "" : null;
    }

    Path field(String name) {
      return new Path(this, name, -1, false);
    }

    Path entry(String name) {
      return new Path(this, name, -1, true);
    }

    Path item(int i) {
      return new Path(this, "", i, false);
    }

    @Override
    public String toString() {
      String r = rendered;
      if (r == null) {
        String up = requireNonNull(parent).toString();
        r =
            index >= 0
                ? Paths.item(up, index)
                : entry ? Paths.entry(up, key) : Paths.field(up, key);
        rendered = r;
      }
      return r;
    }
  }

  private void check(Tree node, @Nullable Type type, Path path) {
    value(path, node);
    if (node instanceof Tree.Scalar s && s.value() instanceof JsonValue.Null) {
      return; // null decodes to the zero value of any type
    }
    if (type == null || type == Type.Scalar.ANY) {
      walk(node, path);
      return;
    }
    if (type instanceof Type.Struct st) {
      if (!(node instanceof Tree.MapNode m)) {
        mismatch(node, path, "an object");
        return;
      }
      for (Tree.Entry e : m.entries()) {
        Path p = path.field(e.key());
        key(p, e);
        Type ft = st.field(e.key());
        if (ft == null) {
          unknown(e, p, st);
          walk(e.value(), p);
        } else {
          check(e.value(), ft, p);
        }
      }
    } else if (type instanceof Type.MapOf mt) {
      if (!(node instanceof Tree.MapNode m)) {
        mismatch(node, path, "a map");
        return;
      }
      for (Tree.Entry e : m.entries()) {
        Path p = path.entry(e.key());
        key(p, e);
        check(e.value(), mt.value(), p);
      }
    } else if (type instanceof Type.ListOf lt) {
      if (!(node instanceof Tree.SeqNode q)) {
        mismatch(node, path, "a list");
        return;
      }
      for (int i = 0; i < q.items().size(); i++) {
        check(q.items().get(i), lt.element(), path.item(i));
      }
    } else {
      scalar(node, (Type.Scalar) type, path);
    }
  }

  private void scalar(Tree node, Type.Scalar type, Path path) {
    JsonValue v = node instanceof Tree.Scalar s ? s.value() : null;
    switch (type) {
      case STRING -> {
        if (!(v instanceof JsonValue.Str)) {
          mismatch(node, path, "a string");
        }
      }
      case BOOLEAN -> {
        if (!(v instanceof JsonValue.Bool)) {
          mismatch(node, path, "a boolean");
        }
      }
      case NUMBER -> {
        if (!(v instanceof JsonValue.Num)) {
          mismatch(node, path, "a number");
        }
      }
      case INTEGER -> {
        if (!isInteger(v)) {
          mismatch(node, path, "an integer");
        }
      }
      case INT32 -> {
        if (!isInteger(v)) {
          mismatch(node, path, "an integer");
        } else if (!isInt32(v)) {
          mismatch(node, path, "a 32-bit integer (" + INT32_RANGE + ")");
        }
      }
      case INT_OR_STRING -> {
        if (!(v instanceof JsonValue.Str) && !isInteger(v)) {
          mismatch(node, path, "an integer or a string");
        } else if (!(v instanceof JsonValue.Str) && !isInt32(v)) {
          // IntOrString's integer is an int32
          mismatch(node, path, "a 32-bit integer (" + INT32_RANGE + ") or a string");
        }
      }
      case QUANTITY -> {
        if (v instanceof JsonValue.Str str) {
          if (!QUANTITY.matcher(str.value()).matches()) {
            error(
                ReaderCode.INVALID_TYPE,
                path,
                "expected a quantity such as 100m, 0.5 or 1Gi, found " + describe(node),
                node.span());
          }
        } else if (!(v instanceof JsonValue.Num)) {
          mismatch(node, path, "a quantity (a string such as \"100m\" or a number)");
        }
      }
      case TIME -> {
        if (!(v instanceof JsonValue.Str str)) {
          mismatch(node, path, "an RFC 3339 timestamp string");
        } else {
          try {
            OffsetDateTime.parse(str.value());
          } catch (DateTimeParseException e) {
            error(
                ReaderCode.INVALID_TYPE,
                path,
                "expected an RFC 3339 timestamp such as 2024-01-31T12:00:00Z, found "
                    + describe(node),
                node.span());
          }
        }
      }
      default -> walk(node, path);
    }
  }

  private static final String INT32_RANGE = "-2147483648 to 2147483647";

  /**
   * An integer that fits Go's int32: the API server's decoder rejects a larger one, so it is never
   * clamped into range (which would report or accept a number the user never wrote).
   */
  static boolean isInt32(@Nullable JsonValue v) {
    if (!(v instanceof JsonValue.Num num) || !isInteger(num)) {
      return false;
    }
    long n = Long.parseLong(num.literal());
    return n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE;
  }

  /**
   * An integer literal of at most this many characters, sign included, fits a Go int64 (whose
   * largest value has 19 digits) without a closer look.
   */
  private static final int SURELY_INT64 = 18;

  static boolean isInteger(@Nullable JsonValue v) {
    if (!(v instanceof JsonValue.Num n) || !n.isIntegral()) {
      return false;
    }
    if (n.literal().length() <= SURELY_INT64) {
      return true;
    }
    BigInteger b = new BigInteger(n.literal());
    return b.compareTo(MIN_LONG) >= 0 && b.compareTo(MAX_LONG) <= 0;
  }

  /** Records the spans of a subtree whose type is not known. */
  private void walk(Tree node, Path path) {
    value(path, node);
    if (node instanceof Tree.MapNode m) {
      for (Tree.Entry e : m.entries()) {
        Path p = path.field(e.key());
        key(p, e);
        walk(e.value(), p);
      }
    } else if (node instanceof Tree.SeqNode q) {
      for (int i = 0; i < q.items().size(); i++) {
        walk(q.items().get(i), path.item(i));
      }
    }
  }

  private void unknown(Tree.Entry e, Path at, Type.Struct st) {
    String path = at.toString();
    String best = FieldSchema.suggest(st, e.key());
    error(
        ReaderCode.UNKNOWN_FIELD,
        at,
        "unknown field \"" + path + "\"" + (best == null ? "" : "; did you mean \"" + best + "\"?"),
        e.keySpan());
  }

  private void mismatch(Tree node, Path path, String expected) {
    error(
        ReaderCode.INVALID_TYPE,
        path,
        "expected " + expected + ", found " + describe(node),
        node.span());
  }

  private void error(ReaderCode code, Path path, String message, Span span) {
    diagnostics.add(code.diagnostic(path.toString(), message, Spans.inDocument(span, document)));
  }

  static String describe(Tree node) {
    if (node instanceof Tree.MapNode) {
      return "an object";
    }
    if (node instanceof Tree.SeqNode) {
      return "a list";
    }
    JsonValue v = ((Tree.Scalar) node).value();
    return switch (v.kind()) {
      case STRING -> {
        String s = ((JsonValue.Str) v).value();
        yield "the string \"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "\"";
      }
      case NUMBER -> "the number " + v;
      case BOOLEAN -> "the boolean " + v;
      default -> "null";
    };
  }

  /**
   * Optimal string alignment distance (Damerau-Levenshtein with adjacent swaps), case-insensitive.
   */
  static int distance(String a, String b) {
    String x = a.toLowerCase(java.util.Locale.ROOT);
    String y = b.toLowerCase(java.util.Locale.ROOT);
    if (Math.abs(x.length() - y.length()) > 2) {
      return 3;
    }
    int[][] d = new int[x.length() + 1][y.length() + 1];
    for (int i = 0; i <= x.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= y.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= x.length(); i++) {
      for (int j = 1; j <= y.length(); j++) {
        int cost = x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && x.charAt(i - 1) == y.charAt(j - 2)
            && x.charAt(i - 2) == y.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + cost);
        }
      }
    }
    return d[x.length()][y.length()];
  }
}
