package dev.daemonset.core.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.ReadResult;
import dev.daemonset.api.Severity;
import dev.daemonset.api.Span;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The edges of what the reader accepts: byte order marks, exact size limits, the YAML-printable
 * character ranges, limit validation, diagnostic order and {@code v1 List} documents.
 */
class InputBoundariesTest {

  private static final String NODE = "apiVersion: v1\nkind: Node\nmetadata: {name: node1}\n";

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void aUtf8ByteOrderMarkIsSkippedAndDoesNotShiftColumns() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    ReadResult r = ManifestReader.defaults().read(concat(bom, utf8(NODE)));
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.nodes()).extracting(n -> n.metadata().name()).containsExactly("node1");
    assertThat(r.documents().get(0).sourceMap().value("apiVersion"))
        .contains(new Span(0, 1, 13, 1, 15));
    ReadResult text = ManifestReader.defaults().read("\uFEFF" + NODE);
    assertThat(text.documents().get(0).sourceMap().value("apiVersion"))
        .contains(new Span(0, 1, 13, 1, 15));
  }

  @Test
  void jsonAfterAUtf8ByteOrderMarkIsStillReadAsJson() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    ReadResult r = ManifestReader.defaults().read(concat(bom, utf8("{\"a\": }")));
    assertThat(r.diagnostics())
        .extracting(Diagnostic::code, Diagnostic::span)
        .containsExactly(tuple("json-syntax", Span.at(0, 1, 7)));
  }

  @Test
  void aBraceAfterTabsAndLineBreaksIsJson() {
    assertThat(ManifestReader.defaults().read("\t{\"a\": }").diagnostics())
        .extracting(Diagnostic::code, Diagnostic::span)
        .containsExactly(tuple("json-syntax", Span.at(0, 1, 8)));
    assertThat(ManifestReader.defaults().read("\r{\"a\": }").diagnostics())
        .extracting(Diagnostic::code, Diagnostic::span)
        .containsExactly(tuple("json-syntax", Span.at(0, 2, 7)));
  }

  /**
   * kubectl trims with Go's unicode.IsSpace, which counts the no-break spaces and NEL; Java's
   * isWhitespace does not.
   */
  @ParameterizedTest(name = "U+{0}")
  @ValueSource(chars = {'\u00A0', '\u0085', '\u2007', '\u202F'})
  void aBraceAfterANoBreakSpaceOrNextLineIsJsonAsKubectlDecides(char space) {
    ReadResult r =
        ManifestReader.defaults().read(space + "{\"apiVersion\": \"v1\", \"kind\": \"Node\"}");
    assertThat(r.diagnostics())
        .extracting(Diagnostic::code, Diagnostic::span)
        .containsExactly(tuple("json-syntax", Span.at(0, 1, 1)));
    assertThat(r.diagnostics().get(0).message()).startsWith("invalid JSON: Unexpected character");
  }

  @Test
  void whitespaceOnlyInputIsAnEmptyYamlStreamNotJson() {
    // U+2028 is Unicode whitespace (so not JSON) and a line break to YAML 1.1
    ReadResult r = ManifestReader.defaults().read(" \u2028\n");
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.documents()).isEmpty();
  }

  @Test
  void loneCarriageReturnsBreakJsonLines() {
    ReadResult r =
        ManifestReader.defaults()
            .read(
                "{\"apiVersion\": \"v1\",\r\"kind\": \"Node\",\r\"metadata\": {\"name\": \"a\", \"x\": 1}}\r");
    assertThat(r.diagnostics())
        .extracting(Diagnostic::code, Diagnostic::path, Diagnostic::span)
        .containsExactly(tuple("unknown-field", "metadata.x", new Span(0, 3, 27, 3, 30)));
  }

  @Test
  void aByteOrderMarkAloneIsAnEmptyStream() {
    ReadResult r =
        ManifestReader.defaults().read(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.documents()).isEmpty();
  }

  @Test
  void bytesThatOnlyStartLikeAByteOrderMarkAreInvalidUtf8() {
    assertThat(
            ManifestReader.defaults()
                .read(new byte[] {(byte) 0xEF, (byte) 0xBB, 'a'})
                .diagnostics())
        .extracting(Diagnostic::code, Diagnostic::message, Diagnostic::span)
        .containsExactly(
            tuple(
                "invalid-encoding",
                "invalid UTF-8 at byte 0 (0xEF): manifests must be UTF-8 text",
                new Span(0, 1, 1, 1, 2)));
    assertThat(ManifestReader.defaults().read(new byte[] {(byte) 0xEF, 'a', 'b'}).diagnostics())
        .extracting(Diagnostic::message)
        .containsExactly("invalid UTF-8 at byte 0 (0xEF): manifests must be UTF-8 text");
    assertThat(ManifestReader.defaults().read(new byte[] {(byte) 0xFE, 'a'}).diagnostics())
        .extracting(Diagnostic::message)
        .containsExactly("invalid UTF-8 at byte 0 (0xFE): manifests must be UTF-8 text");
    assertThat(ManifestReader.defaults().read(new byte[] {(byte) 0xFF, 'a'}).diagnostics())
        .extracting(Diagnostic::message)
        .containsExactly("invalid UTF-8 at byte 0 (0xFF): manifests must be UTF-8 text");
  }

  @Test
  void aTwoByteUtf16ByteOrderMarkIsRecognised() {
    String message =
        "the input starts with a UTF-16 byte order mark; manifests must be UTF-8, so save the file as UTF-8";
    assertThat(ManifestReader.defaults().read(new byte[] {(byte) 0xFF, (byte) 0xFE}).diagnostics())
        .extracting(Diagnostic::code, Diagnostic::message, Diagnostic::span)
        .containsExactly(tuple("invalid-encoding", message, new Span(0, 1, 1, 1, 2)));
    assertThat(ManifestReader.defaults().read(new byte[] {(byte) 0xFE, (byte) 0xFF}).diagnostics())
        .extracting(Diagnostic::message)
        .containsExactly(message);
  }

  @Test
  void inputOfExactlyTheTotalLimitIsRead() throws java.io.IOException {
    ManifestReader reader =
        ManifestReader.defaults().withLimits(ReadLimits.DEFAULTS.withMaxTotalSize(NODE.length()));
    assertThat(reader.read(NODE).nodes()).hasSize(1);
    assertThat(reader.read(utf8(NODE)).nodes()).hasSize(1);
    assertThat(reader.read(new ByteArrayInputStream(utf8(NODE))).nodes()).hasSize(1);
    String tooLarge =
        "the input is at least "
            + (NODE.length() + 1)
            + " bytes long, more than the limit of "
            + NODE.length()
            + " bytes";
    assertThat(reader.read(NODE + "\n").diagnostics())
        .extracting(Diagnostic::code, Diagnostic::message)
        .containsExactly(tuple("document-too-large", tooLarge));
    assertThat(reader.read(utf8(NODE + "\n")).diagnostics())
        .extracting(Diagnostic::message)
        .containsExactly(tooLarge);
    assertThat(reader.read(new ByteArrayInputStream(utf8(NODE + "\n"))).diagnostics())
        .extracting(Diagnostic::message)
        .containsExactly(tooLarge);
  }

  @Test
  void theEdgesOfThePrintableRangesAreText() {
    String value = " ~\u00A0\uD7FF\uE000\uFFFD\uD800\uDC00\uDBFF\uDFFF";
    ReadResult r =
        ManifestReader.defaults()
            .read(
                NODE
                    + "---\napiVersion: v1\nkind: Node\nmetadata:\n"
                    + "  name: m\n  annotations: {a: \""
                    + value
                    + "\"}\n");
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.nodes().get(1).metadata().annotations()).containsEntry("a", value);
  }

  @ParameterizedTest(name = "U+{0}")
  @ValueSource(
      ints = {0x01, 0x08, 0x0B, 0x1F, 0x7F, 0x84, 0x86, 0x9F, 0xD800, 0xDFFF, 0xFFFE, 0xFFFF})
  void charactersJustOutsideThePrintableRangesAreBinary(int c) {
    ReadResult r = ManifestReader.defaults().read("a: b\nc: x" + (char) c + "\n");
    assertThat(r.diagnostics())
        .extracting(Diagnostic::code, Diagnostic::message, Diagnostic::span)
        .containsExactly(
            tuple(
                "invalid-encoding",
                String.format(
                    Locale.ROOT,
                    "the input contains the control character U+%04X: it is binary or corrupt, not a manifest",
                    c),
                new Span(0, 2, 5, 2, 6)));
  }

  @Test
  void theSmallestLimitsAreValidAndOneLessIsNot() {
    ReadLimits smallest = new ReadLimits(1, 1, 1, 0, 0, 1, 1);
    assertThat(
            ReadLimits.DEFAULTS
                .withMaxObjectSize(1)
                .withMaxTotalSize(1)
                .withMaxDepth(1)
                .withMaxAliases(0)
                .withMaxAliasExpansion(0)
                .withMaxStringLength(1)
                .withMaxNumberLength(1))
        .isEqualTo(smallest);
    assertThat(ManifestReader.defaults().withLimits(smallest).limits()).isEqualTo(smallest);
    assertThatIllegalArgumentException().isThrownBy(() -> new ReadLimits(0, 1, 1, 0, 0, 1, 1));
    assertThatIllegalArgumentException().isThrownBy(() -> new ReadLimits(1, 0, 1, 0, 0, 1, 1));
    assertThatIllegalArgumentException().isThrownBy(() -> new ReadLimits(1, 1, 0, 0, 0, 1, 1));
    assertThatIllegalArgumentException().isThrownBy(() -> new ReadLimits(1, 1, 1, -1, 0, 1, 1));
    assertThatIllegalArgumentException().isThrownBy(() -> new ReadLimits(1, 1, 1, 0, -1, 1, 1));
    assertThatIllegalArgumentException().isThrownBy(() -> new ReadLimits(1, 1, 1, 0, 0, 0, 1));
    assertThatIllegalArgumentException().isThrownBy(() -> new ReadLimits(1, 1, 1, 0, 0, 1, 0));
  }

  @Test
  void diagnosticsOnOneLineAreOrderedByColumn() {
    // the duplicate key is found while parsing, the unknown field later while binding
    ReadResult r =
        ManifestReader.defaults()
            .read("apiVersion: v1\nkind: Node\nmetadata: {name: a, labelz: {}, name: b}\n");
    assertThat(r.diagnostics())
        .extracting(Diagnostic::code, Diagnostic::span)
        .containsExactly(
            tuple("unknown-field", new Span(0, 3, 21, 3, 27)),
            tuple("duplicate-key", new Span(0, 3, 33, 3, 37)));
  }

  @Test
  void findingsInsideAndOutsideListItemsGoToTheirDocument() {
    ReadResult r =
        ManifestReader.defaults()
            .read(
                """
        apiVersion: v1
        kind: List
        metadata: {resourceVersion: yes}
        items:
        - apiVersion: v1
          kind: Node
          metadata: {name: n1}
        - apiVersion: v1
          kind: Node
          metadata: {name: n2, labels: {on: x}}
        ---
        apiVersion: v1
        kind: Node
        metadata: {name: n3}
        """);
    assertThat(r.diagnostics())
        .extracting(Diagnostic::code, Diagnostic::path, Diagnostic::span)
        .containsExactly(
            tuple("yaml-ambiguous-scalar", "metadata.resourceVersion", new Span(0, 3, 29, 3, 32)),
            tuple("yaml-ambiguous-scalar", "metadata.labels", new Span(1, 10, 33, 10, 35)));
    assertThat(r.documents()).extracting(d -> d.index()).containsExactly(0, 1, 2);
    assertThat(r.nodes()).extracting(n -> n.metadata().name()).containsExactly("n1", "n2", "n3");
  }

  @Test
  void aFindingOnAListItemItselfBelongsToThatItem() {
    ReadResult r =
        ManifestReader.defaults()
            .read("apiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: Node}\n- yes\n");
    assertThat(r.diagnostics())
        .extracting(
            Diagnostic::severity,
            Diagnostic::code,
            Diagnostic::path,
            Diagnostic::message,
            Diagnostic::span)
        .containsExactly(
            tuple(
                Severity.WARNING,
                "yaml-ambiguous-scalar",
                "",
                "kubectl reads yes as the boolean true (YAML 1.1), but YAML 1.2 readers read the string \"yes\";"
                    + " write true for a boolean or \"yes\" (quoted) for a string",
                new Span(1, 5, 3, 5, 6)),
            tuple(
                Severity.ERROR,
                "invalid-type",
                "",
                "a manifest must be an object with apiVersion and kind, found the boolean true",
                new Span(1, 5, 3, 5, 6)));
    assertThat(r.nodes()).hasSize(1);
  }
}
