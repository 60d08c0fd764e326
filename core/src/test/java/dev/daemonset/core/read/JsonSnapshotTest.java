package dev.daemonset.core.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.ReadResult;
import java.nio.charset.StandardCharsets;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How {@link JsonSnapshot} reads a JSON stream: top-level values that are no objects, Lists whose
 * items are no objects or cannot be read, objects the binder leaves to the full reader, and the
 * object size limit counted in characters as the full reader counts them ({@link
 * SnapshotAgreement}).
 */
class JsonSnapshotTest {

  private static final String NODE =
      "{\"apiVersion\": \"v1\", \"kind\": \"Node\", \"metadata\": {\"name\": \"n\"}}";

  private static final String DAEMON_SET =
      "{\"apiVersion\": \"apps/v1\", \"kind\": \"DaemonSet\", \"metadata\": {\"name\": \"ds\","
          + " \"namespace\": \"x\"}}";

  private static String list(String... items) {
    return "{\"apiVersion\": \"v1\", \"kind\": \"List\", \"items\": ["
        + String.join(", ", items)
        + "]}";
  }

  private static String annotated(String value) {
    return "{\"apiVersion\": \"apps/v1\", \"kind\": \"DaemonSet\", \"metadata\": {\"name\": \"ds\","
        + " \"namespace\": \"x\", \"annotations\": {\"a\": \""
        + value
        + "\"}}}";
  }

  static Stream<Arguments> streams() {
    return Stream.of(
        Arguments.of("a number after an object", NODE + "\n5\n"),
        Arguments.of("a string after an object", NODE + " \"x\""),
        Arguments.of("an array after an object", NODE + " [1, {\"a\": 2}]"),
        Arguments.of("null after an object", NODE + " null " + NODE),
        Arguments.of("scalars and arrays as items", list("1", "\"x\"", "null", "[1, [2]]", NODE)),
        Arguments.of("an object, then a scalar as items", list(NODE, "true", NODE)),
        Arguments.of(
            "items after an unreadable item",
            list(NODE, annotated("a".repeat(80)), NODE, "[1]", "2")),
        Arguments.of(
            "apiVersion that is no string",
            "{\"apiVersion\": {\"x\": \"v1\"}, \"kind\": \"Node\"}"),
        Arguments.of(
            "kind that is no string",
            "{\"apiVersion\": \"v1\", \"kind\": [\"Node\"], \"metadata\": {}}"),
        Arguments.of(
            "apiVersion twice",
            "{\"apiVersion\": \"v1\", \"apiVersion\": \"v1\", \"kind\": \"Node\", \"metadata\": {}}"),
        Arguments.of(
            "kind twice",
            "{\"apiVersion\": \"v1\", \"kind\": \"Node\", \"kind\": \"Pod\", \"metadata\": {}}"),
        Arguments.of(
            "items of a kind that is no List", "{\"kind\": \"Node\", \"items\": [" + NODE + "]}"),
        Arguments.of(
            "items, then a kind that is no List",
            "{\"apiVersion\": \"v1\", \"items\": [" + NODE + "], \"kind\": \"Foo\"}"),
        Arguments.of(
            "items that are no array",
            "{\"apiVersion\": \"v1\", \"kind\": \"List\", \"items\": {}}"),
        Arguments.of(
            "a List with more keys after items",
            list(NODE).replace("]}", "], \"metadata\": {\"a\": [1]}, \"x\": 1}")),
        Arguments.of("only apiVersion and kind", "{\"apiVersion\": \"v1\", \"kind\": \"Node\"}"),
        Arguments.of("only a kind", "{\"kind\": \"Node\"}"),
        Arguments.of("an empty object", "{}"),
        Arguments.of("a DaemonSet and a Node", DAEMON_SET + NODE),
        Arguments.of("a DaemonSet in a List", list(NODE, DAEMON_SET, NODE)),
        Arguments.of("a DEL in a DaemonSet", annotated("\u007f")),
        Arguments.of("a DEL in a DaemonSet in a List", list(NODE, annotated("\u007f"), NODE)),
        Arguments.of("a C1 control in a DaemonSet", annotated("\u0080")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("streams")
  void readsWhatTheFullReaderReads(String what, String json) {
    ReadLimits limits = ReadLimits.DEFAULTS.withMaxStringLength(64);
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    SnapshotAgreement.assertAgree(
        ManifestReader.defaults().withLimits(limits).read(bytes),
        SnapshotReader.defaults().withLimits(limits).read(bytes),
        what);
  }

  @Test
  void theSecondItemUnreadableNamesItsNumber() {
    ReadLimits limits = ReadLimits.DEFAULTS.withMaxStringLength(64);
    String json = list(NODE, NODE, annotated("a".repeat(80)), NODE);
    ReadResult snapshot = SnapshotReader.defaults().withLimits(limits).read(json);
    assertThat(snapshot.documents()).isEmpty();
    assertThat(snapshot.diagnostics())
        .extracting(d -> d.code() + " " + d.path())
        .containsExactly("string-too-long items[2].metadata.annotations.a");
  }

  /**
   * Nested arrays in a field a snapshot skips, {@code depth} levels below a List's item: the full
   * reader counts the List's levels too.
   */
  private static String nested(int depth) {
    return list(
        "{\"apiVersion\": \"v1\", \"kind\": \"Node\", \"metadata\": {\"name\": \"n\"}, \"x\": "
            + "[".repeat(depth)
            + "]".repeat(depth)
            + "}");
  }

  @Test
  void nestingIsLimitedAsTheFullReaderLimitsIt() {
    ReadLimits limits = ReadLimits.DEFAULTS.withMaxDepth(8);
    IntStream.rangeClosed(1, 12)
        .forEach(
            depth -> {
              byte[] bytes = nested(depth).getBytes(StandardCharsets.UTF_8);
              ReadResult full = ManifestReader.defaults().withLimits(limits).read(bytes);
              ReadResult snapshot = SnapshotReader.defaults().withLimits(limits).read(bytes);
              assertThat(snapshot.nodes()).as("depth " + depth).hasSameSizeAs(full.nodes());
              assertThat(snapshot.diagnostics())
                  .as("depth " + depth)
                  .extracting(Diagnostic::code)
                  .isEqualTo(
                      full.diagnostics().stream()
                          .filter(
                              d -> !d.code().equals("unknown-field")) // no concern of a snapshot
                          .map(Diagnostic::code)
                          .toList());
            });
  }

  @Test
  void aLongNumberIsReportedAsTheFullReaderReportsIt() {
    ReadLimits limits = ReadLimits.DEFAULTS.withMaxNumberLength(10);
    String json = list(NODE.replace("\"n\"}", "\"n\", \"generation\": 123456789012345}"));
    ReadResult full = ManifestReader.defaults().withLimits(limits).read(json);
    ReadResult snapshot = SnapshotReader.defaults().withLimits(limits).read(json);
    assertThat(snapshot.documents()).isEmpty();
    assertThat(snapshot.diagnostics())
        .extracting(Diagnostic::code)
        .containsExactly("number-too-long")
        .isEqualTo(full.diagnostics().stream().map(Diagnostic::code).toList());
  }

  /**
   * The size limit counts characters as the full reader does: a character of two, three or four
   * bytes is one (four: two UTF-16 chars), so an object of more bytes than the limit may be within
   * it; the full reader's message names the exact count.
   */
  @ParameterizedTest
  @MethodSource("sizes")
  void theObjectLimitCountsCharacters(String filler, int extra) {
    // a DaemonSet is read again by the full reader, a Node is bound here: both count alike
    for (String object :
        new String[] {
          annotated(filler.repeat(20)),
          NODE.replace("\"n\"}", "\"n\", \"annotations\": {\"a\": \"" + filler.repeat(20) + "\"}}")
        }) {
      agreeOnTheLimit(object, object.length() + extra);
    }
  }

  private static void agreeOnTheLimit(String object, int limit) {
    ReadLimits limits = ReadLimits.DEFAULTS.withMaxObjectSize(limit);
    for (String json : new String[] {object, list(NODE, object), NODE + "\n" + object}) {
      byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
      SnapshotAgreement.assertAgree(
          ManifestReader.defaults().withLimits(limits).read(bytes),
          SnapshotReader.defaults().withLimits(limits).read(bytes),
          limit + ": " + json);
    }
  }

  static Stream<Arguments> sizes() {
    return Stream.of("a", "\u00e9", "\u20ac", "\ud83d\ude00")
        .flatMap(f -> Stream.of(Arguments.of(f, -1), Arguments.of(f, 0), Arguments.of(f, 1)));
  }

  @Test
  void anObjectLongerThanTheWindowIsTooLarge() {
    ReadLimits limits = ReadLimits.DEFAULTS.withMaxObjectSize(400);
    StringBuilder annotations = new StringBuilder();
    for (int i = 0; i < 150_000; i++) {
      annotations.append(i == 0 ? "" : ", ").append("\"a").append(i).append("\": \"b\"");
    }
    String big =
        "{\"apiVersion\": \"apps/v1\", \"kind\": \"DaemonSet\", \"metadata\": {\"annotations\": {"
            + annotations
            + "}}}";
    for (String json : new String[] {big, list(NODE, big, NODE)}) {
      ReadResult snapshot = SnapshotReader.defaults().withLimits(limits).read(json);
      assertThat(snapshot.nodes()).hasSize(json.equals(big) ? 0 : 2);
      assertTooLargeOnly(snapshot);
    }
  }

  @Test
  void aListThatIsNoListAfterAllIsReadWholeWithinTheWindow() {
    ReadLimits limits = ReadLimits.DEFAULTS.withMaxObjectSize(400);
    String items = String.join(", ", java.util.Collections.nCopies(3_000, NODE));
    String json = "{\"apiVersion\": \"v1\", \"items\": [" + items + "], \"kind\": \"Foo\"}";
    ReadResult snapshot = SnapshotReader.defaults().withLimits(limits).read(json);
    assertThat(snapshot.documents()).isEmpty();
    assertTooLargeOnly(snapshot);
  }

  /** One error: an object longer than the limit, whose bytes were let go before its end. */
  private static void assertTooLargeOnly(ReadResult snapshot) {
    assertThat(snapshot.diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo("document-too-large");
              assertThat(d.message()).startsWith("this object is more than ");
            });
  }
}
