package dev.daemonset.core.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link GoYamlWhitespace} on its own: go-yaml v2's scanner replayed to decide, character by
 * character, which tabs are blanks to kubectl (rewritten to spaces for SnakeYAML), where go-yaml
 * stops scanning (nothing after is rewritten), and where a tab in a block scalar's indentation is
 * an error. Each row is an input, the text SnakeYAML must get for it ({@code null}: the very same
 * instance, nothing rewritten) and the errors (line:column). The rows follow go-yaml's {@code
 * scannerc.go}: {@code yaml_parser_scan_to_next_token} (a tab is a blank only in a flow collection
 * or where no simple key may start), {@code yaml_parser_fetch_value} (a simple key on the same line
 * within 1,024 characters), {@code yaml_parser_scan_plain_scalar} (continuation tabs and the
 * indentation), {@code yaml_parser_scan_flow_scalar} and {@code yaml_parser_scan_block_scalar}.
 * Where go-yaml fails, the scan stops, which the rows show with a tab later on that stays a tab.
 */
class GoYamlWhitespaceTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("scans")
  void rewritesWhatGoYamlReadsAsBlanks(
      String name, String input, String expected, List<String> errors) {
    GoYamlWhitespace.Result result = GoYamlWhitespace.of(input, DocumentSplitter.split(input));
    if (expected == null) {
      assertThat(result.text()).as("nothing rewritten").isSameAs(input);
    } else {
      assertThat(result.text()).isEqualTo(expected);
    }
    assertThat(result.errors())
        .extracting(p -> p.finding().span().line() + ":" + p.finding().span().column())
        .as("tabs in block scalar indentation")
        .containsExactlyElementsOf(errors);
  }

  static Stream<Arguments> scans() {
    return Stream.of(
        // which texts are scanned at all
        keeps("a comment at the very start", "# c\n"),
        rewrites("a tab at offset 0, a key's tab after", "\t\n---\na:\tb\n", "\t\n---\na: b\n"),
        // tabs after the dashes of a separator line
        rewrites("--- and a tab at offset 0", "---\t\na: 1\n", "--- \na: 1\n"),
        rewrites("--- and a tab at the end", "a: 1\n---\t", "a: 1\n--- "),
        rewrites("--- after an empty first line", "\n---\t\na: 1\n", "\n--- \na: 1\n"),
        rewrites("--- then a space and a tab", "--- \t# c\na: 1\n", "---  # c\na: 1\n"),
        keeps("a tab at the start of the line after ---", "---\n\tx\n"),
        // characters outside the BMP count once; a lone surrogate is one character
        rewrites("a surrogate pair", "a:\tx\uD83D\uDE01\nb:\tc", "a: x\uD83D\uDE01\nb: c"),
        rewrites("a lone high surrogate at the end", "a:\tx\uD83D", "a: x\uD83D"),
        rewrites(
            "a lone high surrogate before a line break", "a: x\uD83D\nb:\tc", "a: x\uD83D\nb: c"),
        // a byte order mark: dropped at the start of a piece, a column at the start of a line
        rewrites(
            "a byte order mark at the start of a piece",
            "a: 1\n---\n\uFEFFb: x\n \ty\n",
            "a: 1\n---\n\uFEFFb: x\n  y\n"),
        keeps("a byte order mark at the start of a line", "a: 1\n\uFEFFb: x\n \ty\n"),
        // tokens and simple keys
        rewrites(
            "a continuation tab after a dedent",
            "a:\n  b: 1\nc: x\n \ty\n",
            "a:\n  b: 1\nc: x\n  y\n"),
        rewrites("a tab after ...", "a: 1\n...\t\n", "a: 1\n... \n"),
        rewrites(
            "a root plain scalar after ... continues at column 0",
            "a: 1\n...\nx\n\ty\n",
            "a: 1\n...\nx\n y\n"),
        rewrites("a flow sequence as a key", "[a]:\tb", "[a]: b"),
        keeps("] takes the simple key of its line", "'x' ]:\tb"),
        keeps(", takes the simple key of its line", "'x' ,:\tb"),
        keeps("a key and a second colon on its line", "a: b: c\nd:\te"),
        rewrites("?x is a plain key", "?x: a\n \tb", "?x: a\n  b"),
        rewrites(":x is a plain key", ":x: a\n \tb", ":x: a\n  b"),
        rewrites("a key after ?", "? a:\tb", "? a: b"),
        keeps("a block entry after a key's colon", "a: - x:\tb"),
        keeps("a tab in a sequence item's continuation", "- x\n\ty"),
        keeps("a tab where a block entry's content starts", "- \tx:\ty"),
        keeps("a colon that starts the root, then a tab", ":\tx"),
        keeps("a colon that starts the root, then a continuation tab", ": x\n\ty"),
        rewrites(
            "a key 1,024 characters before its colon",
            "k".repeat(1024) + ":\tb",
            "k".repeat(1024) + ": b"),
        keeps("a key 1,025 characters before its colon", "k".repeat(1025) + ":\tb"),
        // anchors, aliases and tags
        rewrites("an anchor before a key", "&a x:\tb", "&a x: b"),
        rewrites("an anchor name of every class", "&09azAZ_- x:\tb", "&09azAZ_- x: b"),
        rewrites("an alias before ?", "[*a?\t]", "[*a? ]"),
        rewrites("an alias before ,", "[*a,\tb]", "[*a, b]"),
        keeps("an anchor name with a dot", "[&a.x,\tb]"),
        rewrites("a tag before a key", "!t x:\tb", "!t x: b"),
        rewrites("a comma in a tag in a block", "!t,x\tb", "!t,x b"),
        rewrites("a tag before a comma in a flow sequence", "[!t,\tb]", "[!t, b]"),
        // plain scalars
        rewrites("a negative number", "a: -1\nb:\tc", "a: -1\nb: c"),
        keeps("@ cannot start a plain scalar", "[@x,\tb]"),
        rewrites("a root plain scalar before ...", "x\n...\ty\n", "x\n... y\n"),
        keeps("a comma in a plain scalar in a block", "a: x,y:\tz"),
        keeps("a continuation line that looks like a key", "a: x\n y:\tz"),
        rewrites("a comment at the end of the text", "a:\tb # c", "a: b # c"),
        rewrites("a comment before a key", "# c\na:\tb", "# c\na: b"),
        // quoted scalars
        rewrites("a quoted key", "'a':\tb", "'a': b"),
        rewrites("a blank in a quoted key", "'a b':\tc", "'a b': c"),
        keeps("... inside a quoted scalar", "a: 'x\n...\n'\nb:\tc"),
        keeps("... and a tab inside a quoted scalar", "a: 'x\n... \ty'\n"),
        rewrites("a quoted scalar continued at column 0", "a: 'x\nyy'\nb:\tc", "a: 'x\nyy'\nb: c"),
        rewrites("... not at column 0 in a quoted scalar", "a: '... x'\nb:\tc", "a: '... x'\nb: c"),
        rewrites("'' before the closing quote", "a: 'x'''\nb:\tc", "a: 'x'''\nb: c"),
        rewrites("'' before a colon and a blank", "'a''b: c':\td", "'a''b: c': d"),
        rewrites("an escaped line break", "a: \"x\\\n  y\"\nb:\tc", "a: \"x\\\n  y\"\nb: c"),
        rewrites("an escape in a double-quoted key", "\"a\\tb\":\tc", "\"a\\tb\": c"),
        keeps("an unknown escape", "a: \"x\\qy\"\nb:\tc"),
        rewrites("the escape \\0", "\"a\\0b\":\tc", "\"a\\0b\": c"),
        rewrites("an escaped backslash before the quote", "\"a\\\\\":\tc", "\"a\\\\\": c"),
        rewrites("\\x30", "\"\\x30\":\tc", "\"\\x30\": c"),
        keeps("\\x with no hex digit", "a: \"\\xZZ\"\nb:\tc"),
        keeps("\\x with one hex digit", "a: \"\\x4Z\"\nb:\tc"),
        rewrites("an escaped tab", "a: \"x\\\ty\"", "a: \"x\\ty\""),
        // block scalars: the header
        rewrites("|- then a key", "a: |-\n  x\nb:\tc", "a: |-\n  x\nb: c"),
        rewrites("|2- then a key", "a: |2-\n  x\nb:\tc", "a: |2-\n  x\nb: c"),
        keeps("|-2- (a second chomping indicator)", "a: |-2-\n  x\nb:\tc"),
        rewrites("|9", "a: |9\n         x\nb:\tc", "a: |9\n         x\nb: c"),
        keeps("|0", "a: |0\n  x\nb:\tc"),
        keeps("a letter after a block header", "a: |x\n  y\nb:\tc"),
        rewrites("a blank and a tab after a block header", "a: | \t# c\n  x\n", "a: |     \n  x\n"),
        rewrites("a comment after a block header", "a: |-#c\n  x\n", "a: |-  \n  x\n"),
        rewrites("a comment right after |", "a: |#c\n  x\n", "a: |  \n  x\n"),
        rewrites("a comment after a block header at the end", "a: |-#c", "a: |-  "),
        rewrites(
            "a blank and a comment after a block header",
            "a: | # c\n  x\nb:\tc",
            "a: | # c\n  x\nb: c"),
        // block scalars: indentation and extent
        keeps("|1 content that looks like a key", "a: |1\n x:\ty\n"),
        keeps("a first line that looks like a key", "a: |\n x:\ty"),
        keeps("an empty line, then a line that looks like a key", "a: |\n\n  x:\ty\n"),
        keeps("a second line that looks like a key", "a: |\n  x\n  y:\tz\n"),
        keeps("a deeper line that looks like a key", "a: |\n  x\n   y:\tz\n"),
        keeps("a tab at the content's indentation", "a: |\n  x\n  \ty\n"),
        rewrites(
            "a first line less indented than its key", "a:\n  b: |\n x:\ty", "a:\n  b: |\n x: y"),
        fails("a tab in the indentation", "foo: |-\n \tbar", "2:2"),
        fails("a tab in the indentation, CRLF", "a: |\r\n  x\r\n \ty\r\n", "3:2"),
        fails("a tab in the indentation after an empty line", "a: |\n  x\n\n \ty\n", "4:2"),
        fails("|1 under a nested key", "a:\n  b: |1\n  \tx\n", "3:3"),
        fails("a tab below the detected indentation", "a:\n  b: |\n     x\n   \ty\n", "4:4"),
        fails("a tab after an escaped line break", "a: \"x\\\n  y\"\nb: |\n \tz", "4:2"));
  }

  @Test
  void anEscapedSingleQuoteBecomesAnEscapedDoubleQuote() {
    String text = "a: \"x\\'y\"\nb: \"\\'\"\n";
    GoYamlWhitespace.Result result = GoYamlWhitespace.of(text, DocumentSplitter.split(text));
    assertThat(result.text()).isEqualTo("a: \"x\\\"y\"\nb: \"\\\"\"\n");
    assertThat(result.quoteEscapes()).containsExactly(5, 14);
  }

  @Test
  void deepFlowFindsTheFirstBracketPastTheLimit() {
    assertThat(deepFlow("[[[a]]]", 0, 2)).isEqualTo(3);
    assertThat(deepFlow("a: [[[", 0, 2)).isEqualTo(6);
    assertThat(deepFlow("[[[", 0, 2)).isEqualTo(3);
    assertThat(deepFlow("{{{", 0, 2)).isEqualTo(3);
    assertThat(deepFlow("[[[", 0, 3)).isEqualTo(-1);
    assertThat(deepFlow("[[a]]", 0, 2)).as("as deep as allowed").isEqualTo(-1);
    assertThat(deepFlow("[[a], [b]]", 0, 2)).as("three brackets, two deep").isEqualTo(-1);
    assertThat(deepFlow("[a]\n---\n[[[b]]]\n", 0, 2)).as("the next piece").isEqualTo(-1);
    assertThat(deepFlow("[a]\n---\n[[[b]]]\n", 1, 2)).isEqualTo(11);
  }

  private static int deepFlow(String text, int piece, int maxDepth) {
    return GoYamlWhitespace.deepFlow(
        text, DocumentSplitter.split(text).chunks().get(piece), maxDepth);
  }

  private static Arguments keeps(String name, String input) {
    return Arguments.of(name, input, null, List.of());
  }

  private static Arguments rewrites(String name, String input, String expected) {
    return Arguments.of(name, input, expected, List.of());
  }

  private static Arguments fails(String name, String input, String error) {
    return Arguments.of(name, input, null, List.of(error));
  }
}
