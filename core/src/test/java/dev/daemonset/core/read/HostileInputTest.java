package dev.daemonset.core.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.ReadResult;
import dev.daemonset.api.Span;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hostile input gives one located error, never an exception, and fits the test heap (512 MiB). */
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
      s.append(c).append(": &").append(c).append(" [")
          .append(String.join(", ", Collections.nCopies(9, "*" + (char) (c - 1)))).append("]\n");
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
    Diagnostic d = only(read("apiVersion: v1\nkind: ConfigMap\ndata:\n  x: " + "a".repeat(2 << 20) + "\n"));
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
    Diagnostic d = only(read("apiVersion: v1\nkind: Pod\nmetadata: !!java.net.URL [\"http://x\"]\n"));
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
    Diagnostic d = only(ManifestReader.defaults().read(
        new byte[] {'a', ':', ' ', 'b', '\n', 'c', ':', ' ', (byte) 0xC3, (byte) 0x28}));
    assertThat(d.code()).isEqualTo("invalid-encoding");
    assertThat(d.span()).isEqualTo(new Span(0, 2, 4, 2, 5));
  }

  @Test
  void randomBytes() {
    long seed = 20260128L;
    System.out.println("random bytes seed " + seed);
    Random random = new Random(seed);
    for (int i = 0; i < 50; i++) {
      byte[] bytes = new byte[1 + random.nextInt(8192)];
      random.nextBytes(bytes);
      ReadResult r = ManifestReader.defaults().read(bytes);
      assertThat(r.diagnostics()).as("seed %d round %d", seed, i).filteredOn(Diagnostic::isError).hasSize(1);
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
    Diagnostic d = only(ManifestReader.defaults().read("\uFEFFa: b\n".getBytes(StandardCharsets.UTF_16LE)));
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
    ReadResult r = ManifestReader.withLimits(ReadLimits.DEFAULT.withMaxTotalSize(10)).read("a: bcdefghijk\n");
    assertThat(only(r).code()).isEqualTo("document-too-large");
  }

  @Test
  void streamLongerThanTheTotalLimit() {
    ReadResult r = ManifestReader.withLimits(ReadLimits.DEFAULT.withMaxTotalSize(10_000))
        .read(new java.io.ByteArrayInputStream(new byte[20_000]));
    Diagnostic d = only(r);
    assertThat(d.code()).isEqualTo("document-too-large");
    assertThat(d.message()).isEqualTo("the input is at least 16384 bytes long, more than the limit of 10000 bytes");
  }

  @Test
  void configuredLimitsApply() {
    ManifestReader strict = ManifestReader.withLimits(ReadLimits.DEFAULT.withMaxDepth(2)
        .withMaxAliases(0).withMaxStringLength(3).withMaxNumberLength(2));
    assertThat(only(strict.read("a: {b: {c: 1}}")).code()).isEqualTo("nesting-too-deep");
    assertThat(only(strict.read("a: &x b\nc: *x")).code()).isEqualTo("too-many-aliases");
    assertThat(only(strict.read("a: bcde")).code()).isEqualTo("string-too-long");
    assertThat(only(strict.read("a: 123")).code()).isEqualTo("number-too-long");
    assertThat(only(ManifestReader.withLimits(ReadLimits.DEFAULT.withMaxObjectSize(40))
        .read("apiVersion: v1\nkind: Node\nmetadata: {name: abc}\n")).code())
        .isEqualTo("document-too-large");
  }

  @Test
  void limitsMustBePositive() {
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> ReadLimits.DEFAULT.withMaxDepth(0));
  }
}
