package dev.daemonset.core.read;

import dev.daemonset.api.Span;
import dev.daemonset.api.model.JsonValue;
import dev.daemonset.core.internal.tree.Assembler;
import dev.daemonset.core.internal.tree.Finding;
import dev.daemonset.core.internal.tree.ReaderCode;
import dev.daemonset.core.internal.tree.Spans;
import dev.daemonset.core.internal.tree.Tree;
import dev.daemonset.core.internal.tree.YamlScalars;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.DocumentEndEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingEndEvent;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceEndEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.ScannerImpl;

/**
 * Builds located trees from YAML events, typing scalars the way kubectl does. The events come from
 * {@link BlockYamlParser} when the text has its shape, else from SnakeYAML's event parser (both
 * keep deep input from overflowing the thread's stack) over the text as go-yaml would see it
 * ({@link GoYamlWhitespace}), document by document as kubectl cuts it ({@link DocumentSplitter}).
 *
 * <p>A document that breaks a limit is abandoned after one finding, a syntax error ends its
 * document, and reading goes on with the next document (kubectl parses each on its own).
 */
final class YamlTreeBuilder {

  private static final String TAG_PREFIX = "tag:yaml.org,2002:";
  private static final Set<String> SCALAR_TAGS = Set.of("str", "int", "bool", "null", "float");

  private final ReadLimits limits;
  private final Consumer<RawDocument> documents;

  private List<Finding> findings = new ArrayList<>();
  private Assembler assembler = new Assembler(1, findings);
  private Map<String, Tree> anchors = new HashMap<>();
  private java.util.IdentityHashMap<Tree, YamlScalars.Resolved> resolvedAnchors =
      new java.util.IdentityHashMap<>();
  private final List<@Nullable String> openAnchors = new ArrayList<>();
  private int aliases;
  private long expansion;
  private boolean abandoned;
  private int startLine = 1;

  /** Where the parser in use started: marks it makes count from there (see {@link #at}). */
  private int lineBase;

  private int indexBase;

  /** The text being read, and where the parser in use started reading it from a copy, or -1. */
  private String parsed = "";

  private int copiedFrom = -1;

  /**
   * The document that ended last, held until the next event: content kubectl would drop may follow
   * it, and the finding that says so belongs to it.
   */
  private @Nullable RawDocument ended;

  /** Where {@link GoYamlWhitespace} put {@code \"} for go-yaml's {@code \'} (the backslashes). */
  private List<Integer> quoteEscapes = List.of();

  /** Tabs in block scalar indentation, which go-yaml fails on and SnakeYAML reads. */
  private List<DocumentSplitter.Problem> blockScalarTabs = List.of();

  private YamlTreeBuilder(ReadLimits limits, Consumer<RawDocument> documents) {
    this.limits = limits;
    this.documents = documents;
  }

  /**
   * Parses {@code text}, handing each document to {@code documents} as soon as it is complete. The
   * text must have passed {@code ManifestReader}'s control-character check ({@link TextReader} does
   * not check again); {@code ascii} says it is known to be all ASCII; {@code fastPaths} false reads
   * with SnakeYAML's own parser and reader only (see {@link ManifestReader#withoutFastPaths}).
   */
  static void read(
      String text,
      boolean ascii,
      ReadLimits limits,
      boolean fastPaths,
      Consumer<RawDocument> documents) {
    new YamlTreeBuilder(limits, documents).run(text, ascii, fastPaths);
  }

  /**
   * Most manifests have the shape {@link BlockYamlParser} knows, and it reads them several times
   * faster, whole. Else SnakeYAML's parser reads them, as kubectl does, piece by piece ({@link
   * DocumentSplitter}): one parser runs over as many pieces as it can, and after an error, a broken
   * limit or content kubectl would drop, a new one starts at the next piece.
   */
  private void run(String text, boolean ascii, boolean fastPaths) {
    DocumentSplitter.Split split = DocumentSplitter.split(text);
    GoYamlWhitespace.Result goYaml = GoYamlWhitespace.of(text, split);
    String source = goYaml.text();
    quoteEscapes = goYaml.quoteEscapes();
    blockScalarTabs = goYaml.errors();
    if (fastPaths
        && split.errors().isEmpty()
        && blockScalarTabs.isEmpty()
        && quoteEscapes.isEmpty()) {
      Parser quick = BlockYamlParser.of(source, ascii);
      if (quick != null) {
        stream(quick, split, source); // never fails: it gives up on anything it might get wrong
        return;
      }
    }
    // kubectl's LineReader ends every line with a line break, the last one too: a block scalar
    // at the end of the text keeps its final line break.
    String parsed = source.isEmpty() || source.endsWith("\n") ? source : source + "\n";
    List<DocumentSplitter.Chunk> chunks = split.chunks();
    int problem = 0;
    for (int first = 0; first < chunks.size(); ) {
      int last = first;
      while (last + 1 < chunks.size() && split.contiguous(last, last + 1, text)) {
        last++;
      }
      DocumentSplitter.Chunk from = chunks.get(first);
      problem = problems(split, problem, from.start());
      int end = chunks.get(last).end() == text.length() ? parsed.length() : chunks.get(last).end();
      for (int i = first; i <= last; i++) {
        int deep = GoYamlWhitespace.deepFlow(parsed, chunks.get(i), limits.maxDepth());
        if (deep >= 0) {
          end = deep; // the nesting is reported before here, and reading goes on after the piece
          break;
        }
      }
      int stopped = stream(snakeYaml(parsed, from, end, ascii, fastPaths), split, parsed);
      first = stopped < 0 ? last + 1 : Math.max(first + 1, next(chunks, stopped));
    }
    problems(split, problem, Integer.MAX_VALUE);
  }

  /** Hands on the pieces kubectl fails on before {@code offset}; returns the first one left. */
  private int problems(DocumentSplitter.Split split, int from, int offset) {
    int i = from;
    for (; i < split.errors().size() && split.errors().get(i).offset() < offset; i++) {
      documents.accept(new RawDocument(null, List.of(split.errors().get(i).finding())));
    }
    return i;
  }

  /** The index of the first piece starting after {@code offset}. */
  private static int next(List<DocumentSplitter.Chunk> chunks, int offset) {
    int i = 0;
    while (i < chunks.size() && chunks.get(i).start() <= offset) {
      i++;
    }
    return i;
  }

  /**
   * SnakeYAML's parser alone, as {@code Yaml.parse} builds it (a {@code Yaml} instance also builds
   * a constructor and a representer we never use, which cost more than parsing a small manifest),
   * over the text from the start of {@code from} to {@code end}.
   */
  private Parser snakeYaml(
      String text, DocumentSplitter.Chunk from, int end, boolean ascii, boolean fastPaths) {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(Integer.MAX_VALUE);
    options.setProcessComments(false);
    parsed = text;
    StreamReader reader =
        fastPaths ? TextReader.of(text, from.start(), end, from.line(), ascii) : null;
    if (reader != null) {
      lineBase = 0;
      indexBase = 0;
      copiedFrom = -1;
    } else {
      reader = new StreamReader(new java.io.StringReader(text.substring(from.start(), end)));
      lineBase = from.line() - 1;
      indexBase = text.codePointCount(0, from.start());
      copiedFrom = from.start();
    }
    return new ParserImpl(new KubectlScanner(new ScannerImpl(reader, options)));
  }

  /**
   * Builds the documents of {@code parser}'s events. Returns -1 at the end of the events, or the
   * offset where reading stopped: a syntax error, a broken limit (the rest of the piece is skipped,
   * which also spares SnakeYAML the time nesting past the limit costs it) or content kubectl drops.
   */
  private int stream(Parser parser, DocumentSplitter.Split split, String text) {
    boolean inDocument = false;
    try {
      for (Event e = parser.getEvent(); e != null; e = parser.getEvent()) {
        if (e instanceof DocumentStartEvent) {
          flush();
          begin(e.getStartMark());
          inDocument = true;
        } else if (e instanceof DocumentEndEvent) {
          ended = new RawDocument(abandoned ? null : assembler.root(), findings);
          inDocument = false;
        } else if (inDocument && !abandoned) {
          event(e);
          if (abandoned && !(parser instanceof BlockYamlParser)) {
            finish();
            return offset(e.getStartMark());
          }
        }
      }
      flush();
      return -1;
    } catch (KubectlScanner.Rejected e) {
      flush();
      fail(syntax(e), inDocument);
      return offset(e.getProblemMark());
    } catch (MarkedYAMLException e) {
      Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      RawDocument last = ended;
      if (last != null && last.root() != null && m != null) {
        // A document ended, and more follows before the next ---: kubectl reads the document
        // (go-yaml's Unmarshal reads one) and drops the rest of the piece.
        int from = line(m);
        int to = lastLine(text, split.chunkAt(offset(m)));
        List<Finding> all = new ArrayList<>(last.findings());
        all.add(
            Finding.error(
                ReaderCode.TRAILING_CONTENT,
                List.of(),
                "kubectl reads this document only up to the end of its first node and silently"
                    + " drops "
                    + (from >= to ? "line " + from : "lines " + from + "–" + to)
                    + ": a manifest cut short; indent "
                    + (from >= to ? "it" : "them")
                    + " to belong to the node above, or start a new document with ---",
                Span.at(0, from, column(m))));
        ended = null;
        documents.accept(new RawDocument(last.root(), all));
        return offset(m);
      }
      flush();
      fail(syntax(e), inDocument);
      return m == null ? Integer.MAX_VALUE : offset(m);
    } catch (YAMLException e) {
      flush();
      fail(
          Finding.error(
              ReaderCode.YAML_SYNTAX,
              assembler.path(),
              "invalid YAML: " + oneLine(e.getMessage()),
              Span.at(0, startLine, 1)),
          inDocument);
      return Integer.MAX_VALUE;
    }
  }

  /** Hands on the document that ended last, if it has not been. */
  private void flush() {
    RawDocument last = ended;
    if (last != null) {
      ended = null;
      documents.accept(last);
    }
  }

  private Finding syntax(MarkedYAMLException e) {
    Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
    String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
    return Finding.error(
        ReaderCode.YAML_SYNTAX,
        assembler.path(),
        (e instanceof KubectlScanner.Rejected ? "" : "invalid YAML: ")
            + oneLine(problem)
            + (e.getContext() != null ? " (" + oneLine(e.getContext()) + ")" : ""),
        m == null ? Span.at(0, startLine, 1) : at(m));
  }

  /** The 1-based line of the last line of {@code chunk} that holds more than blanks. */
  private static int lastLine(String text, DocumentSplitter.Chunk chunk) {
    int line = chunk.line();
    int last = line;
    for (int i = chunk.start(); i < chunk.end() && i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
      } else if (c != ' ' && c != '\t' && c != '\r') {
        last = line;
      }
    }
    return last;
  }

  private void fail(Finding f, boolean inDocument) {
    if (!inDocument) {
      begin(null);
    }
    findings.add(f);
    abandoned = true;
    finish();
  }

  private static String oneLine(@Nullable String s) {
    return s == null ? "" : s.strip().replaceAll("\\s+", " ");
  }

  private void begin(@Nullable Mark start) {
    findings = new ArrayList<>();
    assembler = new Assembler(limits.maxDepth(), findings);
    anchors = new HashMap<>();
    resolvedAnchors = new java.util.IdentityHashMap<>();
    openAnchors.clear();
    aliases = 0;
    expansion = 0;
    abandoned = false;
    startLine = start == null ? startLine : line(start);
  }

  private void finish() {
    documents.accept(new RawDocument(abandoned ? null : assembler.root(), findings));
  }

  private void abandon(Finding f) {
    findings.add(f);
    abandoned = true;
  }

  private void event(Event e) {
    if (e instanceof NodeEvent n && n.getAnchor() != null && !goAnchorName(n.getAnchor())) {
      abandon(
          Finding.error(
              ReaderCode.YAML_SYNTAX,
              assembler.path(),
              "the "
                  + (e instanceof AliasEvent ? "alias *" : "anchor &")
                  + n.getAnchor()
                  + ": kubectl (go-yaml) allows only letters, digits, '_' and '-' in anchor names"
                  + " and fails on it (\"did not find expected alphabetic or numeric"
                  + " character\")",
              at(e.getStartMark())));
      return;
    }
    if (e instanceof ScalarEvent s) {
      scalar(s);
    } else if (e instanceof AliasEvent a) {
      alias(a);
    } else if (e instanceof MappingStartEvent || e instanceof SequenceStartEvent) {
      CollectionStartEvent c = (CollectionStartEvent) e;
      boolean map = e instanceof MappingStartEvent;
      if (assembler.expectingKey()) {
        abandon(
            Finding.error(
                ReaderCode.YAML_SYNTAX,
                assembler.path(),
                "a map or list cannot be a key: Kubernetes objects need string keys",
                at(e.getStartMark())));
        return;
      }
      if (!tagAllowed(c.getTag(), map ? "map" : "seq", "", e.getStartMark())) {
        return;
      }
      if (!assembler.open(map, at(e.getStartMark()), index(e.getStartMark()))) {
        abandoned = true;
        return;
      }
      openAnchors.add(c.getAnchor());
    } else if (e instanceof MappingEndEvent || e instanceof SequenceEndEvent) {
      @Nullable String anchor = openAnchors.remove(openAnchors.size() - 1);
      boolean flow = e.getStartMark().getIndex() != e.getEndMark().getIndex();
      Tree t = assembler.close(flow ? at(e.getEndMark()) : null, index(e.getEndMark()));
      remember(anchor, t);
    }
  }

  private void scalar(ScalarEvent s) {
    String value = s.getValue();
    Span span = between(s.getStartMark(), s.getEndMark());
    if (value.length() > limits.maxStringLength()) {
      abandon(
          Finding.error(
              ReaderCode.STRING_TOO_LONG,
              assembler.path(),
              "a string of "
                  + value.length()
                  + " characters is longer than the limit of "
                  + limits.maxStringLength(),
              span));
      return;
    }
    if (!tagAllowed(s.getTag(), null, value, s.getStartMark())) {
      return;
    }
    if (!blockScalarTabs.isEmpty() && (s.isLiteral() || s.isFolded())) {
      DocumentSplitter.Problem tab = within(blockScalarTabs, s);
      if (tab != null) {
        Finding f = tab.finding();
        abandon(Finding.error(f.code(), assembler.path(), f.message(), f.span()));
        return;
      }
    }
    if (!quoteEscapes.isEmpty() && s.getScalarStyle() == DumperOptions.ScalarStyle.DOUBLE_QUOTED) {
      value = singleQuotesBack(value, offset(s.getStartMark()), offset(s.getEndMark()));
    }
    String tag =
        s.getTag() == null
            ? null
            : s.getTag().equals("!") ? "str" : s.getTag().substring(TAG_PREFIX.length());
    boolean plain = s.isPlain() && tag == null;
    boolean key = assembler.expectingKey();
    YamlScalars.Resolved resolved;
    if (plain || (tag != null && !tag.equals("str"))) {
      if (value.length() > limits.maxNumberLength() && YamlScalars.looksNumeric(value)) {
        abandon(
            Finding.error(
                ReaderCode.NUMBER_TOO_LONG,
                assembler.path(),
                "a number literal of "
                    + value.length()
                    + " characters is longer than the limit of "
                    + limits.maxNumberLength(),
                span));
        return;
      }
      resolved = YamlScalars.resolve(value);
      if (resolved.nonFinite() && !key) {
        findings.add(
            Finding.error(
                ReaderCode.UNSUPPORTED_VALUE,
                assembler.path(),
                "kubectl cannot convert "
                    + value
                    + " to JSON (JSON has no infinity or NaN); quote it if you mean the string",
                span));
      }
      if (tag != null && !tagMatches(tag, resolved.json())) {
        abandon(
            Finding.error(
                ReaderCode.YAML_SYNTAX,
                assembler.path(),
                "cannot read " + value + " as !!" + tag,
                span));
        return;
      }
      if ("float".equals(tag) && resolved.type() == YamlScalars.GoType.INT) {
        resolved = resolved.toFloat();
      }
      if (plain) {
        String ambiguity = YamlScalars.ambiguity(value, resolved.json());
        if (ambiguity != null) {
          findings.add(
              Finding.warning(ReaderCode.YAML_AMBIGUOUS_SCALAR, assembler.path(), ambiguity, span));
        }
      }
    } else {
      resolved = new YamlScalars.Resolved(YamlScalars.GoType.STRING, JsonValue.of(value), 0);
    }
    int start = index(s.getStartMark());
    Tree.Scalar node =
        new Tree.Scalar(resolved.json(), span, start, Math.max(start, index(s.getEndMark())));
    add(node, resolved, plain && value.equals("<<"));
    remember(s.getAnchor(), node);
    if (s.getAnchor() != null) {
      resolvedAnchors.put(node, resolved);
    }
  }

  /** The first problem between the scalar's start and end, if any. */
  private DocumentSplitter.@Nullable Problem within(
      List<DocumentSplitter.Problem> problems, ScalarEvent s) {
    int from = offset(s.getStartMark());
    int to = offset(s.getEndMark());
    for (DocumentSplitter.Problem p : problems) {
      if (p.offset() >= from && p.offset() < to) {
        return p;
      }
    }
    return null;
  }

  /**
   * The value of a double-quoted scalar with go-yaml's {@code \'} escapes, which SnakeYAML read as
   * {@code \"}: every {@code "} of the value comes from an escape ({@code \"}, {@code \x22}, <code>
   * &#92;u0022</code>, {@code \U00000022}, or a rewritten {@code \'}), in the order of the text, so
   * the n-th {@code "} of the value is the n-th such escape.
   */
  private String singleQuotesBack(String value, int from, int to) {
    StringBuilder fixed = new StringBuilder(value);
    int quote = -1; // where the last '"' of the value was found
    for (int i = from + 1; i < to - 1; i++) {
      if (parsed.charAt(i) != '\\') {
        continue;
      }
      char e = parsed.charAt(i + 1);
      int digits = e == 'x' ? 2 : e == 'u' ? 4 : e == 'U' ? 8 : 0;
      boolean quoteChar =
          e == '"'
              || (digits > 0
                  && i + 2 + digits <= to
                  && Integer.parseInt(parsed.substring(i + 2, i + 2 + digits), 16) == '"');
      if (quoteChar) {
        quote = fixed.indexOf("\"", quote + 1);
        if (quote >= 0 && quoteEscapes.contains(i)) {
          fixed.setCharAt(quote, '\'');
        }
      }
      i += 1 + digits;
    }
    return fixed.toString();
  }

  /** go-yaml's anchor and alias names: ASCII letters, digits, '_' and '-'. */
  private static boolean goAnchorName(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!((c >= '0' && c <= '9')
          || (c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || c == '_'
          || c == '-')) {
        return false;
      }
    }
    return true;
  }

  private static boolean tagMatches(String tag, JsonValue v) {
    return switch (tag) {
      case "int" -> v instanceof JsonValue.Num n && n.isIntegral();
      case "float" -> v instanceof JsonValue.Num;
      case "bool" -> v instanceof JsonValue.Bool;
      case "null" -> v instanceof JsonValue.Null;
      default -> true;
    };
  }

  private void alias(AliasEvent a) {
    Tree target = anchors.get(a.getAnchor());
    Span span = between(a.getStartMark(), a.getEndMark());
    if (target == null) {
      abandon(
          Finding.error(
              ReaderCode.YAML_SYNTAX,
              assembler.path(),
              "unknown anchor *"
                  + a.getAnchor()
                  + (openAnchors.contains(a.getAnchor())
                      ? " (an alias cannot refer to its own enclosing node)"
                      : ""),
              span));
      return;
    }
    aliases++;
    expansion += target.weight();
    if (aliases > limits.maxAliases()) {
      abandon(
          Finding.error(
              ReaderCode.TOO_MANY_ALIASES,
              assembler.path(),
              "more than " + limits.maxAliases() + " aliases in one document",
              span));
      return;
    }
    if (expansion > limits.maxAliasExpansion()) {
      abandon(
          Finding.error(
              ReaderCode.TOO_MANY_ALIASES,
              assembler.path(),
              "aliases expand to more than "
                  + limits.maxAliasExpansion()
                  + " nodes in one document",
              span));
      return;
    }
    if (assembler.expectingKey() && !(target instanceof Tree.Scalar)) {
      abandon(
          Finding.error(
              ReaderCode.YAML_SYNTAX,
              assembler.path(),
              "a map or list cannot be a key: Kubernetes objects need string keys",
              span));
      return;
    }
    add(target, resolvedAnchors.get(target), false);
  }

  /**
   * Adds a value, or a key: as sigs.k8s.io/yaml turns it into a JSON key ({@code
   * convertToJSONableObject}). A key it cannot convert (null, or an integer go-yaml reads as uint64
   * or big.Int) is an error, and the key is kept as written.
   *
   * @param resolved the Go type and JSON value of a scalar (null for a collection)
   */
  private void add(Tree t, YamlScalars.@Nullable Resolved resolved, boolean mergeKey) {
    if (!assembler.expectingKey()) {
      assembler.value(t);
      return;
    }
    Tree.Scalar scalar = (Tree.Scalar) t;
    String key = resolved == null ? null : resolved.key();
    if (key == null) {
      String written = resolved == null ? scalar.value().toString() : writtenKey(resolved);
      findings.add(
          Finding.error(
              ReaderCode.UNSUPPORTED_KEY,
              assembler.path(),
              unsupportedKey(resolved, written),
              scalar.span()));
      key = written;
    }
    assembler.key(key, scalar.span(), mergeKey);
  }

  private static String writtenKey(YamlScalars.Resolved resolved) {
    return resolved.json() instanceof JsonValue.Null ? "null" : resolved.json().toString();
  }

  private static String unsupportedKey(YamlScalars.@Nullable Resolved resolved, String written) {
    if (resolved == null || resolved.type() == YamlScalars.GoType.NULL) {
      return "a null map key: kubectl cannot convert it to JSON (\"unsupported map key\") and"
          + " rejects the document; quote it (\"null\") if you mean the string";
    }
    return "the map key "
        + written
        + " is an integer kubectl reads as "
        + (resolved.type() == YamlScalars.GoType.UINT64 ? "a uint64" : "a big integer")
        + ", which it cannot convert to a JSON key (\"unsupported map key\"); quote it (\""
        + written
        + "\") to make it a string";
  }

  private void remember(@Nullable String anchor, Tree t) {
    if (anchor != null) {
      anchors.put(anchor, t);
    }
  }

  /**
   * True if the tag may stand here; else a {@code forbidden-tag} finding that says what kubectl
   * would do instead (go-yaml ignores tags on maps and lists and tags it does not know on scalars,
   * and decodes {@code !!binary}): we are stricter on purpose, a tag in a manifest being a mistake
   * or an attack on some other reader.
   *
   * @param collection "map" or "seq" for a collection, null for a scalar
   * @param value the scalar's text
   */
  private boolean tagAllowed(
      @Nullable String tag, @Nullable String collection, String value, Mark mark) {
    if (tag == null || tag.equals("!")) {
      return true;
    }
    if (tag.startsWith(TAG_PREFIX)) {
      String name = tag.substring(TAG_PREFIX.length());
      if (collection == null ? SCALAR_TAGS.contains(name) : name.equals(collection)) {
        return true;
      }
    }
    String shown = tag.startsWith(TAG_PREFIX) ? "!!" + tag.substring(TAG_PREFIX.length()) : tag;
    String kubectl;
    if (collection != null) {
      kubectl = "ignore the tag and read the " + (collection.equals("map") ? "map" : "list");
    } else if (shown.equals("!!binary")) {
      kubectl = binary(value);
    } else if (shown.equals("!!timestamp") && !value.matches("[0-9]{4}-.*")) {
      kubectl = "fail (\"cannot decode !!str as a !!timestamp\")";
    } else {
      kubectl = "ignore the tag and read the string \"" + value + "\"";
    }
    abandon(
        Finding.error(
            ReaderCode.FORBIDDEN_TAG,
            assembler.path(),
            "the tag "
                + shown
                + " is not allowed on a "
                + (collection == null ? "scalar" : collection.equals("map") ? "map" : "list")
                + ": manifests take !!str, !!int, !!float, !!bool and !!null on scalars, !!map on"
                + " maps and !!seq on lists; kubectl would "
                + kubectl,
            at(mark)));
    return false;
  }

  /**
   * What kubectl makes of a {@code !!binary} scalar: its base64 decoded, as a string, or go-yaml's
   * error (Go's standard base64 decoder skips line breaks only).
   */
  private static String binary(String value) {
    try {
      byte[] bytes = java.util.Base64.getDecoder().decode(value.replaceAll("[\\r\\n]", ""));
      return "decode the base64 and read the string \""
          + new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
          + "\"";
    } catch (IllegalArgumentException e) {
      return "fail (\"!!binary value contains invalid base64 data\")";
    }
  }

  /**
   * From one mark to another, as {@code Spans.cover(at(from), at(to))} without the two spans
   * between.
   */
  private Span between(Mark from, Mark to) {
    return Spans.of(line(from), column(from), line(to), column(to));
  }

  private Span at(Mark m) {
    return Span.at(0, line(m), column(m));
  }

  /** The 1-based line of a mark in the whole text. */
  private int line(Mark m) {
    return m.getLine() + 1 + lineBase;
  }

  /** The 1-based column of a mark (a parser always starts at the start of a line). */
  private static int column(Mark m) {
    return m.getColumn() + 1;
  }

  /** The char offset of a mark in the text being read. */
  private int offset(Mark m) {
    return copiedFrom < 0 ? m.getIndex() : parsed.offsetByCodePoints(copiedFrom, m.getIndex());
  }

  /** The offset of a mark in the whole text (code points; chars where {@link TextReader} reads). */
  private int index(Mark m) {
    return m.getIndex() + indexBase;
  }
}
