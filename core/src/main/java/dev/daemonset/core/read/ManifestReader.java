package dev.daemonset.core.read;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.Document;
import dev.daemonset.api.ReadResult;
import dev.daemonset.api.Severity;
import dev.daemonset.api.Span;
import dev.daemonset.api.model.JsonValue;
import dev.daemonset.core.internal.bind.Binder;
import dev.daemonset.core.internal.tree.Finding;
import dev.daemonset.core.internal.tree.ReaderCode;
import dev.daemonset.core.internal.tree.Spans;
import dev.daemonset.core.internal.tree.Tree;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Reads Kubernetes manifests — YAML or JSON, single documents, multi-document streams and {@code v1
 * List} objects such as {@code kubectl get nodes,pods -o yaml} prints — into the typed model, with
 * a {@link dev.daemonset.api.SourceMap} for every document and located diagnostics for everything
 * wrong with the input.
 *
 * <p>Guarantees:
 *
 * <ul>
 *   <li>Bad input never throws: syntax errors, unknown fields, wrong types, duplicate keys, invalid
 *       UTF-8, binary data and every broken {@link ReadLimits limit} become diagnostics. Only a
 *       null argument throws, and an {@link IOException} of the file or stream read from.
 *   <li>YAML scalars are typed exactly as kubectl types them (go-yaml v2, YAML 1.1 flavour): {@code
 *       yes}, {@code on}, {@code 0640} are a boolean, a boolean and 416; a warning {@code
 *       yaml-ambiguous-scalar} says where a YAML 1.2 reader would disagree.
 *   <li>Input whose first non-blank character is <code>{</code> is JSON, as kubectl decides.
 *   <li>YAML is read as kubectl reads it: documents cut at every line that starts with {@code ---}
 *       before parsing, tabs, escapes and map keys as go-yaml v2 and sigs.k8s.io/yaml take them;
 *       where we are stricter on purpose (duplicate keys, content kubectl would drop, tags), the
 *       message says what kubectl would do (docs/reading.md).
 *   <li>DaemonSet, Node, Pod and ControllerRevision documents become objects; other kinds are
 *       skipped with an {@code info} diagnostic {@code skipped-kind}; empty documents are skipped
 *       silently. Items of a {@code v1 List} count as documents of their own.
 *   <li>Diagnostics are ordered by position. Instances are immutable and thread-safe.
 * </ul>
 *
 * <p>Example:
 *
 * <pre>{@code
 * ReadResult result = ManifestReader.defaults().read(path);
 * for (Diagnostic d : result.diagnostics()) {
 *   System.err.println(path + ":" + d.span().line() + ":" + d.span().column() + ": "
 *       + d.severity().label() + ": " + d.message() + " [" + d.code() + "]");
 * }
 * List<DaemonSet> daemonSets = result.daemonSets();
 * ManifestReader small = ManifestReader.defaults().withLimits(ReadLimits.DEFAULTS.withMaxDepth(16));
 * }</pre>
 *
 * @since 0.2
 */
@API(status = STABLE, since = "0.2")
public final class ManifestReader {

  private static final ManifestReader DEFAULTS = new ManifestReader(ReadLimits.DEFAULTS, true);

  /** The kinds whose {@code items} are read as objects of their own, by every reader. */
  static final Set<String> LIST_KINDS =
      Set.of("List", "DaemonSetList", "NodeList", "PodList", "ControllerRevisionList");

  private final ReadLimits limits;

  /**
   * Whether the fast paths may read: {@link BlockYamlParser} for block-style YAML, {@link
   * TextReader} in place of SnakeYAML's reader, the Latin-1 decoding of printable ASCII bytes, and
   * Jackson's byte parser for ASCII JSON. Each must give exactly what the path it replaces gives;
   * {@link #withoutFastPaths} turns them all off, so that a test can read the same input both ways
   * and compare.
   */
  private final boolean fastPaths;

  private ManifestReader(ReadLimits limits, boolean fastPaths) {
    this.limits = requireNonNull(limits, "limits");
    this.fastPaths = fastPaths;
  }

  /** The reader with {@link ReadLimits#DEFAULTS}. */
  public static ManifestReader defaults() {
    return DEFAULTS;
  }

  /** A reader like this one with other limits. */
  public ManifestReader withLimits(ReadLimits newLimits) {
    return new ManifestReader(newLimits, fastPaths);
  }

  /**
   * This reader with every fast path off: YAML is read by SnakeYAML's own reader and parser only,
   * bytes are decoded by the JDK's UTF-8 decoder. Not API: for tests that check that each fast path
   * reads exactly as the path it stands in for (run a table both ways and compare), and for
   * bisecting a suspected fast-path bug.
   */
  ManifestReader withoutFastPaths() {
    return new ManifestReader(limits, false);
  }

  /** Whether the fast paths are on (see {@link #withoutFastPaths}). */
  boolean fastPaths() {
    return fastPaths;
  }

  /** The limits this reader enforces. */
  public ReadLimits limits() {
    return limits;
  }

  /** Reads manifest text. */
  public ReadResult read(String text) {
    requireNonNull(text, "text");
    if ((long) text.length() > limits.maxTotalSize()) {
      return tooLarge(text.length());
    }
    String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
    return readText(t);
  }

  /** Reads UTF-8 bytes (a UTF-8 byte order mark is allowed). */
  public ReadResult read(byte[] bytes) {
    requireNonNull(bytes, "bytes");
    if (bytes.length > limits.maxTotalSize()) {
      return tooLarge(bytes.length);
    }
    int skip = 0;
    if (bytes.length >= 3
        && (bytes[0] & 0xFF) == 0xEF
        && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF) {
      skip = 3;
    } else if (bytes.length >= 2 && isUtf16ByteOrderMark(bytes[0], bytes[1])) {
      return failed(utf16ByteOrderMark());
    }
    Decoded decoded = decode(bytes, skip, bytes.length, 0, fastPaths);
    String text = decoded.text();
    return text != null ? parse(text, decoded.ascii()) : failed(decoded.rejection());
  }

  /** True when the first two bytes are a UTF-16 byte order mark (either byte order). */
  static boolean isUtf16ByteOrderMark(byte first, byte second) {
    int a = first & 0xFF;
    int b = second & 0xFF;
    return (a == 0xFE && b == 0xFF) || (a == 0xFF && b == 0xFE);
  }

  /** The one error for a UTF-16 input, shared by the full and the snapshot readers. */
  static Diagnostic utf16ByteOrderMark() {
    return new Diagnostic(
        Severity.ERROR,
        ReaderCode.INVALID_ENCODING.id(),
        "",
        "the input starts with a UTF-16 byte order mark; manifests must be UTF-8, so save the file as UTF-8",
        new Span(0, 1, 1, 1, 2));
  }

  /**
   * UTF-8 bytes as text the readers accept, or the error that rejects them (positions relative to
   * {@code from}).
   *
   * @param text the text, or null if {@code error} rejects the bytes
   * @param ascii whether the text is all printable ASCII, tabs and line breaks
   * @param error what is wrong with the bytes, if anything
   */
  record Decoded(@Nullable String text, boolean ascii, @Nullable Diagnostic error) {
    /** The error of bytes that are not text (only when {@link #text} is null). */
    Diagnostic rejection() {
      return requireNonNull(error, "the bytes were decoded: there is no error");
    }
  }

  /**
   * {@code bytes[from, to)} as checked text: valid UTF-8 without control characters.
   *
   * @param base the input offset of {@code bytes[0]}, for the byte an error names
   */
  static Decoded decode(byte[] bytes, int from, int to, long base) {
    return decode(bytes, from, to, base, true);
  }

  /**
   * {@link #decode(byte[], int, int, long)}, with or without the Latin-1 shortcut for printable
   * ASCII ({@link #withoutFastPaths()} decodes every input through the UTF-8 decoder).
   */
  static Decoded decode(byte[] bytes, int from, int to, long base, boolean latin1) {
    if (latin1
        && isPrintableAscii(
            bytes, from, to)) { // most manifests: a Latin-1 string straight from the bytes
      return new Decoded(
          new String(bytes, from, to - from, StandardCharsets.ISO_8859_1), true, null);
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, from, to - from);
    CharBuffer out =
        CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16L, (long) (to - from) + 1));
    CoderResult r = decoder.decode(in, out, true);
    if (!r.isError()) {
      r = decoder.flush(out);
    }
    if (r.isError()) {
      out.flip();
      String before = out.toString();
      LineIndex lines = new LineIndex(before);
      int line = lines.line(before.length());
      int column = lines.column(before.length());
      return new Decoded(
          null,
          false,
          new Diagnostic(
              Severity.ERROR,
              ReaderCode.INVALID_ENCODING.id(),
              "",
              String.format(
                  Locale.ROOT,
                  "invalid UTF-8 at byte %d (0x%02X): manifests must be UTF-8 text",
                  base + in.position(),
                  bytes[in.position()] & 0xFF),
              new Span(0, line, column, line, column + 1)));
    }
    out.flip();
    String text = out.toString();
    int ascii = printableAsciiLength(text);
    Diagnostic binary = ascii == text.length() ? null : controlCharacter(text, ascii);
    return binary != null
        ? new Decoded(null, false, binary)
        : new Decoded(text, ascii == text.length(), null);
  }

  /**
   * True if every byte is printable ASCII, a tab or a line break: such text is valid UTF-8 and has
   * no character {@link #controlCharacter} would reject, so it needs no second look.
   */
  private static boolean isPrintableAscii(byte[] bytes, int from, int to) {
    int i = from;
    // Eight bytes at a time: a word with no byte above 0x7E and none below 0x20 passes at once;
    // one with such a byte (line breaks and tabs among them) is looked at byte by byte.
    for (; i + 8 <= to; i += 8) {
      long word = (long) WORDS.get(bytes, i);
      if (((word | (word + 0x0101010101010101L)) & 0x8080808080808080L) != 0 // 0x7F and above
          || ((word - 0x2020202020202020L) & ~word & 0x8080808080808080L) != 0) { // below 0x20
        for (int j = i; j < i + 8; j++) {
          if (!isPrintableAscii(bytes[j])) {
            return false;
          }
        }
      }
    }
    for (; i < to; i++) {
      if (!isPrintableAscii(bytes[i])) { // a negative byte is no ASCII character
        return false;
      }
    }
    return true;
  }

  private static final VarHandle WORDS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /**
   * Reads the UTF-8 file at {@code path}. A file larger than {@link ReadLimits#maxTotalSize()} is
   * not read: it gives one {@code document-too-large} error.
   *
   * @throws IOException if the file cannot be read (missing, a directory, no permission)
   */
  public ReadResult read(Path path) throws IOException {
    requireNonNull(path, "path");
    long size = Files.size(path);
    if (size > limits.maxTotalSize()) {
      return tooLarge(size);
    }
    return read(Files.readAllBytes(path)); // read(byte[]) checks the size again: the file may grow
  }

  /**
   * Reads UTF-8 bytes from {@code in} (not closed), at most {@link ReadLimits#maxTotalSize()}.
   *
   * @throws IOException if the stream fails
   */
  public ReadResult read(InputStream in) throws IOException {
    requireNonNull(in, "in");
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    long total = 0;
    int n;
    while ((n = in.read(chunk)) > 0) {
      total += n;
      if (total > limits.maxTotalSize()) {
        return tooLarge(total);
      }
      buffer.write(chunk, 0, n);
    }
    return read(buffer.toByteArray());
  }

  private ReadResult tooLarge(long atLeast) {
    return failed(
        new Diagnostic(
            Severity.ERROR,
            ReaderCode.DOCUMENT_TOO_LARGE.id(),
            "",
            "the input is at least "
                + atLeast
                + " bytes long, more than the limit of "
                + limits.maxTotalSize()
                + " bytes",
            Span.at(0, 1, 1)));
  }

  private static ReadResult failed(Diagnostic d) {
    return new ReadResult(List.of(), List.of(d));
  }

  private ReadResult readText(String text) {
    int ascii = printableAsciiLength(text);
    if (ascii == text.length()) {
      return parse(text, true);
    }
    Diagnostic binary = controlCharacter(text, ascii);
    return binary != null ? failed(binary) : parse(text, false);
  }

  /** How many characters at the start of {@code text} are printable ASCII, tabs or line breaks. */
  private static int printableAsciiLength(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (!isPrintableAscii(text.charAt(i))) {
        return i;
      }
    }
    return text.length();
  }

  /**
   * Printable ASCII, a tab or a line break: text of only these needs no control-character check.
   */
  private static boolean isPrintableAscii(int c) {
    return (c >= 0x20 && c < 0x7F) || c == '\n' || c == '\t' || c == '\r';
  }

  /**
   * Reads text that {@link #controlCharacter} accepts; {@code ascii}: it is known to be all ASCII
   * (only such text is tried with the quick YAML parser).
   */
  ReadResult parse(String text, boolean ascii) {
    Collector stream = new Collector();
    if (isJson(text)) {
      JsonTreeBuilder.read(text, ascii, limits, fastPaths, stream::accept);
    } else {
      YamlTreeBuilder.read(text, ascii, limits, fastPaths, stream::accept);
    }
    List<Diagnostic> diagnostics = stream.diagnostics;
    diagnostics.sort(
        Comparator.comparingInt((Diagnostic d) -> d.span().line())
            .thenComparingInt(d -> d.span().column()));
    return new ReadResult(stream.documents, diagnostics);
  }

  private static boolean isEmpty(Tree root, RawDocument raw) {
    return root instanceof Tree.Scalar s
        && s.value() instanceof JsonValue.Null
        && raw.findings().isEmpty();
  }

  /** Binds each document as soon as it is parsed, so only one tree is held at a time. */
  final class Collector {
    final List<Document> documents = new ArrayList<>();
    final List<Diagnostic> diagnostics = new ArrayList<>();
    int next;

    Collector() {}

    /** A collector whose first document gets index {@code first}. */
    Collector(int first) {
      this.next = first;
    }

    void accept(RawDocument raw) {
      Tree root = raw.root();
      if (root == null) {
        for (Finding f : raw.findings()) {
          diagnostics.add(Binder.place(f, next));
        }
        next++;
      } else if (!isEmpty(root, raw)) { // empty and comment-only documents are skipped silently
        if (root instanceof Tree.MapNode m
            && LIST_KINDS.contains(m.string("kind"))
            && m.get("items") instanceof Tree.SeqNode items) {
          next = readList(items, raw.findings(), next, documents, diagnostics);
        } else {
          bindOne(root, raw.findings(), next++, documents, diagnostics);
        }
      }
    }
  }

  private int readList(
      Tree.SeqNode items,
      List<Finding> findings,
      int first,
      List<Document> documents,
      List<Diagnostic> diagnostics) {
    int next = first;
    for (int i = 0; i < items.items().size(); i++) {
      List<Finding> mine = new ArrayList<>();
      for (Finding f : findings) {
        if (f.path().size() >= 2 && f.path().get(0).equals("items") && f.path().get(1).equals(i)) {
          mine.add(
              new Finding(
                  f.severity(),
                  f.code(),
                  f.path().subList(2, f.path().size()),
                  f.message(),
                  f.span(),
                  f.related()));
        }
      }
      bindOne(items.items().get(i), mine, next++, documents, diagnostics);
    }
    for (Finding f : findings) {
      if (!(f.path().size() >= 2
          && f.path().get(0).equals("items")
          && f.path().get(1) instanceof Integer)) {
        diagnostics.add(Binder.place(f, first));
      }
    }
    return next;
  }

  void bindOne(
      Tree root,
      List<Finding> findings,
      int index,
      List<Document> documents,
      List<Diagnostic> diagnostics) {
    if (root.end() - root.start() > limits.maxObjectSize()) {
      diagnostics.add(
          new Diagnostic(
              Severity.ERROR,
              ReaderCode.DOCUMENT_TOO_LARGE.id(),
              "",
              "this object is "
                  + (root.end() - root.start())
                  + " characters long, more than the limit of "
                  + limits.maxObjectSize()
                  + " for one object",
              Spans.inDocument(Span.at(0, root.span().line(), root.span().column()), index)));
      return;
    }
    Binder.Bound bound = Binder.bind(root, index, findings);
    diagnostics.addAll(bound.diagnostics());
    if (bound.document() != null) {
      documents.add(bound.document());
    }
  }

  /** kubectl's rule: JSON if the first non-blank character opens an object. */
  static boolean isJson(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isGoSpace(c)) {
        return c == '{';
      }
    }
    return false;
  }

  /**
   * Go's {@code unicode.IsSpace}, which kubectl trims with before it looks for the brace: the
   * Unicode White_Space characters, so unlike {@link Character#isWhitespace} also the no-break
   * spaces and U+0085 (none of them a BMP surrogate, so chars suffice).
   */
  static boolean isGoSpace(char c) {
    return (c >= '\t' && c <= '\r') || c == '\u0085' || Character.isSpaceChar(c);
  }

  /** The error for a control character {@code c} (a code point) at {@code line}:{@code column}. */
  static Diagnostic controlCharacterAt(int c, int line, int column) {
    return new Diagnostic(
        Severity.ERROR,
        ReaderCode.INVALID_ENCODING.id(),
        "",
        String.format(
            Locale.ROOT,
            "the input contains the control character U+%04X: it is binary or corrupt, not a manifest",
            c),
        new Span(0, line, column, line, column + 1));
  }

  /**
   * The first character from {@code from} on that is neither YAML-printable nor a line break or
   * tab, as a diagnostic.
   */
  private static @Nullable Diagnostic controlCharacter(String text, int from) {
    for (int i = from; i < text.length(); ) {
      char plain = text.charAt(i);
      if ((plain >= 0x20 && plain <= 0x7E)
          || plain == '\n') { // the common case, no code point decoding
        i++;
        continue;
      }
      int c = text.codePointAt(i);
      boolean ok =
          c == '\t'
              || c == '\n'
              || c == '\r'
              || (c >= 0x20 && c <= 0x7E)
              || c == 0x85
              || (c >= 0xA0 && c <= 0xD7FF)
              || (c >= 0xE000 && c <= 0xFFFD)
              || (c >= 0x10000 && c <= 0x10FFFF);
      if (!ok) {
        LineIndex lines = new LineIndex(text);
        int line = lines.line(i);
        int column = lines.column(i);
        return controlCharacterAt(c, line, column);
      }
      i += Character.charCount(c);
    }
    return null;
  }
}
