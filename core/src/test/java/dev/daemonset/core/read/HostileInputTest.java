package dev.daemonset.core.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.ReadResult;
import dev.daemonset.api.Span;
import dev.daemonset.core.Seeds;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Hostile input gives one located error, never an exception, and fits the test heap (512 MiB). */
@ExtendWith(Seeds.class)
class HostileInputTest {

  private static Diagnostic only(ReadResult r) {
    assertThat(r.diagnostics()).filteredOn(Diagnostic::isError).hasSize(1);
    return r.diagnostics().stream().filter(Diagnostic::isError).findFirst().orElseThrow();
  }

  private static ReadResult read(String text) {
    return ManifestReader.defaults().read(text);
  }

  @Test
  void billionLaughs() {
    StringBuilder s = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (char c = 'b'; c <= 'i'; c++) {
      s.append(c)
          .append(": &")
          .append(c)
          .append(" [")
          .append(String.join(", ", Collections.nCopies(9, "*" + (char) (c - 1))))
          .append("]\n");
    }
    Diagnostic d = only(read(s.toString()));
    assertThat(d.code()).isEqualTo("too-many-aliases");
    assertThat(d.span()).isEqualTo(new Span(0, 5, 8, 5, 10));
    assertThat(d.path()).isEqualTo("e[0]");
  }

  @Test
  void tooManyAliases() {
    StringBuilder s = new StringBuilder("a: &a x\nb:\n");
    for (int i = 0; i < 51; i++) {
      s.append("- *a\n");
    }
    Diagnostic d = only(read(s.toString()));
    assertThat(d.code()).isEqualTo("too-many-aliases");
    assertThat(d.span()).isEqualTo(new Span(0, 53, 3, 53, 5));
  }

  @Test
  void deepBlockNesting() {
    // compact nested block sequences: "- - - ... x", 10,000 levels on one line
    Diagnostic d = only(read("- ".repeat(10_000) + "x\n"));
    assertThat(d.code()).isEqualTo("nesting-too-deep");
    assertThat(d.path()).isEqualTo("[0]".repeat(64));
    assertThat(d.span()).isEqualTo(Span.at(0, 1, 129));
  }

  @Test
  void deepIndentedBlockNesting() {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      s.append(" ".repeat(i)).append("k:\n");
    }
    Diagnostic d = only(read(s.toString()));
    assertThat(d.code()).isEqualTo("nesting-too-deep");
    assertThat(d.span()).isEqualTo(Span.at(0, 65, 65));
  }

  @Test
  void deepFlowNesting() {
    Diagnostic d = only(read("a: " + "[".repeat(10_000) + "]".repeat(10_000)));
    assertThat(d.code()).isEqualTo("nesting-too-deep");
    assertThat(d.span()).isEqualTo(Span.at(0, 1, 67));
  }

  @Test
  void deepJsonNesting() {
    Diagnostic d = only(read("{\"a\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}"));
    assertThat(d.code()).isEqualTo("nesting-too-deep");
    assertThat(d.span()).isEqualTo(Span.at(0, 1, 70));
  }

  @Test
  void fourMebibyteDocument() {
    StringBuilder s = new StringBuilder("apiVersion: v1\nkind: ConfigMap\ndata:\n");
    String chunk = "x".repeat(1000);
    for (int i = 0; i < 4200; i++) {
      s.append("  k").append(i).append(": ").append(chunk).append('\n');
    }
    Diagnostic d = only(read(s.toString()));
    assertThat(d.code()).isEqualTo("document-too-large");
    assertThat(d.span()).isEqualTo(Span.at(0, 1, 1));
  }

  @Test
  void twoMebibyteString() {
    Diagnostic d =
        only(read("apiVersion: v1\nkind: ConfigMap\ndata:\n  x: " + "a".repeat(2 << 20) + "\n"));
    assertThat(d.code()).isEqualTo("string-too-long");
    assertThat(d.path()).isEqualTo("data.x");
    assertThat(d.span()).isEqualTo(new Span(0, 4, 6, 4, 6 + (2 << 20)));
  }

  @Test
  void longNumber() {
    Diagnostic d = only(read("a: " + "1".repeat(100) + "\n"));
    assertThat(d.code()).isEqualTo("number-too-long");
    assertThat(d.span()).isEqualTo(new Span(0, 1, 4, 1, 104));
  }

  @Test
  void javaTag() {
    Diagnostic d =
        only(read("apiVersion: v1\nkind: Pod\nmetadata: !!java.net.URL [\"http://x\"]\n"));
    assertThat(d.code()).isEqualTo("forbidden-tag");
    assertThat(d.path()).isEqualTo("metadata");
    assertThat(d.span()).isEqualTo(Span.at(0, 3, 11));
  }

  @Test
  void localTag() {
    Diagnostic d = only(read("a: !foo bar\n"));
    assertThat(d.code()).isEqualTo("forbidden-tag");
    assertThat(d.message()).startsWith("the tag !foo is not allowed");
  }

  @Test
  void invalidUtf8() {
    Diagnostic d =
        only(
            ManifestReader.defaults()
                .read(
                    new byte[] {
                      'a', ':', ' ', 'b', '\n', 'c', ':', ' ', (byte) 0xC3, (byte) 0x28
                    }));
    assertThat(d.code()).isEqualTo("invalid-encoding");
    assertThat(d.span()).isEqualTo(new Span(0, 2, 4, 2, 5));
  }

  @Test
  void randomBytes() {
    long seed = 20260128L;
    Seeds.use(seed);
    Random random = new Random(seed);
    for (int i = 0; i < 50; i++) {
      byte[] bytes = new byte[1 + random.nextInt(8192)];
      random.nextBytes(bytes);
      ReadResult r = ManifestReader.defaults().read(bytes);
      assertThat(r.diagnostics())
          .as("seed %d round %d", seed, i)
          .filteredOn(Diagnostic::isError)
          .hasSize(1);
      assertThat(r.documents()).isEmpty();
    }
  }

  @Test
  void nulBytes() {
    Diagnostic d = only(read("a: b\u0000c\n"));
    assertThat(d.code()).isEqualTo("invalid-encoding");
    assertThat(d.span()).isEqualTo(new Span(0, 1, 5, 1, 6));
  }

  @Test
  void utf16ByteOrderMark() {
    Diagnostic d =
        only(ManifestReader.defaults().read("\uFEFFa: b\n".getBytes(StandardCharsets.UTF_16LE)));
    assertThat(d.code()).isEqualTo("invalid-encoding");
    assertThat(d.span()).isEqualTo(new Span(0, 1, 1, 1, 2));
  }

  @Test
  void yamlSyntaxError() {
    Diagnostic d = only(read("a: b\n c: d: e\n"));
    assertThat(d.code()).isEqualTo("yaml-syntax");
    assertThat(d.span()).isEqualTo(Span.at(0, 2, 3));
  }

  @Test
  void jsonSyntaxError() {
    Diagnostic d = only(read("{\"a\": }"));
    assertThat(d.code()).isEqualTo("json-syntax");
    assertThat(d.span()).isEqualTo(Span.at(0, 1, 7));
  }

  @Test
  void totalLimit() {
    ReadResult r =
        ManifestReader.defaults()
            .withLimits(ReadLimits.DEFAULTS.withMaxTotalSize(10))
            .read("a: bcdefghijk\n");
    assertThat(only(r).code()).isEqualTo("document-too-large");
  }

  @Test
  void streamLongerThanTheTotalLimit() throws java.io.IOException {
    ReadResult r =
        ManifestReader.defaults()
            .withLimits(ReadLimits.DEFAULTS.withMaxTotalSize(10_000))
            .read(new java.io.ByteArrayInputStream(new byte[20_000]));
    Diagnostic d = only(r);
    assertThat(d.code()).isEqualTo("document-too-large");
    assertThat(d.message())
        .isEqualTo("the input is at least 16384 bytes long, more than the limit of 10000 bytes");
  }

  @Test
  void configuredLimitsApply() {
    ManifestReader strict =
        ManifestReader.defaults()
            .withLimits(
                ReadLimits.DEFAULTS
                    .withMaxDepth(2)
                    .withMaxAliases(0)
                    .withMaxStringLength(3)
                    .withMaxNumberLength(2));
    assertThat(only(strict.read("a: {b: {c: 1}}")).code()).isEqualTo("nesting-too-deep");
    assertThat(only(strict.read("a: &x b\nc: *x")).code()).isEqualTo("too-many-aliases");
    assertThat(only(strict.read("a: bcde")).code()).isEqualTo("string-too-long");
    assertThat(only(strict.read("a: 123")).code()).isEqualTo("number-too-long");
    assertThat(
            only(ManifestReader.defaults()
                    .withLimits(ReadLimits.DEFAULTS.withMaxObjectSize(40))
                    .read("apiVersion: v1\nkind: Node\nmetadata: {name: abc}\n"))
                .code())
        .isEqualTo("document-too-large");
  }

  @Test
  void mebibyteStringPlusOneCharacter() {
    String value = "v".repeat((1 << 20) + 1);
    Diagnostic d =
        only(
            read(
                "apiVersion: v1\nkind: Node\nmetadata:\n  name: node1\n  labels:\n    k: "
                    + value
                    + "\n"));
    assertThat(d.code()).isEqualTo("string-too-long");
    assertThat(d.path()).isEqualTo("metadata.labels.k");
    assertThat(d.span()).isEqualTo(new Span(0, 6, 8, 6, 8 + value.length()));
    assertThat(d.message())
        .isEqualTo("a string of 1048577 characters is longer than the limit of 1048576");
  }

  @Test
  void longFloatAndLongJsonNumber() {
    Diagnostic yaml = only(read("a: 1." + "1".repeat(70) + "e5\n"));
    assertThat(yaml.code()).isEqualTo("number-too-long");
    assertThat(yaml.span()).isEqualTo(new Span(0, 1, 4, 1, 78));
    assertThat(yaml.message())
        .isEqualTo("a number literal of 74 characters is longer than the limit of 64");
    Diagnostic json = only(read("{\"a\": -" + "9".repeat(70) + "}"));
    assertThat(json.code()).isEqualTo("number-too-long");
    assertThat(json.span()).isEqualTo(new Span(0, 1, 7, 1, 78));
  }

  @Test
  void longQuotedDigitsAreAString() {
    ReadResult r =
        read(
            "apiVersion: v1\nkind: Node\nmetadata:\n  name: node1\n  labels: {k: \""
                + "1".repeat(70)
                + "\"}\n");
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.nodes().get(0).metadata().labels()).containsEntry("k", "1".repeat(70));
  }

  @Test
  void binaryTag() {
    Diagnostic d = only(read("apiVersion: v1\nkind: Node\nmetadata:\n  name: !!binary aGk=\n"));
    assertThat(d.code()).isEqualTo("forbidden-tag");
    assertThat(d.path()).isEqualTo("metadata.name");
    assertThat(d.span()).isEqualTo(Span.at(0, 4, 9));
    assertThat(d.message()).startsWith("the tag !!binary is not allowed");
  }

  @Test
  void nestedJavaConstructorTags() {
    // the classic SnakeYAML gadget: nothing is instantiated, the outermost tag is reported
    Diagnostic d =
        only(
            read(
                "a: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x\"]]]]\n"));
    assertThat(d.code()).isEqualTo("forbidden-tag");
    assertThat(d.path()).isEqualTo("a");
    assertThat(d.span()).isEqualTo(Span.at(0, 1, 4));
    assertThat(d.message()).startsWith("the tag !!javax.script.ScriptEngineManager is not allowed");
  }

  @Test
  void mergeKeyWithScalarValue() {
    ReadResult r = read("apiVersion: v1\nkind: Node\nmetadata:\n  name: node1\n  <<: x\n");
    Diagnostic d = only(r);
    assertThat(d.code()).isEqualTo("yaml-syntax");
    assertThat(d.path()).isEqualTo("metadata");
    assertThat(d.span()).isEqualTo(new Span(0, 5, 3, 5, 5));
    assertThat(d.message())
        .isEqualTo("a merge key (<<) needs a map or a list of maps as its value");
  }

  @Test
  void mergeKeysExpandedThroughAliasesCountAgainstTheBudget() {
    // *m weighs 101 nodes (the map and its 100 values): the 100th merge passes 10,000
    StringBuilder s = new StringBuilder("m: &m {");
    for (int i = 0; i < 100; i++) {
      s.append(i == 0 ? "" : ", ").append('k').append(i).append(": v");
    }
    s.append("}\nl:\n");
    for (int i = 0; i < 200; i++) {
      s.append("- {<<: *m}\n");
    }
    ReadResult r =
        ManifestReader.defaults()
            .withLimits(ReadLimits.DEFAULTS.withMaxAliases(1000))
            .read(s.toString());
    Diagnostic d = only(r);
    assertThat(d.code()).isEqualTo("too-many-aliases");
    assertThat(d.message()).isEqualTo("aliases expand to more than 10000 nodes in one document");
    assertThat(d.path()).isEqualTo("l[99][<<]");
  }

  @Test
  void nulByteInJsonString() {
    Diagnostic d = only(read("{\"a\": \"b\u0000\"}"));
    assertThat(d.code()).isEqualTo("invalid-encoding");
    assertThat(d.span()).isEqualTo(new Span(0, 1, 9, 1, 10));
    assertThat(d.message())
        .isEqualTo(
            "the input contains the control character U+0000: it is binary or corrupt, not a manifest");
  }

  @Test
  void overlongAndTruncatedUtf8() {
    Diagnostic overlong =
        only(
            ManifestReader.defaults()
                .read(new byte[] {'a', ':', ' ', (byte) 0xC0, (byte) 0xAF, '\n'}));
    assertThat(overlong.code()).isEqualTo("invalid-encoding");
    assertThat(overlong.span()).isEqualTo(new Span(0, 1, 4, 1, 5));
    assertThat(overlong.message())
        .isEqualTo("invalid UTF-8 at byte 3 (0xC0): manifests must be UTF-8 text");
    Diagnostic truncated =
        only(
            ManifestReader.defaults()
                .read(
                    new byte[] {
                      'a', ':', ' ', 'x', '\n', 'b', ':', ' ', (byte) 0xE2, (byte) 0x82
                    }));
    assertThat(truncated.code()).isEqualTo("invalid-encoding");
    assertThat(truncated.span()).isEqualTo(new Span(0, 2, 4, 2, 5));
  }

  @Test
  void utf16BigEndianByteOrderMark() {
    Diagnostic d =
        only(ManifestReader.defaults().read("\uFEFFa: b\n".getBytes(StandardCharsets.UTF_16BE)));
    assertThat(d.code()).isEqualTo("invalid-encoding");
    assertThat(d.span()).isEqualTo(new Span(0, 1, 1, 1, 2));
    assertThat(d.message()).startsWith("the input starts with a UTF-16 byte order mark");
  }

  @Test
  void utf16WithoutByteOrderMarkIsBinary() {
    Diagnostic d =
        only(ManifestReader.defaults().read("a: b\n".getBytes(StandardCharsets.UTF_16LE)));
    assertThat(d.code()).isEqualTo("invalid-encoding");
    assertThat(d.span()).isEqualTo(new Span(0, 1, 2, 1, 3));
  }

  @Test
  void crlfErrorsAreLocatedOnTheirLine() {
    Diagnostic syntax =
        only(read("apiVersion: v1\r\nkind: Node\r\nmetadata:\r\n  name: a\r\n  x: [b\r\n"));
    assertThat(syntax.code()).isEqualTo("yaml-syntax");
    assertThat(syntax.span()).isEqualTo(Span.at(0, 6, 1));
    Diagnostic nul = only(read("a: b\r\nc: d\r\ne: \u0000\r\n"));
    assertThat(nul.code()).isEqualTo("invalid-encoding");
    assertThat(nul.span()).isEqualTo(new Span(0, 3, 4, 3, 5));
  }

  @Test
  void tabIndentation() {
    Diagnostic d = only(read("apiVersion: v1\nkind: Node\nmetadata:\n  name: a\n\tlabels: {}\n"));
    assertThat(d.code()).isEqualTo("yaml-syntax");
    assertThat(d.span()).isEqualTo(Span.at(0, 5, 1));
    assertThat(d.message()).contains("(Do not use \\t(TAB) for indentation)");
  }

  @Test
  void limitsMustBePositive() {
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> ReadLimits.DEFAULTS.withMaxDepth(0));
  }
}
