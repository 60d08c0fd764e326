package dev.daemonset.core.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.core.Seeds;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * {@link TextReader} makes SnakeYAML's parser produce exactly what it produces with its own {@link
 * StreamReader}: the same events with the same marks, and the same errors at the same places, on
 * every real-world manifest and on seeded random mutations of them.
 */
@ExtendWith(Seeds.class)
class TextReaderTest {

  private static final String[] PIECES = {
    "\n", "\r", "\r\n", "\u0085", "\u2028", "\u2029", "\uFEFF", " ", "  ", "\t", ":", ": ", "- ",
    "-", "'", "\"", "{", "}", "[", "]", ",", "&a ", "*a", "#", "? ", "|", ">", "!!str ", "!x ", "%",
    "@", "\\", "é", "...", "---", "<<: ", "0x1F", "~"
  };

  @Test
  void sameEventsMarksAndErrorsAsTheStockReader() throws IOException {
    long seed =
        Long.getLong("textreader.seed", 20261128L); // rerun another with -Dtextreader.seed=<seed>
    Seeds.use(seed, "-Dtextreader.seed=" + seed);
    Random random = new Random(seed);
    int compared = 0;
    List<Path> files = RealWorldTest.manifests().toList();
    for (Path file : files) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      assertSame(text, file + " (seed " + seed + ")");
      for (int k = 0; k < 40; k++) {
        String mutated = Mutations.mutate(text, random, PIECES);
        assertSame(mutated, file + " mutation " + k + " (seed " + seed + ")");
        compared++;
      }
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(33);
    assertThat(compared).isEqualTo(files.size() * 40);
  }

  @Test
  void lineBreaksAndByteOrderMarksCountAsTheStockReaderCountsThem() {
    for (String text :
        List.of(
            "a: 1\r\nb: 2\rc: 3\u0085d: 4\u2028e: 5\u2029f: \uFEFF6\r",
            "a: [1,\r\n 2]\r",
            "",
            "\r",
            "a: 'x\r\n y'",
            "- \"a\\\r\n b\"\n- c: |\r\n   x\r\n",
            "a:\n  - b\n - c",
            "a: \"unterminated",
            "{a: 1",
            "a: *nope",
            "a: !!python/object x",
            "\uFEFFa: b")) {
      assertSame(text, text);
    }
  }

  @Test
  void marksFarIntoALongTextAndAtItsEndAreTheStockReadersMarks() {
    // Long texts on one line and on many, and errors near the end.
    String longLine = "a: [" + "x, ".repeat(3_000) + "y]\n";
    String manyLines = "a:\n" + "  - b: c\n".repeat(2_000);
    for (String text : List.of(longLine, manyLines, manyLines + "  - {d", longLine + "e: 'f")) {
      assertSame(text, text.substring(0, 20) + "... (" + text.length() + " chars)");
    }
  }

  @Test
  void everyPublicMethodOfTheStockReaderIsOverridden() {
    // A method added to StreamReader by a later SnakeYAML would run on this reader's empty stream.
    List<String> missing = new ArrayList<>();
    for (Method m : StreamReader.class.getDeclaredMethods()) {
      if (Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers())) {
        try {
          assertThat(TextReader.class.getDeclaredMethod(m.getName(), m.getParameterTypes()))
              .isNotNull();
        } catch (NoSuchMethodException e) {
          missing.add(m.getName());
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void surrogatePairsKeepTheStockReader() {
    assertThat(TextReader.of("a: \uD83D\uDE00", false)).isExactlyInstanceOf(StreamReader.class);
    assertThat(TextReader.of("a: é", false)).isExactlyInstanceOf(TextReader.class);
  }

  private static void assertSame(String text, String what) {
    StreamReader fast = TextReader.of(text, false);
    assertThat(fast).isExactlyInstanceOf(TextReader.class);
    assertThat(trace(fast)).as(what).isEqualTo(trace(new StreamReader(new StringReader(text))));
  }

  private static List<String> trace(StreamReader reader) {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(Integer.MAX_VALUE);
    options.setProcessComments(false);
    List<String> out = new ArrayList<>();
    try {
      Parser parser = new ParserImpl(reader, options);
      for (Event e = parser.getEvent(); e != null; e = parser.getEvent()) {
        out.add(e + " " + mark(e.getStartMark()) + " " + mark(e.getEndMark()));
      }
    } catch (MarkedYAMLException e) {
      out.add(
          e.getClass().getSimpleName()
              + " "
              + e.getProblem()
              + " "
              + mark(e.getProblemMark())
              + " "
              + e.getContext()
              + " "
              + mark(e.getContextMark()));
    } catch (YAMLException e) {
      out.add(e.getClass().getSimpleName() + " " + e.getMessage());
    }
    return out;
  }

  private static String mark(Mark m) {
    return m == null ? "-" : m.getLine() + ":" + m.getColumn() + "@" + m.getIndex();
  }
}
