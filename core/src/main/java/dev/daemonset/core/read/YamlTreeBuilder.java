package dev.daemonset.core.read;

import dev.daemonset.api.Span;
import dev.daemonset.api.model.JsonValue;
import dev.daemonset.core.internal.tree.Assembler;
import dev.daemonset.core.internal.tree.Finding;
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
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceEndEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;

/**
 * Builds located trees from YAML events, typing scalars the way kubectl does. The events come from
 * {@link BlockYamlParser} when the text has its shape, else from SnakeYAML's event parser (both
 * keep deep input from overflowing the thread's stack).
 *
 * <p>A document that breaks a limit is abandoned after one finding, and reading goes on with the
 * next document; a syntax error ends the stream, since the parser cannot resynchronise.
 */
final class YamlTreeBuilder {

  private static final String TAG_PREFIX = "tag:yaml.org,2002:";
  private static final Set<String> SCALAR_TAGS = Set.of("str", "int", "bool", "null", "float");

  private final ReadLimits limits;
  private final Consumer<RawDocument> documents;

  private List<Finding> findings = new ArrayList<>();
  private Assembler assembler = new Assembler(1, findings);
  private Map<String, Tree> anchors = new HashMap<>();
  private Map<Tree, YamlScalars.Resolved> resolvedAnchors = new java.util.IdentityHashMap<>();
  private final List<@Nullable String> openAnchors = new ArrayList<>();
  private int aliases;
  private long expansion;
  private boolean abandoned;
  private int startLine = 1;

  private YamlTreeBuilder(ReadLimits limits, Consumer<RawDocument> documents) {
    this.limits = limits;
    this.documents = documents;
  }

  /**
   * Parses {@code text}, handing each document to {@code documents} as soon as it is complete. The
   * text must have passed {@code ManifestReader}'s control-character check ({@link TextReader} does
   * not check again); {@code ascii} says it is known to be all ASCII.
   */
  static void read(String text, boolean ascii, ReadLimits limits, Consumer<RawDocument> documents) {
    new YamlTreeBuilder(limits, documents).run(text, ascii);
  }

  private void run(String text, boolean ascii) {
    boolean inDocument = false;
    try {
      Parser parser = parser(text, ascii);
      for (Event e = parser.getEvent(); e != null; e = parser.getEvent()) {
        if (e instanceof DocumentStartEvent) {
          begin(e.getStartMark());
          inDocument = true;
        } else if (e instanceof DocumentEndEvent) {
          finish();
          inDocument = false;
        } else if (inDocument && !abandoned) {
          event(e);
        }
      }
    } catch (MarkedYAMLException e) {
      Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
      fail(
          Finding.error(
              "yaml-syntax",
              assembler.path(),
              "invalid YAML: "
                  + oneLine(problem)
                  + (e.getContext() != null ? " (" + oneLine(e.getContext()) + ")" : ""),
              m == null ? Span.at(0, startLine, 1) : at(m)),
          inDocument);
    } catch (YAMLException e) {
      fail(
          Finding.error(
              "yaml-syntax",
              assembler.path(),
              "invalid YAML: " + oneLine(e.getMessage()),
              Span.at(0, startLine, 1)),
          inDocument);
    }
  }

  /**
   * Most manifests have the shape {@link BlockYamlParser} knows, and it reads them several times
   * faster; else SnakeYAML's parser alone, as {@code Yaml.parse} builds it (a {@code Yaml} instance
   * also builds a constructor and a representer we never use, which cost more than parsing a small
   * manifest).
   */
  private static Parser parser(String text, boolean ascii) {
    Parser quick = BlockYamlParser.of(text, ascii);
    if (quick != null) {
      return quick;
    }
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(Integer.MAX_VALUE);
    options.setProcessComments(false);
    return new ParserImpl(TextReader.of(text, ascii), options);
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
    startLine = start == null ? startLine : start.getLine() + 1;
  }

  private void finish() {
    documents.accept(new RawDocument(abandoned ? null : assembler.root(), findings));
  }

  private void abandon(Finding f) {
    findings.add(f);
    abandoned = true;
  }

  private void event(Event e) {
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
                "yaml-syntax",
                assembler.path(),
                "a map or list cannot be a key: Kubernetes objects need string keys",
                at(e.getStartMark())));
        return;
      }
      if (!tagAllowed(c.getTag(), map ? "map" : "seq", e.getStartMark())) {
        return;
      }
      if (!assembler.open(map, at(e.getStartMark()), e.getStartMark().getIndex())) {
        abandoned = true;
        return;
      }
      openAnchors.add(c.getAnchor());
    } else if (e instanceof MappingEndEvent || e instanceof SequenceEndEvent) {
      @Nullable String anchor = openAnchors.remove(openAnchors.size() - 1);
      boolean flow = e.getStartMark().getIndex() != e.getEndMark().getIndex();
      Tree t = assembler.close(flow ? at(e.getEndMark()) : null, e.getEndMark().getIndex());
      remember(anchor, t);
    }
  }

  private void scalar(ScalarEvent s) {
    String value = s.getValue();
    Span span = between(s.getStartMark(), s.getEndMark());
    if (value.length() > limits.maxStringLength()) {
      abandon(
          Finding.error(
              "string-too-long",
              assembler.path(),
              "a string of "
                  + value.length()
                  + " characters is longer than the limit of "
                  + limits.maxStringLength(),
              span));
      return;
    }
    if (!tagAllowed(s.getTag(), null, s.getStartMark())) {
      return;
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
                "number-too-long",
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
                "unsupported-value",
                assembler.path(),
                "kubectl cannot convert "
                    + value
                    + " to JSON (JSON has no infinity or NaN); quote it if you mean the string",
                span));
      }
      if (tag != null && !tagMatches(tag, resolved.json())) {
        abandon(
            Finding.error(
                "yaml-syntax", assembler.path(), "cannot read " + value + " as !!" + tag, span));
        return;
      }
      if ("float".equals(tag) && resolved.type() == YamlScalars.GoType.INT) {
        resolved = resolved.toFloat();
      }
      if (plain) {
        String ambiguity = YamlScalars.ambiguity(value, resolved.json());
        if (ambiguity != null) {
          findings.add(Finding.warning("yaml-ambiguous-scalar", assembler.path(), ambiguity, span));
        }
      }
    } else {
      resolved = new YamlScalars.Resolved(YamlScalars.GoType.STRING, JsonValue.of(value), 0);
    }
    int start = s.getStartMark().getIndex();
    Tree.Scalar node =
        new Tree.Scalar(resolved.json(), span, start, Math.max(start, s.getEndMark().getIndex()));
    add(node, resolved, plain && value.equals("<<"));
    remember(s.getAnchor(), node);
    if (s.getAnchor() != null) {
      resolvedAnchors.put(node, resolved);
    }
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
              "yaml-syntax",
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
              "too-many-aliases",
              assembler.path(),
              "more than " + limits.maxAliases() + " aliases in one document",
              span));
      return;
    }
    if (expansion > limits.maxAliasExpansion()) {
      abandon(
          Finding.error(
              "too-many-aliases",
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
              "yaml-syntax",
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
              "unsupported-key",
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

  private boolean tagAllowed(@Nullable String tag, @Nullable String collection, Mark mark) {
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
    abandon(
        Finding.error(
            "forbidden-tag",
            assembler.path(),
            "the tag "
                + shown
                + " is not allowed: Kubernetes manifests use only !!str, !!int, !!float, !!bool, !!null, !!map and !!seq",
            at(mark)));
    return false;
  }

  /**
   * From one mark to another, as {@code Spans.cover(at(from), at(to))} without the two spans
   * between.
   */
  private static Span between(Mark from, Mark to) {
    return Spans.of(from.getLine() + 1, from.getColumn() + 1, to.getLine() + 1, to.getColumn() + 1);
  }

  private static Span at(Mark m) {
    return Span.at(0, m.getLine() + 1, m.getColumn() + 1);
  }
}
