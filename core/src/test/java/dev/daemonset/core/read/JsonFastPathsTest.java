package dev.daemonset.core.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.daemonset.api.ReadResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two fast paths of reading JSON: ASCII text is parsed from its bytes (Jackson's byte parser)
 * rather than its chars, and token offsets are found by scanning the text rather than asked of
 * Jackson. With and without them the trees, spans and findings must be the same: every real-world
 * manifest, written as JSON in every layout (one line, pretty with each kind of line break, tabs,
 * non-ASCII characters escaped or not), is read both ways and compared node for node, and so is
 * broken JSON, cut at every few characters, and JSON whose documents are abandoned part-way.
 */
class JsonFastPathsTest {

  private static final ObjectMapper ASCII =
      JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
  private static final ObjectMapper UNICODE = new JsonMapper();

  static Stream<Path> manifests() throws IOException {
    return RealWorldTest.manifests();
  }

  /** The manifest's documents as JSON texts in a row, in several layouts. */
  private static List<String> layouts(Path yaml) throws IOException {
    List<JsonNode> documents = new ArrayList<>();
    try (MappingIterator<JsonNode> it =
        new YAMLMapper().readerFor(JsonNode.class).readValues(Files.readAllBytes(yaml))) {
      while (it.hasNext()) {
        JsonNode n = it.next();
        if (n != null && n.isObject()) {
          documents.add(n);
        }
      }
    }
    List<String> texts = new ArrayList<>();
    texts.add(write(UNICODE, documents, new DefaultIndenter("  ", "\n"), "\n"));
    texts.add(write(ASCII, documents, null, "\n"));
    for (String lineBreak : List.of("\n", "\r\n", "\r")) {
      texts.add(write(ASCII, documents, new DefaultIndenter("  ", lineBreak), lineBreak));
    }
    texts.add(write(ASCII, documents, new DefaultIndenter("\t", "\n"), "\n"));
    return texts;
  }

  private static String write(
      ObjectMapper mapper,
      List<JsonNode> documents,
      @Nullable DefaultIndenter indenter,
      String between)
      throws IOException {
    StringBuilder out = new StringBuilder();
    for (JsonNode d : documents) {
      String json =
          indenter == null
              ? mapper.writeValueAsString(d)
              : mapper
                  .writer(
                      new DefaultPrettyPrinter()
                          .withObjectIndenter(indenter)
                          .withArrayIndenter(indenter))
                  .writeValueAsString(d);
      out.append(json).append(between);
    }
    return out.toString();
  }

  private static List<RawDocument> read(String text, ReadLimits limits, boolean fastPaths) {
    List<RawDocument> out = new ArrayList<>();
    boolean ascii =
        text.chars().allMatch(c -> c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0x7f));
    JsonTreeBuilder.read(text, ascii, limits, fastPaths, out::add);
    return out;
  }

  private static void assertSameBothWays(String text, ReadLimits limits) {
    List<RawDocument> bytes = read(text, limits, true);
    List<RawDocument> chars = read(text, limits, false);
    assertThat(bytes).as("documents of %s", text).hasSameSizeAs(chars);
    for (int i = 0; i < bytes.size(); i++) {
      assertThat(bytes.get(i)).as("document %d of %s", i, text).isEqualTo(chars.get(i));
    }
  }

  @ParameterizedTest
  @MethodSource("manifests")
  void bytesAndCharsGiveTheSameTrees(Path file) throws IOException {
    for (String text : layouts(file)) {
      assertSameBothWays(text, ReadLimits.DEFAULTS);
    }
  }

  @Test
  void brokenJsonGivesTheSameFindingsBothWays() {
    String ok =
        "{\r\n  \"apiVersion\": \"apps/v1\",\r\n  \"kind\": \"DaemonSet\",\r\n"
            + "  \"metadata\": {\"name\": \"a\", \"name\": \"b\\\"c\"},\r\n"
            + "  \"spec\": {\"x\": [12345678901, -1.5e3, true, false, null, {\"y\": [[]]}]}\r\n}\n";
    String wide = ok.replace("\"a\"", "\"\u00e9\ud83d\ude00\"").replace("\"x\"", "\"\u00fc\"");
    for (String text : List.of(ok, wide)) {
      assertSameBothWays(text, ReadLimits.DEFAULTS);
      for (int cut = 1; cut < text.length(); cut += 3) {
        assertSameBothWays(text.substring(0, cut), ReadLimits.DEFAULTS);
        assertSameBothWays(text.substring(0, cut) + "x" + text.substring(cut), ReadLimits.DEFAULTS);
      }
      // abandoned documents: the rest of each is skipped unseen, and the next is read afresh
      for (ReadLimits small :
          List.of(
              ReadLimits.DEFAULTS.withMaxStringLength(4),
              ReadLimits.DEFAULTS.withMaxNumberLength(5),
              ReadLimits.DEFAULTS.withMaxDepth(1),
              ReadLimits.DEFAULTS.withMaxDepth(3))) {
        assertSameBothWays(text + text + text, small);
      }
      assertSameBothWays(text.replace("\r\n", "\r") + "{\"kind\": }", ReadLimits.DEFAULTS);
    }
  }

  @Test
  void readsAsciiAndWideJsonAlikeWithAndWithoutFastPaths() {
    String ascii = "{\"apiVersion\": \"v1\", \"kind\": \"Node\", \"metadata\": {\"name\": \"a\"}}";
    String wide = ascii.replace("\"a\"", "\"\u00e9\"");
    for (String text : List.of(ascii, wide, ascii + "\n{\"kind\": tru}")) {
      byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
      ReadResult fast = ManifestReader.defaults().read(utf8);
      ReadResult slow = ManifestReader.defaults().withoutFastPaths().read(utf8);
      assertThat(fast.diagnostics()).isEqualTo(slow.diagnostics());
      assertThat(fast.documents()).hasSize(1);
      assertThat(fast.documents().get(0).object()).isEqualTo(slow.documents().get(0).object());
      assertThat(fast.documents().get(0).sourceMap().value("metadata.name"))
          .isEqualTo(slow.documents().get(0).sourceMap().value("metadata.name"))
          .isPresent();
    }
  }

  /**
   * A string token ends at the first quote after an even run of backslashes: the scan that finds it
   * must count a run that starts right after the opening quote, and a run of any length.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"\"",
        "\"\\\"x\"",
        "\"\\\\\"",
        "\"\\\\\\\"\"",
        "\"a\\\\\"",
        "\"a\\\"b\\\\\"",
        "\"\\\\\\\\\\\"\\\"\""
      })
  void aStringEndsAtItsClosingQuoteWhateverTheBackslashes(String literal) {
    String text =
        "{\"apiVersion\": \"v1\", \"kind\": \"Node\", \"metadata\": {\"name\": " + literal + "}}";
    int open = text.indexOf("\"name\": ") + "\"name\": ".length();
    assertThat(JsonTreeBuilder.stringEnd(text, open)).isEqualTo(open + literal.length());
    ReadResult r = ManifestReader.defaults().read(text.getBytes(StandardCharsets.UTF_8));
    assertThat(r.documents()).hasSize(1);
    assertThat(r.documents().get(0).sourceMap().value("metadata.name"))
        .hasValueSatisfying(
            span -> {
              assertThat(span.column()).isEqualTo(open + 1);
              assertThat(span.endColumn()).isEqualTo(open + literal.length() + 1);
            });
  }
}
