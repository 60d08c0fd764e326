package dev.daemonset.core.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.ReadResult;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How {@link YamlSnapshot} splits a YAML stream by its lines: the {@code v1 List} shapes it reads
 * item by item itself (so a List longer than the object limit, or than the whole window, is read),
 * and the shapes it leaves to the full reader, which then has the last word ({@link
 * SnapshotAgreement}).
 */
class YamlSnapshotTest {

  /** Small enough that reading one of the Lists below whole would break it. */
  private static final ReadLimits SMALL = ReadLimits.DEFAULTS.withMaxObjectSize(400);

  private static final String NODE = "apiVersion: v1\nkind: Node\nmetadata:\n  name: last\n";

  /** A List's items: {@code %s} is where the item's number goes. */
  private static String node(String indent) {
    String in = indent + "  ";
    return indent
        + "- apiVersion: v1\n"
        + in
        + "kind: Node\n"
        + in
        + "metadata:\n"
        + in
        + "  name: node-%s\n"
        + in
        + "  labels:\n"
        + in
        + "    zone: a\n";
  }

  /**
   * A List: {@code head}, {@code count} items made of {@code item} with {@code between} after each,
   * then {@code tail}.
   */
  private record Shape(String name, String head, String item, String between, String tail) {
    String text(int count) {
      StringBuilder b = new StringBuilder(head);
      for (int i = 0; i < count; i++) {
        b.append(item.replace("%s", Integer.toString(i))).append(between);
      }
      return b.append(tail).toString();
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Shape> lists() {
    String kubectlTail = "kind: List\nmetadata:\n  resourceVersion: \"\"\n";
    return Stream.of(
        new Shape(
            "kubectl's: items at the margin",
            "apiVersion: v1\nitems:\n",
            node(""),
            "",
            kubectlTail),
        new Shape(
            "items indented, kind first",
            "apiVersion: v1\nkind: NodeList\nitems:\n",
            node("  "),
            "",
            ""),
        new Shape(
            "comments and blank lines between items and at the margin",
            "apiVersion: v1\nkind: List\nitems:\n# the nodes\n",
            node("  "),
            "\n# c\n   # c\n  \n",
            "# the end\n"),
        new Shape(
            "a quoted kind with blanks and a comment; items: with a comment",
            "kind: \"List\"   # all of them\napiVersion: v1\nitems:   # nodes\n",
            node(""),
            "",
            ""),
        new Shape(
            "a single-quoted kind with trailing blanks; items: with trailing blanks",
            "kind: 'List'  \napiVersion: v1\nitems:  \n",
            node(""),
            "",
            ""),
        new Shape(
            "an unquoted kind with a comment after blanks",
            "kind: List #c\napiVersion: v1\nitems:\n",
            node(" "),
            "",
            ""),
        new Shape(
            "a dash alone on its line",
            "apiVersion: v1\nkind: List\nitems:\n",
            "-\n  apiVersion: v1\n  kind: Node\n  metadata:\n    name: node-%s\n",
            "",
            ""),
        new Shape(
            "block scalars whose lines look like structure",
            "apiVersion: v1\nkind: List\nitems:\n",
            node("")
                + "    annotations:\n      note: |\n        - no item\n        # no comment\n\n"
                + "        ---\n        kind: no kind\n",
            "",
            ""),
        new Shape(
            "documents, separators with comments",
            "--- # first\napiVersion: v1\nkind: List\nitems:\n",
            node(""),
            "",
            "---\n---   \napiVersion: v1\nkind: List\nitems: []\n--- #\n"),
        new Shape(
            "a block sequence at the margin after the items",
            "apiVersion: v1\nkind: List\nitems:\n",
            node(""),
            "",
            "finalizers:\n- a\n"),
        new Shape(
            "CRLF line ends",
            "apiVersion: v1\r\nkind: List\r\nitems:\r\n",
            node("").replace("\n", "\r\n"),
            "\r\n",
            ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lists")
  void aListLongerThanTheObjectLimitIsReadItemByItem(Shape shape) {
    byte[] bytes = shape.text(8).getBytes(StandardCharsets.UTF_8);
    assertThat(bytes.length).isGreaterThan(SMALL.maxObjectSize());
    ReadResult full = ManifestReader.defaults().withLimits(SMALL).read(bytes);
    ReadResult snapshot = SnapshotReader.defaults().withLimits(SMALL).read(bytes);
    SnapshotAgreement.assertAgree(full, snapshot, shape.name());
    assertThat(snapshot.nodes()).hasSize(8);
    assertThat(snapshot.diagnostics()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lists")
  void aListLongerThanTheWindowIsReadItemByItem(Shape shape) {
    // the window holds about 1 MiB more than five object limits: this List does not fit it
    int count = 5 * (1 << 18) / shape.item().length();
    ReadResult snapshot = SnapshotReader.defaults().withLimits(SMALL).read(shape.text(count));
    assertThat(snapshot.diagnostics()).isEmpty();
    assertThat(snapshot.nodes()).hasSize(count);
    assertThat(snapshot.nodes().get(count - 1).metadata().name()).isEqualTo("node-" + (count - 1));
  }

  static Stream<Arguments> givenToTheFullReader() {
    String list = "apiVersion: v1\nkind: List\nitems:\n" + node("").replace("%s", "a");
    String indented = "apiVersion: v1\nkind: List\nitems:\n" + node("  ").replace("%s", "a");
    String node = "apiVersion: v1\nkind: Node\nmetadata:\n  name: n\n";
    return Stream.of(
        Arguments.of("a tab where indentation ends", list + "\tzone: b\n"),
        Arguments.of("a tab at the margin after a key", node + "\tx: 1\n"),
        Arguments.of("a blank line with a tab between items", list + " \t \n" + node("")),
        Arguments.of("a tab before a comment between items", list + "\t# c\n" + node("")),
        Arguments.of("a carriage return alone between items", list + "\r\n" + node("")),
        Arguments.of("a root indented away from the margin", "  " + node.replace("\n", "\n  ")),
        Arguments.of("a line less indented than the items", indented + " x: 1\n"),
        Arguments.of("a key at the items' column", indented + "  x: 1\n"),
        Arguments.of("a root indented away, then a List at the margin", "  x: 1\n" + list),
        Arguments.of("a kind of blanks", "apiVersion: v1\nkind:  \nitems:\n" + node("")),
        Arguments.of("a line less indented than the items, then more", indented + " x: 1\n  - a\n"),
        Arguments.of("content after ---", "--- " + list),
        Arguments.of("a document end marker", list + "...\n---\n" + list),
        Arguments.of("a document end marker, then content", list + "... # end\nkind: Pod\n"),
        Arguments.of("a directive", "%YAML 1.1\n---\n" + list),
        Arguments.of("a List at the root", node("")),
        Arguments.of("a List at the root after a List", list + "---\n" + node("")),
        Arguments.of("an entry at the margin after indented items", indented + "- x\n"),
        Arguments.of(
            "a quoted key at the margin", "\"kind\": List\napiVersion: v1\nitems:\n" + node("")),
        Arguments.of("a quoted items key after items", list + "\"items\": []\n"),
        Arguments.of("a plain scalar at the margin", list + "junk:here\n"),
        Arguments.of("a commented-out colon at the margin", list + "junk #: here\n"),
        Arguments.of("a second items key", list + "items:\n" + node("").replace("%s", "b")),
        Arguments.of("a kind with one quote", "kind: \"\napiVersion: v1\nitems:\n" + node("")),
        Arguments.of(
            "a kind with one quote and blanks", "kind: '  \napiVersion: v1\nitems:\n" + node("")),
        Arguments.of("not a List after all", list + "kind: Pod\n"),
        Arguments.of("no kind", "apiVersion: v1\nitems:\n" + node("").replace("%s", "a")),
        Arguments.of("a control character, then a document", "a: \u0007\n---\n" + node),
        Arguments.of(
            "a control character in an item, then a document", list + "  b: \u0007\n---\n" + node),
        Arguments.of("an empty input", ""),
        Arguments.of("only a separator", "---\n"),
        Arguments.of("a separator without a line break", node + "---"),
        Arguments.of("---x is no separator", node + "---x: 1\n"),
        Arguments.of("-- is no separator", node + "--\n"),
        Arguments.of("...x is no end marker", node + "...x: 1\n"),
        Arguments.of("-x is no entry", "apiVersion: v1\nkind: List\nitems:\n-x: 1\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("givenToTheFullReader")
  void shapesBeyondTheSplittingAreReadAsTheFullReaderReadsThem(String what, String yaml) {
    SnapshotAgreement.check(yaml.getBytes(StandardCharsets.UTF_8), what);
  }

  /**
   * An empty item ({@code -} with nothing after it but blanks or a comment) is a null, which the
   * full reader reports as a manifest that is not an object; the List's other items are still read.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("emptyItems")
  void anEmptyItemIsReportedAsTheFullReaderReportsIt(String what, String yaml) {
    ReadResult snapshot = SnapshotAgreement.check(yaml.getBytes(StandardCharsets.UTF_8), what);
    assertThat(snapshot.diagnostics()).extracting(Diagnostic::code).containsExactly("invalid-type");
  }

  static Stream<Arguments> emptyItems() {
    String head = "apiVersion: v1\nkind: List\nitems:\n";
    String a = node("").replace("%s", "a");
    String b = node("").replace("%s", "b");
    return Stream.of(
        Arguments.of("at the end, without a line break", head + a + "-"),
        Arguments.of("at the end", head + a + "-\n"),
        Arguments.of("between items", head + a + "-\n" + b),
        Arguments.of("with blanks and a comment", head + a + "-   # nothing\n  \n" + b),
        Arguments.of(
            "first, indented",
            head.replace("items:\n", "items:\n  -\n") + node("  ").replace("%s", "a")),
        Arguments.of("with CRLF line ends", (head + a + "-\n" + b).replace("\n", "\r\n")));
  }

  /**
   * An item that cannot be read makes its List unreadable: the error is the full reader's, under
   * the item's number (its message may differ: the item is parsed on its own, so the parser meets
   * the end of the item where the full reader meets the next one).
   */
  @Test
  void anUnreadableItemIsNamedByItsNumber() {
    String text =
        "apiVersion: v1\nkind: List\nitems:\n"
            + node("").replace("%s", "a")
            + node("").replace("%s", "b")
            + "- a: [\n"
            + node("").replace("%s", "c");
    ReadResult full = ManifestReader.defaults().read(text);
    ReadResult snapshot = SnapshotReader.defaults().read(text);
    assertThat(snapshot.documents()).isEmpty();
    assertThat(snapshot.diagnostics())
        .extracting(d -> d.code() + " " + d.path() + " " + d.span())
        .containsExactly("yaml-syntax items[2].a[0] 17:1-17:1")
        .isEqualTo(
            full.diagnostics().stream()
                .map(d -> d.code() + " " + d.path() + " " + d.span())
                .toList());
  }

  /**
   * A document that turns out not to be a List is read whole if its items began within the object
   * limit from its start: also when that is exactly the limit, and when earlier documents came to
   * more than the limit.
   */
  @Test
  void aNonListWithinTheObjectLimitIsReadWhole() {
    String items = "apiVersion: v1\nitems:\n- a\nkind: Foo\n";
    String comment = "#" + "c".repeat(SMALL.maxObjectSize() - items.indexOf("- a") - 2) + "\n";
    String exactly = comment + items;
    assertThat(exactly.indexOf("- a")).isEqualTo(SMALL.maxObjectSize());
    String later = (NODE + "---\n").repeat(12) + items;
    for (String text : new String[] {exactly, later}) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      ReadResult snapshot = SnapshotReader.defaults().withLimits(SMALL).read(bytes);
      SnapshotAgreement.assertAgree(
          ManifestReader.defaults().withLimits(SMALL).read(bytes), snapshot, text);
      assertThat(snapshot.diagnostics())
          .extracting(Diagnostic::code)
          .doesNotContain("document-too-large");
    }
  }

  @Test
  void aNonListLongerThanTheObjectLimitIsOneErrorAtItsStart() {
    String text = new Shape("", "apiVersion: v1\nitems:\n", node(""), "", "kind: Pod\n").text(6);
    ReadResult snapshot = SnapshotReader.defaults().withLimits(SMALL).read(text);
    assertThat(snapshot.documents()).isEmpty();
    assertThat(snapshot.diagnostics())
        .extracting(d -> d.code() + " " + d.span().line() + ":" + d.span().column())
        .containsExactly("document-too-large 1:1");
  }

  @Test
  void aLineLongerThanTheWindowMakesItsDocumentTooLarge() {
    String head = "apiVersion: v1\nkind: List\nitems:\n" + node("").replace("%s", "a");
    String text = head + "    x: " + "b".repeat(1 << 21) + "\n" + node("").replace("%s", "c");
    String first = "apiVersion: v1\nkind: Node\nmetadata:\n  name: first\n---\n";
    ReadResult snapshot =
        SnapshotReader.defaults().withLimits(SMALL).read(first + text + "---\n" + NODE);
    assertThat(snapshot.documents())
        .extracting(d -> d.index() + " " + d.object().metadata().name())
        .containsExactly("0 first", "2 last");
    assertThat(snapshot.diagnostics())
        .extracting(d -> d.code() + " " + d.span().document() + " " + d.span().line())
        .containsExactly("document-too-large 1 5");
  }

  @Test
  void anItemLongerThanTheWindowIsTooLargeAndTheOthersAreRead() {
    StringBuilder big = new StringBuilder(node("").replace("%s", "big"));
    for (int i = 0; i < 100_000; i++) {
      big.append("      a").append(i).append(": b\n");
    }
    String text =
        "apiVersion: v1\nkind: List\nitems:\n"
            + node("").replace("%s", "a")
            + big
            + node("").replace("%s", "c")
            + "---\n"
            + NODE;
    ReadResult snapshot = SnapshotReader.defaults().withLimits(SMALL).read(text);
    assertThat(snapshot.documents())
        .extracting(d -> d.index() + " " + d.object().metadata().name())
        .containsExactly("0 node-a", "2 node-c", "3 last");
    assertThat(snapshot.diagnostics())
        .extracting(d -> d.code() + " " + d.span().document() + " " + d.span().line())
        .containsExactly("document-too-large 1 10");
  }
}
