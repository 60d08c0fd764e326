package dev.daemonset.core.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daemonset.core.Seeds;
import dev.daemonset.core.dump.ClusterDump;
import dev.daemonset.core.internal.snapshot.Anomaly;
import dev.daemonset.core.internal.snapshot.Strings;
import dev.daemonset.core.internal.snapshot.Tokens.Token;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingEndEvent;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceEndEvent;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * {@link YamlTape} reads exactly what SnakeYAML reads, or gives up: every collection and scalar
 * event (value, style, start and end position) on the real-world manifests, on seeded random
 * mutations of them, on seeded random block YAML with folded, quoted and block scalars, on named
 * edge cases, and — split into objects as the snapshot reader splits a stream — on generated
 * cluster dumps of several MiB, against SnakeYAML's events for the whole stream.
 */
@ExtendWith(Seeds.class)
class YamlTapeTest {

  private static final String[] PIECES = {
    "\n",
    " ",
    "  ",
    ":",
    ": ",
    "- ",
    "-",
    "'",
    "\"",
    "''",
    "{",
    "}",
    "[",
    "]",
    ",",
    "{}",
    "&a ",
    "*a",
    "#",
    " #",
    "? ",
    "|",
    ">",
    "|-",
    ">+",
    "|2",
    "!!str ",
    "%",
    "\\",
    "\\n",
    "...",
    "---",
    "--- ",
    "<<: ",
    "~",
    "a",
    "\n  ",
    "\n- ",
    "\n  - ",
    ":x",
    "\n#c\n",
    "  x: y\n",
    "\n\n",
    "\n   ",
    "\"a\nb\"",
    "'a\n\n  b'",
    "\\\n"
  };

  @Test
  void sameEventsAsSnakeYamlOnRealWorldManifestsAndTheirMutations() throws IOException {
    long seed = Long.getLong("yamltape.seed", 20261207L);
    Seeds.use(seed, "-Dyamltape.seed=" + seed);
    Random random = new Random(seed);
    int read = 0;
    int documents = 0;
    int mutations = 0;
    int readMutations = 0;
    for (Path file : RealWorldTest.manifests().toList()) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      for (String document : documents(text)) {
        documents++;
        if (compare(document, file + " document " + documents)) {
          read++;
        }
        for (int k = 0; k < 12; k++) {
          mutations++;
          String mutated = Mutations.mutate(document, random, PIECES);
          if (compare(mutated, file + " mutation " + k + " (seed " + seed + "):\n" + mutated)) {
            readMutations++;
          }
        }
      }
    }
    assertThat(read)
        .as("real-world documents read, of " + documents)
        .isGreaterThan(documents * 3 / 4);
    assertThat(readMutations)
        .as("mutations still of the shape, of " + mutations)
        .isGreaterThan(mutations / 10);
  }

  @Test
  void sameEventsAsSnakeYamlOnRandomBlockYaml() {
    long seed = Long.getLong("yamltape.seed", 20261207L);
    Seeds.use(seed, "-Dyamltape.seed=" + seed);
    Random random = new Random(seed);
    int read = 0;
    int total = 6_000;
    for (int k = 0; k < total; k++) {
      StringBuilder out = new StringBuilder(random.nextInt(6) == 0 ? "---\n" : "");
      node(out, random, 0, random.nextInt(4), false);
      if (compare(out.toString(), "random document " + k + " (seed " + seed + "):\n" + out)) {
        read++;
      }
    }
    assertThat(read).as("random documents of the shape, of " + total).isGreaterThan(total / 4);
  }

  private static final String[] WORDS = {
    "a",
    "b c",
    "-d",
    "e:f",
    "g#h",
    "?i",
    ":j",
    "k  l",
    "0640",
    "yes",
    "~",
    "m-n",
    "[o]",
    "p,q",
    "r]",
    "\"s\"",
    "'t u'",
    "'v # w'",
    "\"x: y\"",
    "''",
    "\"\"",
    "\"a\\tb\\u00e9\\x41\"",
    "\"it's\"",
    "'say ''hi'''",
    "\"\\\\\"",
    "1e3",
    "null",
    "true",
    "-1.5",
    ".inf",
    "0x1F"
  };

  /** Scalars that take several lines, each as it starts after "key: " at {@code indent}. */
  private static String multiline(Random random, int indent) {
    String in = " ".repeat(indent + 1 + random.nextInt(2));
    return switch (random.nextInt(9)) {
      case 0 -> "long words\n" + in + "go on\n" + in + "and on";
      case 1 -> "para\n\n" + in + "graph";
      case 2 -> "\"folded\n" + in + "double  \n\n" + in + "quoted\"";
      case 3 -> "'single\n" + in + "quoted ''x''\n" + in + "'";
      case 4 -> "\"escaped \\\n" + in + "  break\"";
      case 5 -> "|\n" + in + "line one\n" + in + "  indented\n\n" + in + "last\n";
      case 6 -> "|-\n" + in + "stripped\n\n";
      case 7 -> ">\n" + in + "folded one\n" + in + "folded two\n\n" + in + "  more\n" + in + "end";
      default -> (random.nextBoolean() ? "|+" : ">2-") + "\n" + in + " x\n" + in + "  y\n";
    };
  }

  private static final String[] GAPS = {
    "", " ", "  ", "\n", "\n\n", "\n# c\n", "\n   # c\n", " # c", "  \n"
  };

  /** A random block map or list at {@code indent}, {@code depth} levels deep at most. */
  private static void node(
      StringBuilder out, Random random, int indent, int depth, boolean inline) {
    boolean list = random.nextInt(3) == 0;
    for (int n = 1 + random.nextInt(3); n > 0; n--) {
      int column = random.nextInt(14) == 0 ? indent + random.nextInt(3) - 1 : indent;
      if (!inline) {
        out.append(" ".repeat(Math.max(0, column)));
      }
      inline = false;
      if (list) {
        out.append(random.nextInt(10) == 0 ? "-" : "- ");
      } else {
        out.append(WORDS[random.nextInt(WORDS.length)])
            .append(random.nextInt(10) == 0 ? " :" : ":");
      }
      int choice = random.nextInt(depth > 0 ? 7 : 5);
      if (choice == 0) {
        out.append(GAPS[random.nextInt(GAPS.length)]).append('\n');
      } else if (choice == 1) {
        out.append(' ')
            .append(
                random.nextBoolean() ? "[]" : "[" + WORDS[random.nextInt(WORDS.length)] + ", b]");
        out.append(GAPS[random.nextInt(GAPS.length)]).append('\n');
      } else if (choice == 2) {
        out.append(' ').append(multiline(random, column)).append('\n');
      } else if (choice < 5) {
        out.append(' ')
            .append(WORDS[random.nextInt(WORDS.length)])
            .append(GAPS[random.nextInt(GAPS.length)])
            .append('\n');
      } else if (list && random.nextBoolean()) {
        node(out.append(' '), random, column + 2, depth - 1, true); // a compact map after the dash
      } else {
        out.append('\n');
        node(
            out,
            random,
            column + (random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(3)),
            depth - 1,
            false);
      }
    }
  }

  @Test
  void generatedDumpsSplitIntoObjectsGiveSnakeYamlsEventsForTheWholeStream() {
    String text =
        new String(
            ClusterDump.bytes(ClusterDump.Options.of(200, 3), ClusterDump.Format.YAML),
            StandardCharsets.UTF_8);
    assertThat(text.length()).as("more than the 1 MiB of BlockYamlParser").isGreaterThan(1 << 20);
    List<String> whole = new ArrayList<>();
    LoaderOptions options = new LoaderOptions();
    options.setProcessComments(false);
    options.setCodePointLimit(Integer.MAX_VALUE);
    trace(new ParserImpl(new StreamReader(new StringReader(text)), options), whole);
    // the items' events: everything inside the List's items list
    int first =
        whole.indexOf(
            whole.stream().filter(e -> e.startsWith("<SequenceStart")).findFirst().orElseThrow());
    int last = whole.size() - 1;
    while (!whole.get(last).startsWith("<SequenceEnd")) {
      last--;
    }
    List<String> expected = whole.subList(first + 1, last);
    List<String> actual = new ArrayList<>();
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    int at = text.indexOf("\nitems:\n") + "\nitems:\n".length();
    int line = (int) text.substring(0, at).chars().filter(c -> c == '\n').count();
    List<Integer> givenUp = new ArrayList<>();
    int items = 0;
    while (at < text.length() && text.charAt(at) == '-') {
      // an item: its "- " line and the lines after it that are blank or indented
      int next = text.indexOf('\n', at) + 1;
      while (next < text.length() && (text.charAt(next) == ' ' || text.charAt(next) == '\n')) {
        next = text.indexOf('\n', next) + 1;
      }
      byte[] item = java.util.Arrays.copyOfRange(bytes, at, next);
      item[0] = ' ';
      YamlTape tape = new YamlTape(new Strings(), 64, 64);
      if (tape.scan(item, 0, item.length)) {
        tape(tape, item, actual, at, line);
      } else {
        givenUp.add(items);
      }
      items++;
      line += (int) text.substring(at, next).chars().filter(c -> c == '\n').count();
      at = next;
    }
    assertThat(givenUp).as("objects not read, of " + items).isEmpty();
    for (int i = 0; i < Math.min(actual.size(), expected.size()); i++) {
      assertThat(actual.get(i))
          .as("event " + i + " after " + expected.subList(Math.max(0, i - 5), i))
          .isEqualTo(expected.get(i));
    }
    assertThat(actual).hasSameSizeAs(expected);
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("a map", "a: b\nc: d\n", true),
        Arguments.of("no final line break", "a: b", true),
        Arguments.of("nested maps", "a:\n  b:\n    c: d\n  e: f\ng: h\n", true),
        Arguments.of("an indentless list", "a:\n- b\n- c\nd: e\n", true),
        Arguments.of("an indented list", "a:\n  - b\n  - c\nd: e\n", true),
        Arguments.of("compact maps", "a:\n- b: c\n  d: e\n-   f: g\n    h:\n    - i\n", true),
        Arguments.of("a list in a list item", "-\n  - a\n- b\n", true),
        Arguments.of("empty values", "a:\nb: \nc: # x\nd:\n-\n- \n-\ne:", true),
        Arguments.of("a root list", "- a\n- b: c\n", true),
        Arguments.of("an indented root", "  a: b\n  c: d\n", true),
        Arguments.of(
            "quoted keys and values", "'a': \"b c\"\n\"d\" : ''\ne: \"\"\nf: 'it # no'\n", true),
        Arguments.of("escapes", "a: \"b\\n\\t\\\"\\\\\\u00e9\\x41\"\nc: 'd''e'\n", true),
        Arguments.of("a folded plain scalar", "a: b\n  c\n\n  d\ne: f\n", true),
        Arguments.of("a plain scalar on the next line", "a:\n  b\n  c\n", true),
        Arguments.of("a folded plain list item", "- a\n  b\n- c\n", true),
        Arguments.of("folded quoted scalars", "a: \"b\n  c\n\n  d\"\ne: 'f\n g'\n", true),
        Arguments.of("an escaped line break", "a: \"b \\\n   c\"\n", true),
        Arguments.of(
            "literal blocks", "a: |\n  b\n   c\n\n  d\ne: |-\n  f\ng: |+\n  h\n\ni: x\n", true),
        Arguments.of("folded blocks", "a: >\n  b\n  c\n\n  d\n   e\n  f\ng: >-\n  h\n", true),
        Arguments.of("indentation indicators", "a: |2\n   b\n  c\nd: >1-\n  e\n", true),
        Arguments.of("a block in a list", "- |\n  a\n- b\n", true),
        Arguments.of("a block with a comment", "a: | # c\n  b\nd: e\n", true),
        Arguments.of("a block at the end", "a: |\n  b", true),
        Arguments.of("an empty block", "a: |\nb: c\n", true),
        Arguments.of("a block with leading empty lines", "a: |\n\n  \n  b\n", true),
        Arguments.of("a longer empty line before the block", "a: |\n\n   \n  b\n", false),
        Arguments.of(
            "flow collections", "a: [b, c]\nd: [ \"e\" ,'f',g ] # x\nh: []\ni: {}\n", true),
        Arguments.of(
            "a merge key (its meaning is the reader's)", "a:\n  b: c\nd:\n  <<: x\n", true),
        Arguments.of("an anchor", "a: &x b\n", false),
        Arguments.of("a tag", "a: !!str 1\n", false),
        Arguments.of("a flow map with entries", "a: {b: c}\n", false),
        Arguments.of("a flow list over two lines", "a: [b,\n  c]\n", false),
        Arguments.of("bad indentation", "a:\n    b: c\n  d: e\n", false),
        Arguments.of("a value after a value", "a: b: c\n", false),
        Arguments.of("a document end marker", "a: b\n...\n", false),
        Arguments.of("a complex key", "? a\n: b\n", false),
        Arguments.of("a root scalar", "a\n", false),
        Arguments.of("an unterminated quote", "a: 'b\n", false),
        Arguments.of("an unknown escape", "a: \"\\q\"\n", false),
        Arguments.of("a key over two lines", "a\n  b: c\n", false),
        Arguments.of("a document marker in a quoted scalar", "a: 'b\n---\n c'\n", false),
        // block scalar headers, and block scalars that end the text
        Arguments.of(
            "a chomping then an indentation indicator", "a: |-2\n   b\nc: >+1\n d\n\n", true),
        Arguments.of("the largest indentation indicator", "a: |9\n" + " ".repeat(9) + "b\n", true),
        Arguments.of(
            "the largest indentation indicator after a chomping one",
            "a: >-9\n" + " ".repeat(9) + "b\n",
            true),
        Arguments.of("an indicator at the very end", "a: |", true),
        Arguments.of("a chomping indicator at the very end", "a: |-", true),
        Arguments.of("an indentation indicator at the very end", "a: >2", true),
        Arguments.of("a header's spaces at the very end", "a: |  ", true),
        Arguments.of("a header's comment at the very end", "a: | #c", true),
        Arguments.of("a block of spaces at the very end", "a: |\n  ", true),
        Arguments.of("a literal ending in its indentation", "a: |\n  b\n  ", true),
        Arguments.of("a folded block ending in its indentation", "a: >\n  b\n  ", true),
        Arguments.of("a comment line after a block", "a: |\n  x\n# c\nb: |\n  y\n  # d\n", true),
        Arguments.of("a more indented line after an empty one", "a: |\n  x\n\n   y\n", true),
        // plain scalars
        Arguments.of("a comment after a plain value", "a: b # c\nd: e\n", true),
        Arguments.of("spaces after a plain value at the very end", "a: b  ", true),
        Arguments.of("a key without a value at the very end", "a: b\nc", false),
        Arguments.of("a document start with spaces", "--- \na: b\n", true),
        Arguments.of("a document start with a comment", "---  # c\na: b\n", true),
        // quoted scalars
        Arguments.of("quoted keys of compact maps", "- \"a\": b\n- 'c': d\n", true),
        Arguments.of("a quoted list item at the very end", "- 'b'", true),
        Arguments.of("a backslash in a single-quoted key", "'a\\': b\n", true),
        Arguments.of("double-quoted keys", "\"ab\": c\n\"abc\": d\n\"a'b\": e\n", true),
        Arguments.of("a comment after a quoted value", "a: \"b\" # c\nd: e\n", true),
        Arguments.of("a quoted value at the very end", "a: \"b\"", true),
        Arguments.of("a quoted key over two lines", "'a\n b': c\n", false),
        Arguments.of("a double-quoted key over two lines", "\"a\n b\": c\n", false),
        Arguments.of("a quote in a key over two lines", "\"it's\n x\": y\n", false),
        Arguments.of("a double quote in a key over two lines", "'a\"b\n c': d\n", false),
        Arguments.of("an escaped quote in a key over two lines", "'a''b\n c': d\n", false),
        Arguments.of("an escaped line break in a key", "\"a\\\n b\": c\n", false),
        Arguments.of("a backslash at the very end of a list item", "- \"a\\", false),
        Arguments.of("a backslash at the very end of a value", "a: \"b\\", false),
        Arguments.of("a short hex escape at the very end", "a: \"\\x4", false),
        Arguments.of("spaces at the very end of a quoted value", "a: \"b  ", false),
        Arguments.of("a comment right after a quoted value", "a: \"b\"# c\n", false),
        // flow lists
        Arguments.of("flow items starting with a dash", "a: [-1, -b]\n", true),
        Arguments.of("a block entry in a flow list", "a: [- b]\n", false),
        Arguments.of("a quoted flow item over two lines", "a: [\"b\n c\"]\n", false),
        Arguments.of("an open flow list at the very end", "a: [", false),
        Arguments.of("a quoted flow item at the very end", "a: [\"b\"", false),
        Arguments.of("a comma at the very end", "a: [b,", false),
        Arguments.of("a plain flow item at the very end", "a: [b", false),
        // SnakeYAML's longest simple key: 1024 characters up to the ':'
        Arguments.of("the longest simple key", "k".repeat(1024) + ": v\n", true),
        Arguments.of("a simple key too long", "k".repeat(1025) + ": v\n", false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void edgeCases(String name, String text, boolean read) {
    assertThat(compare(text, name)).as(name + ": read").isEqualTo(read);
  }

  // ---- the tape read as Tokens, as SnapshotBinder reads it ----

  /**
   * Scalars and keys typed as {@code YamlTreeBuilder} types them: plain words and quoted scalars
   * are strings, plain numbers, booleans and nulls are typed, and what kubectl would warn about (or
   * the full reader reports) is an {@link Anomaly}: the object goes to the full reader.
   */
  static Stream<Arguments> typedTokens() {
    return Stream.of(
        Arguments.of("a: b c", "KEY a, STRING b c"),
        Arguments.of("a: 1", "KEY a, NUMBER 1"),
        Arguments.of("a: -1.5", "KEY a, NUMBER -1.5"),
        Arguments.of("a: true\nb: false", "KEY a, TRUE, KEY b, FALSE"),
        Arguments.of("a: ~\nb:\nc: null", "KEY a, NULL, KEY b, NULL, KEY c, NULL"),
        Arguments.of(
            "a: 'true'\nb: \"1\"\nc: ''", "KEY a, STRING true, KEY b, STRING 1, KEY c, STRING "),
        Arguments.of("a: _x\nb: -y\nc: 1a", "KEY a, STRING _x, KEY b, STRING -y, KEY c, STRING 1a"),
        Arguments.of("a: yes", "KEY a, Anomaly"),
        Arguments.of("a: on", "KEY a, Anomaly"),
        Arguments.of("a: 0640", "KEY a, Anomaly"),
        Arguments.of("a: .inf", "KEY a, Anomaly"),
        Arguments.of("a: 12345", "KEY a, NUMBER 12345"),
        Arguments.of("a: 123456", "KEY a, Anomaly"),
        Arguments.of("a: 123456g", "KEY a, STRING 123456g"),
        Arguments.of("_x: 1\n-y: 2", "KEY _x, NUMBER 1, KEY -y, NUMBER 2"),
        Arguments.of(
            "'true': a\n\"1\": b\n'<<': c",
            "KEY true, STRING a, KEY 1, STRING b, KEY <<, STRING c"),
        Arguments.of("true: a", "Anomaly"),
        Arguments.of("1: a", "Anomaly"),
        Arguments.of("~: a", "Anomaly"),
        Arguments.of("<<: a", "Anomaly"),
        Arguments.of(
            "a:\n- b\n- [c, 2]",
            "KEY a, START_LIST, STRING b, START_LIST, STRING c, NUMBER 2, END_LIST, END_LIST"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("typedTokens")
  void typesScalarsAndKeysAsTheFullReaderOrStops(String yaml, String tokens) {
    YamlTape tape = scanned(yaml, 64, 5);
    List<String> read = new ArrayList<>();
    try {
      for (int i = 0; i < tape.size(); i++) {
        Token token = tape.next();
        read.add(
            switch (token) {
              case KEY -> "KEY " + tape.key();
              case STRING, NUMBER -> token + " " + tape.text();
              default -> token.name();
            });
      }
      assertThatThrownBy(tape::next).as("past the last token").isInstanceOf(Anomaly.class);
    } catch (Anomaly stop) {
      read.add("Anomaly");
    }
    String inner = String.join(", ", read);
    if (inner.startsWith("START_MAP, ") && inner.endsWith(", END_MAP")) {
      inner = inner.substring("START_MAP, ".length(), inner.length() - ", END_MAP".length());
    } else if (inner.startsWith("START_MAP, ")) {
      inner = inner.substring("START_MAP, ".length());
    }
    assertThat(inner).isEqualTo(tokens);
  }

  @Test
  void skipValueJumpsOverScalarsMapsAndListsAndStopsAtTheEnd() {
    YamlTape tape = scanned("a: 1\nb:\n  c: [d]\n  e: f\ng:\n- h\n- i: j\nk: l\n", 64, 64);
    assertThat(tape.next()).isEqualTo(Token.START_MAP);
    assertThat(tape.next()).isEqualTo(Token.KEY);
    tape.skipValue(); // 1
    assertThat(tape.next()).isEqualTo(Token.KEY);
    assertThat(tape.key()).isEqualTo("b");
    tape.skipValue(); // the map under b
    assertThat(tape.next()).isEqualTo(Token.KEY);
    assertThat(tape.key()).isEqualTo("g");
    tape.skipValue(); // the list under g
    assertThat(tape.next()).isEqualTo(Token.KEY);
    assertThat(tape.key()).isEqualTo("k");
    assertThat(tape.next()).isEqualTo(Token.STRING);
    assertThat(tape.text()).isEqualTo("l");
    assertThat(tape.next()).isEqualTo(Token.END_MAP);
    assertThatThrownBy(tape::skipValue).isInstanceOf(Anomaly.class);
    tape.rewind();
    assertThat(tape.next()).isEqualTo(Token.START_MAP);
  }

  /**
   * Nesting deeper than the full reader allows is the full reader's to report: block maps, block
   * lists and flow collections each count one level.
   */
  @ParameterizedTest(name = "{0} at depth {1}")
  @MethodSource("depths")
  void givesNestingDeeperThanTheLimitToTheFullReader(String yaml, int maxDepth, boolean read) {
    byte[] bytes = yaml.getBytes(StandardCharsets.ISO_8859_1);
    assertThat(new YamlTape(new Strings(), maxDepth, 64).scan(bytes, 0, bytes.length))
        .isEqualTo(read);
  }

  static Stream<Arguments> depths() {
    return Stream.of(
        Arguments.of("a:\n  b: c\n", 2, true),
        Arguments.of("a:\n  b:\n    c: d\n", 2, false),
        Arguments.of("a: b\n", 1, true),
        Arguments.of("a:\n- b\n", 1, false),
        Arguments.of("a:\n- b\n", 2, true),
        Arguments.of("a: [b]\n", 1, false),
        Arguments.of("a: []\n", 1, false),
        Arguments.of("a: [b]\n", 2, true));
  }

  /**
   * A scalar whose value is its text (one line; no escapes, doubled quotes or folding) is marked
   * raw on the tape: its value is then cut from the text, not scanned again.
   */
  static Stream<Arguments> rawScalars() {
    return Stream.of(
        Arguments.of("a: b c\n", "a raw, b c raw"),
        Arguments.of("a: b\n  c\n", "a raw, b c scanned"),
        Arguments.of("'a': 'b'\n\"c\": \"d\"\n", "a raw, b raw, c raw, d raw"),
        Arguments.of("'a''b': 'c''d'\n", "a'b scanned, c'd scanned"),
        Arguments.of("\"a\\tb\": \"c\\\\d\"\n", "a\tb scanned, c\\d scanned"),
        Arguments.of("a: 'b\n  c'\n", "a raw, b c scanned"),
        Arguments.of("a: ['b', \"c\", 'd''e', f]\n", "a raw, b raw, c raw, d'e scanned, f raw"),
        Arguments.of("- 'b'\n- \"c\"\n", "b raw, c raw"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rawScalars")
  void cutsScalarsThatAreTheirTextWithoutScanningThemAgain(String yaml, String scalars) {
    YamlTape tape = scanned(yaml, 64, 64);
    List<String> read = new ArrayList<>();
    for (int i = 0; i < tape.size(); i++) {
      if (tape.kind(i) == YamlTape.KEY || tape.kind(i) == YamlTape.SCALAR) {
        read.add(tape.value(i) + ((tape.flags(i) & YamlTape.RAW) != 0 ? " raw" : " scanned"));
      }
    }
    assertThat(String.join(", ", read)).isEqualTo(scalars);
  }

  private static YamlTape scanned(String yaml, int maxDepth, int maxNumberLength) {
    byte[] bytes = yaml.getBytes(StandardCharsets.ISO_8859_1);
    YamlTape tape = new YamlTape(new Strings(), maxDepth, maxNumberLength);
    assertThat(tape.scan(bytes, 0, bytes.length)).as("scanned: " + yaml).isTrue();
    return tape;
  }

  // ---- the comparison ----

  /** The documents of a stream, split at "---" lines. */
  private static List<String> documents(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (line.equals("---") || line.startsWith("--- ")) {
        out.add(current.toString());
        current.setLength(0);
      }
      current.append(line).append('\n');
    }
    out.add(current.toString());
    return out.stream().filter(d -> !d.isBlank()).toList();
  }

  /** True if the tape read {@code text}; its events, if any, are SnakeYAML's. */
  private static boolean compare(String text, String what) {
    boolean ascii = text.chars().allMatch(c -> c == '\n' || (c >= 0x20 && c < 0x7F));
    if (!ascii) {
      return false;
    }
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    YamlTape tape = new YamlTape(new Strings(), 64, 64);
    if (!tape.scan(bytes, 0, bytes.length)) {
      return false;
    }
    List<String> expected = new ArrayList<>();
    try {
      LoaderOptions options = new LoaderOptions();
      options.setProcessComments(false);
      trace(new ParserImpl(new StreamReader(new StringReader(text)), options), expected);
    } catch (YAMLException e) {
      expected.add(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    List<String> actual = new ArrayList<>();
    tape(tape, bytes, actual, 0, 0);
    assertThat(actual).as(what).isEqualTo(expected);
    return true;
  }

  /** SnakeYAML's collection and scalar events, positions moved by the given offsets. */
  private static void trace(org.yaml.snakeyaml.parser.Parser parser, List<String> out) {
    for (Event e = parser.getEvent(); e != null; e = parser.getEvent()) {
      if (e instanceof ScalarEvent s) {
        out.add(
            "<Scalar "
                + s.getScalarStyle().name()
                + " "
                + quote(s.getValue())
                + " "
                + mark(s.getStartMark())
                + " "
                + mark(s.getEndMark())
                + (s.getAnchor() != null || s.getTag() != null ? " tagged" : "")
                + ">");
      } else if (e instanceof CollectionStartEvent c) {
        out.add(
            "<"
                + (e instanceof MappingStartEvent ? "MappingStart " : "SequenceStart ")
                + c.getFlowStyle().name()
                + " "
                + mark(e.getStartMark())
                + " "
                + mark(e.getEndMark())
                + (c.getAnchor() != null || c.getTag() != null ? " tagged" : "")
                + ">");
      } else if (e instanceof MappingEndEvent || e instanceof SequenceEndEvent) {
        out.add(
            "<"
                + (e instanceof MappingEndEvent ? "MappingEnd " : "SequenceEnd ")
                + mark(e.getStartMark())
                + " "
                + mark(e.getEndMark())
                + ">");
      } else if (!e.getClass().getSimpleName().startsWith("Stream")
          && !e.getClass().getSimpleName().startsWith("Document")) {
        out.add("<" + e.getClass().getSimpleName() + ">");
      }
    }
  }

  /** The tape's tokens as SnakeYAML's events, positions moved to {@code index} and {@code line}. */
  private static void tape(YamlTape tape, byte[] text, List<String> out, int index, int line) {
    int[] lineStarts = lineStarts(text);
    for (int i = 0; i < tape.size(); i++) {
      byte kind = tape.kind(i);
      String from = mark(lineStarts, tape.start(i), index, line);
      String to = mark(lineStarts, tape.end(i), index, line);
      String flow = (tape.flags(i) & YamlTape.FLOW) != 0 ? "FLOW" : "BLOCK";
      switch (kind) {
        case YamlTape.MAP -> out.add("<MappingStart " + flow + " " + from + " " + to + ">");
        case YamlTape.SEQ -> out.add("<SequenceStart " + flow + " " + from + " " + to + ">");
        case YamlTape.MAP_END -> out.add("<MappingEnd " + from + " " + to + ">");
        case YamlTape.SEQ_END -> out.add("<SequenceEnd " + from + " " + to + ">");
        default -> {
          String style =
              switch (tape.flags(i) & YamlTape.STYLE) {
                case YamlTape.PLAIN -> "PLAIN";
                case YamlTape.SINGLE -> "SINGLE_QUOTED";
                case YamlTape.DOUBLE -> "DOUBLE_QUOTED";
                case YamlTape.LITERAL -> "LITERAL";
                default -> "FOLDED";
              };
          out.add("<Scalar " + style + " " + quote(tape.value(i)) + " " + from + " " + to + ">");
        }
      }
    }
  }

  private static int[] lineStarts(byte[] text) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length; i++) {
      if (text[i] == '\n') {
        starts.add(i + 1);
      }
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }

  private static String mark(int[] lineStarts, int offset, int index, int line) {
    int l = java.util.Arrays.binarySearch(lineStarts, offset);
    if (l < 0) {
      l = -l - 2;
    }
    return (line + l) + ":" + (offset - lineStarts[l]) + "@" + (index + offset);
  }

  private static String mark(Mark m) {
    return m.getLine() + ":" + m.getColumn() + "@" + m.getIndex();
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\n", "\\n").replace("\"", "\\\"") + "\"";
  }
}
