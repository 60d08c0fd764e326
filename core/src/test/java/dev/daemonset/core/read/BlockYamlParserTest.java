package dev.daemonset.core.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.Document;
import dev.daemonset.api.ReadResult;
import dev.daemonset.core.Seeds;
import dev.daemonset.core.TestData;
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
import org.yaml.snakeyaml.events.DocumentEndEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * {@link BlockYamlParser} gives exactly SnakeYAML's events and marks, or gives up: on every
 * real-world manifest, on named edge cases, and on seeded random mutations of the manifests (where
 * SnakeYAML often fails, and the quick parser must then have given up).
 */
@ExtendWith(Seeds.class)
class BlockYamlParserTest {

  private static final String[] PIECES = {
    "\n",
    " ",
    "  ",
    "    ",
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
    "[a, 'b']",
    "{}",
    "&a ",
    "*a",
    "#",
    " #",
    "? ",
    "|",
    ">",
    "!!str ",
    "%",
    "@",
    "\\",
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
    "\n---\n",
    "\n...\n"
  };

  @Test
  void sameEventsAsSnakeYamlOnRealWorldManifestsAndTheirMutations() throws IOException {
    long seed =
        Long.getLong("blockyaml.seed", 20261128L); // rerun another with -Dblockyaml.seed=<seed>
    Seeds.use(seed, "-Dblockyaml.seed=" + seed);
    Random random = new Random(seed);
    int quick = 0;
    int quickMutations = 0;
    List<Path> files = RealWorldTest.manifests().toList();
    for (Path file : files) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      if (compare(text, file.toString())) {
        quick++;
      }
      for (int k = 0; k < 60; k++) {
        String mutated = Mutations.mutate(text, random, PIECES);
        if (compare(mutated, file + " mutation " + k + " (seed " + seed + ")")) {
          quickMutations++;
        }
      }
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(33);
    assertThat(quick)
        .as("manifests of the common shape, of %d", files.size())
        .isGreaterThanOrEqualTo(19);
    assertThat(quickMutations)
        .as("mutations still of the common shape, of %d", files.size() * 60)
        .isGreaterThan(0);
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
    "<<",
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
    "z:",
    "-",
    "#",
    "&a",
    "1e3"
  };
  private static final String[] GAPS = {
    "", " ", "  ", "\n", "\n\n", "\n# c\n", "\n   # c\n", " # c", "  \n"
  };

  @Test
  void sameEventsAsSnakeYamlOnRandomBlockYaml() {
    long seed =
        Long.getLong("blockyaml.seed", 20261128L); // rerun another with -Dblockyaml.seed=<seed>
    Seeds.use(seed, "-Dblockyaml.seed=" + seed);
    Random random = new Random(seed);
    int quick = 0;
    int total = 3_000;
    for (int k = 0; k < total; k++) {
      StringBuilder out = new StringBuilder(random.nextInt(5) == 0 ? "---\n" : "");
      for (int d = random.nextInt(4) == 0 ? 2 : 1; d > 0; d--) {
        node(out, random, 0, random.nextInt(3), false);
        if (d > 1) {
          out.append(random.nextBoolean() ? "---\n" : "--- # c\n");
        }
      }
      if (compare(out.toString(), "random document " + k + " (seed " + seed + "):\n" + out)) {
        quick++;
      }
    }
    assertThat(quick)
        .as("random documents of the common shape, of %d", total)
        .isGreaterThan(total / 10);
  }

  /**
   * A random block map or list at {@code indent}, {@code depth} levels deep at most, mostly well
   * indented; {@code inline}: its first line is already indented (a compact map after "- ").
   */
  private static void node(
      StringBuilder out, Random random, int indent, int depth, boolean inline) {
    boolean list = random.nextInt(3) == 0;
    for (int n = 1 + random.nextInt(3); n > 0; n--) {
      int column = random.nextInt(12) == 0 ? indent + random.nextInt(3) - 1 : indent;
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
      int choice = random.nextInt(depth > 0 ? 6 : 4);
      if (choice == 0) {
        out.append(GAPS[random.nextInt(GAPS.length)]).append('\n');
      } else if (choice == 1) {
        out.append(' ')
            .append(
                random.nextBoolean() ? "[]" : "[" + WORDS[random.nextInt(WORDS.length)] + ", b]");
        out.append(GAPS[random.nextInt(GAPS.length)]).append('\n');
      } else if (choice < 4) {
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
  void leavesDeepNestingToSnakeYaml() {
    assertThat(compare(nestedMaps(100), "100 levels")).isTrue();
    assertThat(compare(nestedMaps(101), "101 levels")).isFalse();
    assertThat(compare(nestedLists(49), "99 levels of lists and compact maps")).isTrue();
    assertThat(compare(nestedLists(50), "101 levels of lists and compact maps")).isFalse();
  }

  /** Maps in maps, {@code levels} deep. */
  private static String nestedMaps(int levels) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < levels - 1; i++) {
      s.append(" ".repeat(i)).append("k:\n");
    }
    return s.append(" ".repeat(levels - 1)).append("k: v\n").toString();
  }

  /** A map, then {@code pairs} times a list at its key's indentation holding a compact map. */
  private static String nestedLists(int pairs) {
    StringBuilder s = new StringBuilder("k:\n");
    for (int i = 0; i < pairs; i++) {
      s.append(" ".repeat(2 * i)).append(i == pairs - 1 ? "- k: v\n" : "- k:\n");
    }
    return s.toString();
  }

  @Test
  void leavesLongTextToSnakeYaml() {
    String line = "- abcdefghijklm\n"; // 16 characters
    assertThat(BlockYamlParser.of(line.repeat(1 << 16), true)).isNotNull();
    assertThat(BlockYamlParser.of(line.repeat(1 << 16) + "- x\n", true)).isNull();
  }

  @Test
  void readsTheTypicalBenchmarkManifestQuickly() throws IOException {
    // benchmarks' typical.yaml is this file's DaemonSet, cut out unchanged.
    String text =
        Files.readString(RealWorldTest.DIR.resolve("22-istio-cni.yaml"), StandardCharsets.UTF_8);
    assertThat(compare(text, "istio-cni")).isTrue();
  }

  static Stream<Path> manifestsAndFixtures() throws IOException {
    List<Path> fixtures;
    try (Stream<Path> files = Files.walk(TestData.path("testdata/k8s-api-testdata"))) {
      fixtures = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    // DaemonSet, Pod and Node, at HEAD and at v1.33.0: a folder gone missing must not go unnoticed.
    assertThat(fixtures).hasSize(6);
    return Stream.concat(RealWorldTest.manifests(), fixtures.stream());
  }

  @ParameterizedTest
  @MethodSource("manifestsAndFixtures")
  void sameTreesSpansAndResultsEitherWay(Path file) throws IOException {
    // Text known to be ASCII takes the quick parser when it can; SnakeYAML reads any text.
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(documents(text, true)).isEqualTo(documents(text, false));
    ReadResult quick = ManifestReader.defaults().read(Files.readAllBytes(file));
    assertSameResult(quick, ManifestReader.defaults().parse(text, false));
    assertSameResult(quick, ManifestReader.defaults().read(text));
  }

  private static void assertSameResult(ReadResult actual, ReadResult expected) {
    assertThat(actual.diagnostics()).isEqualTo(expected.diagnostics());
    assertThat(actual.documents())
        .extracting(Document::object)
        .isEqualTo(expected.documents().stream().map(Document::object).toList());
  }

  private static List<RawDocument> documents(String text, boolean ascii) {
    List<RawDocument> out = new ArrayList<>();
    YamlTreeBuilder.read(text, ascii, ReadLimits.DEFAULTS, true, out::add);
    return out;
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("empty text", "", true),
        Arguments.of("comments only", "# a\n  # b\n", true),
        Arguments.of("a map", "a: b\nc: d\n", true),
        Arguments.of("no final line break", "a: b", true),
        Arguments.of("nested maps", "a:\n  b:\n    c: d\n  e: f\ng: h\n", true),
        Arguments.of("an indentless list", "a:\n- b\n- c\nd: e\n", true),
        Arguments.of("an indented list", "a:\n  - b\n  - c\nd: e\n", true),
        Arguments.of(
            "compact maps in a list", "a:\n- b: c\n  d: e\n-   f: g\n    h:\n    - i\n", true),
        Arguments.of("a list in a list item", "-\n  - a\n- b\n", true),
        Arguments.of("empty values everywhere", "a:\nb: \nc: # x\nd:\n-\n- \n-\ne:", true),
        Arguments.of("a root list", "- a\n- b: c\n", true),
        Arguments.of("quoted scalars", "'a': \"b c\"\n\"d\" : ''\ne: \"\"\n- x: 'it #'\n", false),
        Arguments.of(
            "quoted keys and values", "'a': \"b c\"\n\"d\" : ''\ne: \"\"\nf: 'it # no'\n", true),
        Arguments.of(
            "plain scalars with indicators inside",
            "a: b:c\nd: e#f\ng: h #i\nj: -1\nk: ?x\nl: :m\nn o: p  q  \n",
            true),
        Arguments.of("space before the colon", "a : b\n", true),
        Arguments.of("documents", "---\na: b\n--- # c\n---\n- d\n---\n", true),
        Arguments.of("an implicit first document", "a: b\n---\nc: d\n", true),
        Arguments.of("comment lines more indented", "a: b\n    # c\nd:\n      # e\n  f: g\n", true),
        Arguments.of("a merge key", "a: &x\n  b: c\nd:\n  <<: *x\n", false),
        Arguments.of("a continued plain scalar", "a: b\n  c\n", false),
        Arguments.of("a scalar on the next line", "a:\n  b\n", false),
        Arguments.of("flow lists", "a: [b, c]\nd: [ \"e\" ,'f',g ]\nh: []\n- [i]\n", false),
        Arguments.of(
            "flow lists and empty flow maps",
            "a: [b, c]\nd: [ \"e\" ,'f',g ] # x\nh: []\ni: {}\nj:\n- [k]\n- {}\n",
            true),
        Arguments.of("dashes in a flow list", "a: [-, -b, --c]\n", true),
        Arguments.of("a block entry in a flow list", "a: [- ]\n", false),
        Arguments.of("a trailing comma", "a: [b, ]\n", false),
        Arguments.of("a flow map with entries", "a: {b: c}\n", false),
        Arguments.of("a flow list over two lines", "a: [b,\n  c]\n", false),
        Arguments.of("words in a flow list", "a: [b c]\n", false),
        Arguments.of("a flow list as a key", "- [a]: b\n", false),
        Arguments.of("a key in a flow list", "a: [\"b\": c]\n", false),
        Arguments.of("a literal block", "a: |\n  b\n", false),
        Arguments.of("a tag", "a: !!str 1\n", false),
        Arguments.of("an escape", "a: \"b\\n\"\n", false),
        Arguments.of("a quote in single quotes", "a: 'b''c'\n", false),
        Arguments.of("a tab", "a:\tb\n", false),
        Arguments.of("a carriage return", "a: b\r\nc: d\r\n", false),
        Arguments.of("bad indentation", "a:\n    b: c\n  d: e\n", false),
        Arguments.of("a value after a value", "a: b: c\n", false),
        Arguments.of("a list after a value", "a: b\n- c\n", false),
        Arguments.of("a document end marker", "a: b\n...\n", false),
        Arguments.of("a directive", "%YAML 1.1\n---\na: b\n", false),
        Arguments.of("a complex key", "? a\n: b\n", false),
        Arguments.of("a root scalar", "a\n", false),
        Arguments.of("a comment right after a quote", "a: 'b'#c\n", false),
        Arguments.of("an unterminated quote", "a: 'b\n", false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void edgeCases(String name, String text, boolean quick) {
    assertThat(compare(text, name)).as(name + ": read quickly").isEqualTo(quick);
  }

  /** True if the quick parser read {@code text}; its events, if any, are SnakeYAML's. */
  private static boolean compare(String text, String what) {
    boolean ascii =
        text.chars().allMatch(c -> c == '\n' || c == '\t' || c == '\r' || (c >= 0x20 && c < 0x7F));
    Parser quick = BlockYamlParser.of(text, ascii);
    if (quick == null) {
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
    trace(quick, actual);
    assertThat(actual).as(what).isEqualTo(expected);
    return true;
  }

  private static void trace(Parser parser, List<String> out) {
    for (Event e = parser.getEvent(); e != null; e = parser.getEvent()) {
      String extra = "";
      if (e instanceof ScalarEvent s) {
        extra = " plain=" + s.isPlain() + " anchor=" + s.getAnchor();
      } else if (e instanceof CollectionStartEvent c) {
        extra =
            " flow="
                + c.getFlowStyle()
                + " implicit="
                + c.getImplicit()
                + " anchor="
                + c.getAnchor();
      } else if (e instanceof DocumentStartEvent d) {
        extra = " explicit=" + d.getExplicit();
      } else if (e instanceof DocumentEndEvent d) {
        extra = " explicit=" + d.getExplicit();
      }
      out.add(e + extra + " " + mark(e.getStartMark()) + " " + mark(e.getEndMark()));
    }
  }

  private static String mark(Mark m) {
    return m.getLine() + ":" + m.getColumn() + "@" + m.getIndex();
  }
}
