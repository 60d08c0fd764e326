package dev.daemonset.core.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.ReadResult;
import dev.daemonset.api.Span;
import dev.daemonset.api.model.Node;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Input that is merely large reads completely, within the test heap (512 MiB), right up to each
 * limit; one character past a limit is a located error. Linear cost is checked by counting the
 * bytes the reading thread allocates, not by a clock.
 */
class LargeInputTest {

  private static final int THREE_MIB = 3 << 20;

  /** A Node manifest of exactly {@code size} characters, padded with annotations. */
  private static String nodeOfSize(int size) {
    StringBuilder s =
        new StringBuilder("apiVersion: v1\nkind: Node\nmetadata:\n  name: big\n  annotations:\n");
    int i = 0;
    while (size - s.length() > 0) {
      String key = "    a" + i++ + ": ";
      int room = size - s.length() - key.length() - 1;
      s.append(key).append("x".repeat(Math.max(1, Math.min(room, 1_000_000)))).append('\n');
    }
    assertThat(s.length()).isEqualTo(size);
    return s.toString();
  }

  @Test
  void threeMebibyteObjectReads() {
    String text = nodeOfSize(THREE_MIB);
    ReadResult r = ManifestReader.defaults().read(text.getBytes(StandardCharsets.UTF_8));
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.nodes())
        .singleElement()
        .extracting(n -> n.metadata().annotations().size())
        .isEqualTo(4);
  }

  @Test
  void threeMebibytesAndOneByteIsTooLarge() {
    ReadResult r =
        ManifestReader.defaults().read(nodeOfSize(THREE_MIB + 1).getBytes(StandardCharsets.UTF_8));
    assertThat(r.documents()).isEmpty();
    assertThat(r.diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo("document-too-large");
              assertThat(d.span()).isEqualTo(Span.at(0, 1, 1));
              assertThat(d.message())
                  .isEqualTo(
                      "this object is 3145729 characters long, more than the limit of 3145728 for one object");
            });
  }

  @Test
  void hundredThousandKeyMapping() {
    StringBuilder s =
        new StringBuilder("apiVersion: v1\nkind: Node\nmetadata:\n  name: wide\n  labels:\n");
    for (int i = 0; i < 100_000; i++) {
      s.append("    k").append(i).append(": v").append(i).append('\n');
    }
    ReadResult r = ManifestReader.defaults().read(s.toString());
    assertThat(r.diagnostics()).isEmpty();
    Node node = r.nodes().get(0);
    assertThat(node.metadata().labels()).hasSize(100_000).containsEntry("k99999", "v99999");
  }

  /**
   * Minified JSON is one line. With a character beyond Latin-1 in it, Java stores the text as
   * UTF-16, and counting code points from the start of the line for every token was quadratic: this
   * document took 40 s to read, and takes about 1 s now. The timeout is the "large input
   * reads" guard, not a measurement: it fails the quadratic reader and leaves a slow machine
   * fifteen times the room.
   */
  @Test
  @Timeout(value = 15, unit = TimeUnit.SECONDS)
  void oneLineJsonWithWideCharactersReadsAndPlacesItsLastKey() {
    StringBuilder s =
        new StringBuilder(
            "{\"apiVersion\":\"v1\",\"kind\":\"Node\",\"metadata\":{\"name\":\"\u540d\",\"annotations\":{");
    for (int i = 0; i < 100_000; i++) {
      s.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"\u5024\"");
    }
    s.append("}},\"bogus\":1}");
    String text = s.toString();
    ReadResult r = ManifestReader.defaults().read(text);
    int column = text.indexOf("\"bogus\"") + 1; // every character is one code point here
    assertThat(r.diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo("unknown-field");
              assertThat(d.span()).isEqualTo(new Span(0, 1, column, 1, column + 7));
            });
    assertThat(r.nodes())
        .singleElement()
        .satisfies(n -> assertThat(n.metadata().annotations()).hasSize(100_000));
  }

  @Test
  void mebibyteLabelValue() {
    String value = "v".repeat(1 << 20);
    ReadResult r =
        ManifestReader.defaults()
            .read(
                "apiVersion: v1\nkind: Node\nmetadata:\n  name: node1\n  labels:\n    big: "
                    + value
                    + "\n");
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.nodes().get(0).metadata().labels().get("big")).hasSize(1 << 20);
  }

  @Test
  void numberAtTheLengthLimitReads() {
    ReadResult r =
        ManifestReader.defaults()
            .read(
                "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  x: "
                    + "7".repeat(64)
                    + "\n");
    assertThat(r.diagnostics()).extracting(Diagnostic::code).containsExactly("unknown-field");
    assertThat(r.pods()).hasSize(1);
  }

  private static String stream(int documents) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < documents; i++) {
      s.append("---\napiVersion: v1\nkind: Node\nmetadata:\n  name: n").append(i).append('\n');
    }
    return s.toString();
  }

  @Test
  void hundredThousandDocumentStream() {
    String text = stream(100_000);
    ReadResult r = ManifestReader.defaults().read(text);
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.nodes()).hasSize(100_000);
    assertThat(r.nodes().get(99_999).metadata().name()).isEqualTo("n99999");
    assertThat(r.documents().get(99_999).sourceMap()).isNotNull();
  }

  @ParameterizedTest(name = "known to be ASCII: {0}")
  @ValueSource(booleans = {true, false})
  void streamsCostLinearWork(boolean ascii) {
    // Known ASCII, both streams (under a MiB) go through the quick YAML parser; else SnakeYAML's.
    ManifestReader reader = ManifestReader.defaults();
    reader.parse(stream(1_000), ascii); // warm up: class loading and the first compilations
    long small = allocatedWhileReading(reader, stream(1_500), ascii);
    long large = allocatedWhileReading(reader, stream(15_000), ascii);
    // ten times the documents: about ten times the allocation; quadratic work would be ~100 times
    assertThat((double) large / small)
        .as("allocation ratio %d / %d", large, small)
        .isBetween(5.0, 15.0);
  }

  private static long allocatedWhileReading(ManifestReader reader, String text, boolean ascii) {
    long before = allocatedBytes();
    ReadResult r = reader.parse(text, ascii);
    long after = allocatedBytes();
    assertThat(r.documents())
        .hasSize(
            (int) IntStream.range(0, text.length()).filter(i -> text.startsWith("---", i)).count());
    return after - before;
  }

  /**
   * The bytes this thread has allocated so far (HotSpot's per-thread counter). Called reflectively
   * because the core module, which the tests are patched into, does not read jdk.management.
   */
  private static long allocatedBytes() {
    try {
      Object threads =
          Class.forName("java.lang.management.ManagementFactory")
              .getMethod("getThreadMXBean")
              .invoke(null);
      Method allocated =
          Class.forName("com.sun.management.ThreadMXBean")
              .getMethod("getThreadAllocatedBytes", long.class);
      return (long) allocated.invoke(threads, Thread.currentThread().getId());
    } catch (ReflectiveOperationException e) {
      throw new LinkageError("this JVM does not count allocated bytes", e);
    }
  }
}
