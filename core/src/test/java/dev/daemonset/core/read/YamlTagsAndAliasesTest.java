package dev.daemonset.core.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.ReadResult;
import dev.daemonset.api.Severity;
import dev.daemonset.api.Span;
import org.junit.jupiter.api.Test;

/**
 * Explicit YAML tags, anchors and aliases, syntax errors and the spans of flow and block
 * collections, each pinned to its exact diagnostic or bound value.
 */
class YamlTagsAndAliasesTest {

  private static final String REVISION =
      "apiVersion: apps/v1\nkind: ControllerRevision\nmetadata: {name: r}\ndata:\n";

  private static ReadResult read(String text) {
    return ManifestReader.defaults().read(text);
  }

  /** The free-form {@code data} of a ControllerRevision written as {@code data} lines. */
  private static String revisionData(ReadLimits limits, String data) {
    ReadResult r = ManifestReader.defaults().withLimits(limits).read(REVISION + data);
    assertThat(r.diagnostics()).isEmpty();
    return r.controllerRevisions().get(0).data().toString();
  }

  @Test
  void coreTagsTypeTheirScalarAndTheNonSpecificTagMeansString() {
    String data =
        revisionData(
            ReadLimits.DEFAULTS,
            """
          int: !!int "5"
          float: !!float 1
          bool: !!bool "true"
          nul: !!null null
          str: !!str 5
          bang: ! 5
          quoted: "5"
          plain: 5
          map: !!map {a: b}
          seq: !!seq [a]
          bangMap: ! {a: b}
        """);
    assertThat(data)
        .isEqualTo(
            "{int=5, float=1, bool=true, nul=null, str=\"5\", bang=\"5\", quoted=\"5\","
                + " plain=5, map={a=\"b\"}, seq=[\"a\"], bangMap={a=\"b\"}}");
  }

  @Test
  void aScalarThatDoesNotFitItsTagAbandonsItsDocument() {
    ReadResult r =
        read(
            "a: !!int x\n---\na: !!int 1.5\n---\na: !!bool 1\n---\na: !!null x\n---\na: !!float x\n");
    assertThat(r.diagnostics())
        .extracting(Diagnostic::code, Diagnostic::path, Diagnostic::message, Diagnostic::span)
        .containsExactly(
            tuple("yaml-syntax", "a", "cannot read x as !!int", new Span(0, 1, 4, 1, 11)),
            tuple("yaml-syntax", "a", "cannot read 1.5 as !!int", new Span(1, 3, 4, 3, 13)),
            tuple("yaml-syntax", "a", "cannot read 1 as !!bool", new Span(2, 5, 4, 5, 12)),
            tuple("yaml-syntax", "a", "cannot read x as !!null", new Span(3, 7, 4, 7, 12)),
            tuple("yaml-syntax", "a", "cannot read x as !!float", new Span(4, 9, 4, 9, 13)));
    assertThat(r.documents()).isEmpty();
  }

  @Test
  void collectionTagsMustMatchTheCollection() {
    String allowed =
        ": manifests take !!str, !!int, !!float, !!bool and !!null on scalars, !!map on maps and"
            + " !!seq on lists; kubectl would ";
    ReadResult r =
        read("a: !!seq {b: c}\n---\na: !!map [b]\n---\na: !!map b\n---\na: !!str {b: c}\n");
    assertThat(r.diagnostics())
        .extracting(Diagnostic::code, Diagnostic::path, Diagnostic::message, Diagnostic::span)
        .containsExactly(
            tuple(
                "forbidden-tag",
                "a",
                "the tag !!seq is not allowed on a map"
                    + allowed
                    + "ignore the tag and read the map",
                Span.at(0, 1, 4)),
            tuple(
                "forbidden-tag",
                "a",
                "the tag !!map is not allowed on a list"
                    + allowed
                    + "ignore the tag and read the list",
                Span.at(1, 3, 4)),
            tuple(
                "forbidden-tag",
                "a",
                "the tag !!map is not allowed on a scalar"
                    + allowed
                    + "ignore the tag and read the string \"b\"",
                Span.at(2, 5, 4)),
            tuple(
                "forbidden-tag",
                "a",
                "the tag !!str is not allowed on a map"
                    + allowed
                    + "ignore the tag and read the map",
                Span.at(3, 7, 4)));
  }

  @Test
  void anAliasToAnUnknownAnchorIsASyntaxError() {
    ReadResult r = read("a: *x\n---\na: &x [*x]\n");
    assertThat(r.diagnostics())
        .extracting(Diagnostic::code, Diagnostic::path, Diagnostic::message, Diagnostic::span)
        .containsExactly(
            tuple("yaml-syntax", "a", "unknown anchor *x", new Span(0, 1, 4, 1, 6)),
            tuple(
                "yaml-syntax",
                "a[0]",
                "unknown anchor *x (an alias cannot refer to its own enclosing node)",
                new Span(1, 3, 8, 3, 10)));
  }

  @Test
  void anchorsOpenWhenADocumentWasAbandonedDoNotReachTheNextDocument() {
    ReadResult r = read("a: &x [!foo b]\n---\nb: *x\n");
    assertThat(r.diagnostics())
        .extracting(Diagnostic::code, Diagnostic::message, Diagnostic::span)
        .containsExactly(
            tuple(
                "forbidden-tag",
                "the tag !foo is not allowed on a scalar: manifests take !!str, !!int, !!float,"
                    + " !!bool and !!null on scalars, !!map on maps and !!seq on lists; kubectl"
                    + " would ignore the tag and read the string \"b\"",
                Span.at(0, 1, 8)),
            tuple("yaml-syntax", "unknown anchor *x", new Span(1, 3, 4, 3, 6)));
  }

  @Test
  void exactlyTheAliasLimitIsAllowed() {
    String data =
        revisionData(
            ReadLimits.DEFAULTS.withMaxAliases(2).withMaxAliasExpansion(2),
            "  a: &x b\n  c: [*x, *x]\n");
    assertThat(data).isEqualTo("{a=\"b\", c=[\"b\", \"b\"]}");
    ReadResult over =
        ManifestReader.defaults()
            .withLimits(ReadLimits.DEFAULTS.withMaxAliases(2))
            .read(REVISION + "  a: &x b\n  c: [*x, *x, *x]\n");
    assertThat(over.diagnostics())
        .extracting(Diagnostic::code, Diagnostic::path, Diagnostic::message, Diagnostic::span)
        .containsExactly(
            tuple(
                "too-many-aliases",
                "data.c[2]",
                "more than 2 aliases in one document",
                new Span(0, 6, 15, 6, 17)));
    ReadResult expanded =
        ManifestReader.defaults()
            .withLimits(ReadLimits.DEFAULTS.withMaxAliasExpansion(1))
            .read(REVISION + "  a: &x b\n  c: [*x, *x]\n");
    assertThat(expanded.diagnostics())
        .extracting(Diagnostic::code, Diagnostic::message, Diagnostic::span)
        .containsExactly(
            tuple(
                "too-many-aliases",
                "aliases expand to more than 1 nodes in one document",
                new Span(0, 6, 11, 6, 13)));
  }

  @Test
  void anAliasedMapCannotBeAKey() {
    ReadResult r = read("a: &x {b: c}\n? *x\n: d\n");
    assertThat(r.diagnostics())
        .extracting(Diagnostic::code, Diagnostic::message, Diagnostic::span)
        .containsExactly(
            tuple(
                "yaml-syntax",
                "a map or list cannot be a key: Kubernetes objects need string keys",
                new Span(0, 2, 3, 2, 5)));
  }

  @Test
  void anAliasedScalarCanBeAKey() {
    String data = revisionData(ReadLimits.DEFAULTS, "  a: &x k\n  *x : v\n");
    assertThat(data).isEqualTo("{a=\"k\", k=\"v\"}");
  }

  @Test
  void syntaxErrorsSayWhatTheParserWasDoing() {
    ReadResult r = read("apiVersion: v1\nkind: Node\nmetadata: [a\n");
    assertThat(r.diagnostics())
        .extracting(Diagnostic::code, Diagnostic::path, Diagnostic::message, Diagnostic::span)
        .containsExactly(
            tuple(
                "yaml-syntax",
                "metadata[1]",
                "invalid YAML: expected ',' or ']', but got <stream end> (while parsing a flow sequence)",
                Span.at(0, 4, 1)));
    ReadResult plain = read("a: b\n c: d: e\n");
    assertThat(plain.diagnostics())
        .extracting(Diagnostic::message)
        .containsExactly("invalid YAML: mapping values are not allowed here");
  }

  @Test
  void aSyntaxErrorKeepsTheEarlierFindingsOfItsDocument() {
    ReadResult r = read("a: yes\nb: [c\n");
    assertThat(r.diagnostics())
        .extracting(Diagnostic::severity, Diagnostic::code, Diagnostic::span)
        .containsExactly(
            tuple(Severity.WARNING, "yaml-ambiguous-scalar", new Span(0, 1, 4, 1, 7)),
            tuple(Severity.ERROR, "yaml-syntax", Span.at(0, 3, 1)));
  }

  @Test
  void aDirectiveIsAnErrorInADocumentOfItsOwnAndReadingGoesOn() {
    ReadResult r = read("a: yes\n...\n%YAML 1.1\n%YAML 1.1\n---\nb: c\n");
    assertThat(r.diagnostics())
        .extracting(Diagnostic::severity, Diagnostic::code, Diagnostic::message, Diagnostic::span)
        .containsExactly(
            tuple(
                Severity.ERROR,
                "missing-kind",
                "the document has no kind: every manifest needs apiVersion and kind",
                Span.at(0, 1, 1)),
            tuple(
                Severity.WARNING,
                "yaml-ambiguous-scalar",
                "kubectl reads yes as the boolean true (YAML 1.1), but YAML 1.2 readers read the string \"yes\";"
                    + " write true for a boolean or \"yes\" (quoted) for a string",
                new Span(0, 1, 4, 1, 7)),
            tuple(
                Severity.ERROR,
                "yaml-syntax",
                "the directive %YAML: kubectl fails on it (\"did not find expected <document"
                    + " start>\"), since it cuts the stream at each --- line before parsing and no"
                    + " directive reaches its document; remove the line",
                new Span(1, 3, 1, 3, 1)),
            // reading goes on at the next document, as kubectl's documents are independent
            tuple(
                Severity.ERROR,
                "missing-kind",
                "the document has no kind: every manifest needs apiVersion and kind",
                Span.at(2, 6, 1)));
  }

  @Test
  void flowCollectionsEndAtTheirClosingBracketAndBlockOnesAtTheirLastValue() {
    ReadResult r =
        read(
            """
        apiVersion: v1
        kind: Node
        metadata:
          name: node1
          labels: {a: b}
          finalizers: [x, z]
          annotations:
            k: v

        spec:
          taints:
          - key: t
            effect: NoSchedule
        """);
    assertThat(r.diagnostics()).isEmpty();
    var map = r.documents().get(0).sourceMap();
    assertThat(map.value("metadata.labels")).contains(new Span(0, 5, 11, 5, 17));
    assertThat(map.value("metadata.finalizers")).contains(new Span(0, 6, 15, 6, 21));
    assertThat(map.value("metadata.annotations")).contains(new Span(0, 8, 5, 8, 9));
    assertThat(map.value("metadata")).contains(new Span(0, 4, 3, 8, 9));
    assertThat(map.value("spec.taints")).contains(new Span(0, 12, 3, 13, 23));
  }

  @Test
  void aLoneCarriageReturnBreaksLinesToo() {
    ReadResult r = read("apiVersion: v1\rkind: Node\rmetadata: {name: node1, x: 1}\r");
    assertThat(r.diagnostics())
        .extracting(Diagnostic::code, Diagnostic::path, Diagnostic::span)
        .containsExactly(tuple("unknown-field", "metadata.x", new Span(0, 3, 25, 3, 26)));
    assertThat(r.nodes()).extracting(n -> n.metadata().name()).containsExactly("node1");
  }
}
