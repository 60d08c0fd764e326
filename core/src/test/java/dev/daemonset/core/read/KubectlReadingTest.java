package dev.daemonset.core.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.Severity;
import dev.daemonset.api.model.JsonValue;
import dev.daemonset.core.internal.tree.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What kubectl reads, case by case, and what we report: the table of issue #17. Each row is an
 * input (Java escapes: {@code \n}, {@code \t}, {@code \\}; {@code ¦} stands for {@code |}, the
 * table's delimiter), what kubectl makes of it (the JSON of its first document, or its error), and
 * our error (code, a fragment of the message, line:column) or none. Where we accept, our first
 * document must be kubectl's JSON; where we are stricter on purpose and still read the document
 * (duplicate keys, content kubectl drops), it must be kubectl's JSON too.
 *
 * <p>The kubectl column was obtained by running kubectl's reading path (cli-runtime's FileVisitor
 * with its byte order mark handling, apimachinery's YAMLReader and LineReader, sigs.k8s.io/yaml's
 * YAMLToJSON over go-yaml v2.4 with the kubernetes-sigs big-integer patch) on each input.
 *
 * <p>Every row is read twice, with the fast paths ({@link BlockYamlParser}, {@link TextReader}) and
 * without them ({@link ManifestReader#withoutFastPaths}), and both must give the same answer.
 */
class KubectlReadingTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
      # the crash: a float out of range is a string to kubectl
      float out of range as a value     | v: .5e400                      | {"v":".5e400"}              |                  |                                          |
      float out of range as a key       | .5e400: v                      | {".5e400":"v"}              |                  |                                          |
      float out of range in a flow list | [.5e400]                       | [".5e400"]                  |                  |                                          |
      # kubectl rejects, we must too
      separator with a key              | ---x: 1\\n                     | invalid Yaml document separator: x: 1 | yaml-syntax | invalid document separator | 1:1
      separator with a block scalar     | --- ¦\\n  text\\n            | invalid Yaml document separator: ¦  | yaml-syntax | put ¦ on a line of its own | 1:1
      separator with a flow map         | a: 1\\n--- {b: 2}\\n           | invalid Yaml document separator: {b: 2} | yaml-syntax | invalid document separator | 2:1
      directive YAML 1.1                | %YAML 1.1\\n---\\na: 1\\n      | did not find expected <document start> | yaml-syntax | the directive %YAML: kubectl fails on it ("did not find expected <document start>") | 1:1
      directive YAML 1.2                | %YAML 1.2\\n---\\na: 1\\n      | found incompatible YAML document | yaml-syntax | ("found incompatible YAML document") | 1:1
      unknown directive                 | %FOO bar\\n---\\na: 1\\n       | found unknown directive name | yaml-syntax   | the directive %FOO                       | 1:1
      unknown directive on the last line | a: 1\\n%FOO                   | found unknown directive name | yaml-syntax   | the directive %FOO                       | 2:1
      a document of only ...            | a: 1\\n---\\n...\\n            | did not find expected node content | yaml-syntax | a document end marker (...) with no document before it | 3:1
      null key ~                        | ~: v                           | unsupported map key of type <nil> | unsupported-key | a null map key                   | 1:1
      null key null                     | null: v                        | unsupported map key of type <nil> | unsupported-key | a null map key                   | 1:1
      empty complex key                 | ? \\n: v                       | unsupported map key of type <nil> | unsupported-key | a null map key                   | 1:2
      null-tagged key                   | !!null : a                     | unsupported map key of type <nil> | unsupported-key | a null map key                   | 1:1
      key of 2^63                       | 9223372036854775808: a         | unsupported map key of type uint64 | unsupported-key | the map key 9223372036854775808 is an integer kubectl reads as a uint64 | 1:1
      key past 64 bits                  | 0x10000000000000000: a         | unsupported map key of type *big.Int | unsupported-key | reads as a big integer | 1:1
      key of 2^63-1                     | 9223372036854775807: a         | {"9223372036854775807":"a"} |                  |                                          |
      flow key without a key            | [?]                            | did not find expected ',' or ']' | unsupported-key | a null map key                  | 1:3
      anchor with #                     | a: &a#x 1\\nb: *a#x            | did not find expected alphabetic or numeric character | yaml-syntax | the anchor &a#x: kubectl (go-yaml) allows only letters, digits | 1:4
      anchor with an emoji              | a: &😁 1\\nb: *😁              | did not find expected alphabetic or numeric character | yaml-syntax | the anchor &😁 | 1:4
      tab in block scalar indentation   | foo: ¦-\\n \\tbar            | found a tab character where an indentation space is expected | yaml-syntax | a tab in the indentation of a block scalar | 2:2
      tab at the start of a blank line  | a: 1\\n\\t\\nb: 2              | found a tab character that violates indentation | yaml-syntax | found character '\\t(TAB)' | 2:1
      tab after a block entry           | - \\tx                         | found character that cannot start any token | yaml-syntax | found character '\\t(TAB)' | 1:3
      # kubectl accepts, we must too
      tab after a key                   | a:\\t\\n  b: c                 | {"a":{"b":"c"}}             |                  |                                          |
      spec:<TAB>                        | spec:\\t\\n  replicas: 1       | {"spec":{"replicas":1}}     |                  |                                          |
      tab between key and value         | a:\\tb                         | {"a":"b"}                   |                  |                                          |
      tab on a plain scalar's blank line | a: 1\\n  \\t\\nb: 2           | {"a":1,"b":2}               |                  |                                          |
      tab before a continuation         | a: x\\n \\ty                   | {"a":"x y"}                 |                  |                                          |
      tab in a flow list                | a: [1,\\t2]                    | {"a":[1,2]}                 |                  |                                          |
      tab after a separator             | a: 1\\n---\\t# c\\nb: 2        | {"a":1}                     |                  |                                          |
      escaped tab                       | a: "x\\\\\\ty"                 | {"a":"x\\ty"}               |                  |                                          |
      escaped single quote              | a: "x\\\\'y \\\\"z\\\\x22"     | {"a":"x'y \\"z\\""}         |                  |                                          |
      comment after a block header      | a: ¦-#c\\n  x                | {"a":"x"}                   |                  |                                          |
      tab after a block header          | a: ¦2\\t# c\\n  x            | {"a":"x\\n"}                |                  |                                          |
      key .inf                          | .inf: a                        | {".inf":"a"}                |                  |                                          |
      key -.inf                         | -.inf: a                       | {"-.inf":"a"}               |                  |                                          |
      key .nan                          | .NaN: a                        | {".nan":"a"}                |                  |                                          |
      # both read, same value
      float key 1e6                     | 1e6: a                         | {"1e+06":"a"}               |                  |                                          |
      float key at 32 bits              | 3.14159265358979: a            | {"3.1415927":"a"}           |                  |                                          |
      float key past float32            | 1e40: a                        | {".inf":"a"}                |                  |                                          |
      negative key past int64           | -9223372036854775809: a        | {"-9.223372e+18":"a"}       |                  |                                          |
      minus zero                        | v: -0.0                        | {"v":-0}                    |                  |                                          |
      minus zero, .0                    | v: -.0                         | {"v":-0}                    |                  |                                          |
      minus zero, exponent              | v: -0e0                        | {"v":-0}                    |                  |                                          |
      minus zero, underflow             | v: -1e-400                     | {"v":-0}                    |                  |                                          |
      underscores in .5_5               | v: .5_5                        | {"v":0.55}                  |                  |                                          |
      Go's shortest float               | v: 2.82879384806159e17         | {"v":282879384806159000}    |                  |                                          |
      a large float                     | v: 123456789012345678901234    | {"v":1.2345678901234569e+23} |                 |                                          |
      octal past int64                  | v: 07777777777777777777777     | {"v":7.777777777777777e+21} |                  |                                          |
      block scalar at the end           | a: ¦\\n  x                   | {"a":"x\\n"}                |                  |                                          |
      script at the end of a file       | args:\\n- ¦\\n  echo hi      | {"args":["echo hi\\n"]}     |                  |                                          |
      # we are stricter on purpose, and say what kubectl does
      duplicate key                     | a: 1\\na: 2                    | {"a":2}                     | duplicate-key    | kubectl would keep the last value silently | 2:1
      content after an indented root    | ` a: 1\\nb: 2`                 | {"a":1}                     | trailing-content | silently drops line 2: a manifest cut short; indent it to | 2:1
      content after ...                 | a: 1\\n...\\nb: 2\\nc: 3\\n    | {"a":1}                     | trailing-content | silently drops lines 3–4: a manifest cut short; indent them to | 3:1
      content after a flow root         | [a]\\nb: 1                     | ["a"]                       | trailing-content | silently drops line 2                    | 2:1
      a local tag                       | a: !foo x                      | {"a":"x"}                   | forbidden-tag    | kubectl would ignore the tag and read the string "x" | 1:4
      a timestamp tag                   | a: !!timestamp 2001-12-14      | {"a":"2001-12-14"}          | forbidden-tag    | read the string "2001-12-14"             | 1:4
      a binary tag                      | a: !!binary aGk=               | {"a":"hi"}                  | forbidden-tag    | decode the base64 and read the string "hi" | 1:4
      # go-yaml's own test of this case (decode_test.go) gives kubectl's error
      a binary tag, bad base64          | a: !!binary ==                 | !!binary value contains invalid base64 data | forbidden-tag | kubectl would fail ("!!binary value contains invalid base64 data") | 1:4
      a string tag on a map             | a: !!str {b: c}                | {"a":{"b":"c"}}             | forbidden-tag    | the tag !!str is not allowed on a map    | 1:4
      """)
  void readsAsKubectlReads(
      String name, String input, String kubectl, String code, String fragment, String position) {
    String text = input.replace('¦', '|').translateEscapes();
    List<Read> fast = read(text, true);
    List<Read> slow = read(text, false);
    assertThat(fast).as("with and without the fast paths").isEqualTo(slow);
    List<Finding> errors =
        fast.stream()
            .flatMap(r -> r.findings().stream())
            .filter(f -> f.severity() == Severity.ERROR)
            .toList();
    String firstJson =
        fast.stream().map(Read::json).filter(j -> j != null).findFirst().orElse(null);
    boolean kubectlReads = kubectl.startsWith("{") || kubectl.startsWith("[");
    if (code == null) {
      assertThat(errors).as("errors").isEmpty();
      assertThat(firstJson).isEqualTo(kubectl);
      return;
    }
    assertThat(errors).extracting(f -> f.code().id()).containsExactly(code);
    Finding error = errors.get(0);
    assertThat(error.message()).contains(fragment.replace('¦', '|'));
    assertThat(error.span().line() + ":" + error.span().column()).isEqualTo(position);
    if (kubectlReads && firstJson != null) {
      assertThat(firstJson).as("the document kubectl reads").isEqualTo(kubectl);
    }
  }

  @Test
  void afterAnErrorReadingGoesOnAtTheNextDocument() {
    for (boolean fastPaths : new boolean[] {true, false}) {
      List<Read> read = read("a: [b\n---\nc: d\n---\ne: {f: g\n---\nh: i\n", fastPaths);
      assertThat(read)
          .extracting(Read::json)
          .containsExactly(null, "{\"c\":\"d\"}", null, "{\"h\":\"i\"}");
      assertThat(read.get(0).findings())
          .extracting(f -> f.code().id())
          .containsExactly("yaml-syntax");
      assertThat(read.get(2).findings().get(0).span().line()).isEqualTo(6);
    }
  }

  @Test
  void aBadSeparatorSkipsItsDocumentUpToTheNextGoodOne() {
    List<Read> read = read("a: 1\n--- |\n  text\nb: 2\n--- # good\nc: 3\n", false);
    assertThat(read).extracting(Read::json).containsExactly("{\"a\":1}", null, "{\"c\":3}");
    assertThat(read.get(1).findings())
        .extracting(f -> f.code().id() + " " + f.span())
        .containsExactly("yaml-syntax " + new dev.daemonset.api.Span(0, 2, 1, 2, 6));
  }

  @Test
  void deepUnclosedFlowListsStopAtTheLimit() {
    for (boolean fastPaths : new boolean[] {true, false}) {
      List<Read> read = read("a: " + "[".repeat(300_000) + "\n---\nb: 1\n", fastPaths);
      assertThat(read).extracting(Read::json).containsExactly(null, "{\"b\":1}");
      assertThat(read.get(0).findings())
          .extracting(f -> f.code().id() + " " + f.span().line() + ":" + f.span().column())
          .containsExactly("nesting-too-deep 1:67");
    }
  }

  @Test
  void aTabAfterAKeyInARealManifestReadsLikeSpaces() throws java.io.IOException {
    java.nio.file.Path file = RealWorldTest.manifests().findFirst().orElseThrow();
    String text = java.nio.file.Files.readString(file);
    String tabbed = text.replace("spec:\n", "spec:\t\n").replace("name: ", "name:\t");
    assertThat(tabbed).isNotEqualTo(text);
    ManifestReader reader = ManifestReader.defaults();
    assertThat(reader.read(tabbed).documents())
        .extracting(d -> d.object())
        .isEqualTo(reader.read(text).documents().stream().map(d -> d.object()).toList());
    assertThat(reader.read(tabbed).diagnostics()).isEqualTo(reader.read(text).diagnostics());
  }

  /** go-yaml's anchor names: ASCII letters, digits, '_' and '-' (its scanner's is_alpha). */
  @Test
  void anchorNamesOfLettersDigitsUnderscoreAndDashRead() {
    for (boolean fastPaths : new boolean[] {true, false}) {
      List<Read> read = read("a: &09azAZ_- 1\nb: *09azAZ_-\n", fastPaths);
      assertThat(read).extracting(Read::json).containsExactly("{\"a\":1,\"b\":1}");
      assertThat(read.get(0).findings()).isEmpty();
    }
  }

  /**
   * go-yaml's {@code \'} escape among the other escapes of a double quote: each escape keeps its
   * own character, in order, whatever comes before it.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
      first                  | a: "\\'x"                                   | 'x
      after an escaped quote | a: "\\"\\'"                               | "'
      after a hex escape     | a: "\\x41\\"\\'"                          | A"'
      after quote escapes    | a: "\\x22\\'\\u0022\\'\\U00000022\\'" | "'"'"'
      after non-BMP characters | a: "😁😁\\'"                          | 😁😁'
      """)
  void singleQuoteEscapesKeepTheirPlaceAmongOtherQuotes(String name, String input, String value) {
    for (boolean fastPaths : new boolean[] {true, false}) {
      List<Read> read = read(input, fastPaths);
      assertThat(read)
          .extracting(Read::json)
          .containsExactly("{\"a\":" + json(JsonValue.of(value)) + "}");
      assertThat(read.get(0).findings()).isEmpty();
    }
  }

  /**
   * Our trailing-content finding names the lines that hold more than blanks, up to the next ---.
   */
  @Test
  void trailingContentNamesTheLinesUpToTheLastThatIsNotBlank() {
    for (boolean fastPaths : new boolean[] {true, false}) {
      List<Read> read = read("a: 1\n...\nb: 2\nc\n   \n---\nd: 4\n", fastPaths);
      assertThat(read).extracting(Read::json).containsExactly("{\"a\":1}", "{\"d\":4}");
      assertThat(read.get(0).findings())
          .extracting(f -> f.code().id() + " " + f.span().line())
          .containsExactly("trailing-content 3");
      assertThat(read.get(0).findings().get(0).message())
          .contains("silently drops lines 3–4: a manifest cut short; indent them");
    }
  }

  /**
   * After a document is given up in a run of pieces read by one parser (a limit, a directive,
   * content kubectl drops), reading goes on with the piece after the one where it stopped: no piece
   * is read twice.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      a forbidden tag       | a: 1\\n---\\nb: !foo x\\n---\\nc: 3\\n             | forbidden-tag
      a directive           | a: 1\\n---\\n%FOO\\n---\\nc: 3\\n                  | yaml-syntax
      content kubectl drops | a: 1\\n---\\nb: 2\\n...\\nx: 0\\n---\\nc: 3\\n | trailing-content
      """)
  void afterAStopInARunOfPiecesNoPieceIsReadTwice(String name, String input, String code) {
    List<Read> read = read(input.translateEscapes(), false);
    assertThat(read).hasSize(3);
    assertThat(read.get(0).json()).isEqualTo("{\"a\":1}");
    assertThat(read.get(1).findings()).extracting(f -> f.code().id()).containsExactly(code);
    assertThat(read.get(2).json()).isEqualTo("{\"c\":3}");
  }

  /** A stop at the very start of a run of pieces (offset 0) goes on with the next piece too. */
  @Test
  void aStopAtTheStartOfTheTextGoesOnWithTheNextPiece() {
    List<Read> read = read("%FOO\n---\na: 1\n---\nb: 2\n", false);
    assertThat(read).extracting(Read::json).containsExactly(null, "{\"a\":1}", "{\"b\":2}");
    assertThat(read.get(0).findings())
        .extracting(f -> f.code().id())
        .containsExactly("yaml-syntax");
  }

  /** go-yaml scans literal and folded block scalars alike: a tab in either's indentation fails. */
  @Test
  void aTabInAFoldedBlockScalarsIndentationIsAnErrorToo() {
    for (boolean fastPaths : new boolean[] {true, false}) {
      List<Read> read = read("foo: >-\n \tbar\n", fastPaths);
      assertThat(read.get(0).findings())
          .extracting(f -> f.code().id() + " " + f.span().line() + ":" + f.span().column())
          .containsExactly("yaml-syntax 2:2");
    }
  }

  /**
   * A {@code !!float} tag makes an integer a float (go-yaml's resolve converts it), which JSON then
   * writes with a float's precision; untagged, the integer keeps every digit.
   */
  @Test
  void aFloatTagMakesAnIntegerAFloat() {
    for (boolean fastPaths : new boolean[] {true, false}) {
      List<Read> read = read("a: !!float 9007199254740993\nb: 9007199254740993\n", fastPaths);
      assertThat(read)
          .extracting(Read::json)
          .containsExactly("{\"a\":9007199254740992,\"b\":9007199254740993}");
    }
  }

  /** One document as read: its JSON (null if none) and findings. */
  record Read(String json, List<Finding> findings) {}

  static List<Read> read(String text, boolean fastPaths) {
    List<Read> out = new ArrayList<>();
    boolean ascii = text.chars().allMatch(c -> (c >= 0x20 && c < 0x7F) || c == '\n' || c == '\t');
    YamlTreeBuilder.read(
        text,
        ascii,
        ReadLimits.DEFAULTS,
        fastPaths,
        raw ->
            out.add(
                new Read(raw.root() == null ? null : json(raw.root().toJson()), raw.findings())));
    return out;
  }

  /** JSON as Go writes it: object keys sorted. */
  static String json(JsonValue v) {
    StringBuilder b = new StringBuilder();
    write(v, b);
    return b.toString();
  }

  private static void write(JsonValue v, StringBuilder b) {
    if (v instanceof JsonValue.Obj o) {
      b.append('{');
      String sep = "";
      for (Map.Entry<String, JsonValue> e : new TreeMap<>(o.members()).entrySet()) {
        b.append(sep);
        sep = ",";
        quote(e.getKey(), b);
        b.append(':');
        write(e.getValue(), b);
      }
      b.append('}');
    } else if (v instanceof JsonValue.Arr a) {
      b.append('[');
      String sep = "";
      for (JsonValue item : a.elements()) {
        b.append(sep);
        sep = ",";
        write(item, b);
      }
      b.append(']');
    } else if (v instanceof JsonValue.Str s) {
      quote(s.value(), b);
    } else {
      b.append(v);
    }
  }

  private static void quote(String s, StringBuilder b) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        default -> b.append(c);
      }
    }
    b.append('"');
  }
}
