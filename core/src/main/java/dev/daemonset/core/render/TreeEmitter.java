package dev.daemonset.core.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.daemonset.api.model.JsonValue;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Writes a JSON tree with Jackson's generators: JSON with {@link ManifestPrettyPrinter} and {@link
 * JsonEscapes}, YAML through jackson-dataformat-yaml (SnakeYAML's emitter) in block style, plain
 * where {@link KubectlQuoting} allows it, double-quoted otherwise, multi-line strings as literal
 * blocks where a literal block can hold them exactly, no document marker and no line folding. Text
 * that is not valid Unicode (a lone surrogate) is written as U+FFFD, the replacement character Go's
 * decoders read it as.
 */
final class TreeEmitter {
  private TreeEmitter() {}

  private static final JsonFactory JSON = new JsonFactory();

  private static final JsonEscapes ESCAPES = new JsonEscapes();

  private static final YAMLFactory YAML =
      YAMLFactory.builder()
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
          .disable(YAMLGenerator.Feature.SPLIT_LINES)
          .disable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
          .stringQuotingChecker(new KubectlQuoting())
          .build();

  /** {@code tree} as pretty-printed JSON, with a final newline. */
  static String json(JsonValue tree) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.setPrettyPrinter(new ManifestPrettyPrinter());
      g.setCharacterEscapes(ESCAPES);
      write(tree, g);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to a string", e);
    }
    return out.append('\n').toString();
  }

  /** {@code tree} as one block-style YAML document, ending in a newline. */
  static String yaml(JsonValue tree) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = YAML.createGenerator(out)) {
      write(tree, g);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to a string", e);
    }
    return out.toString();
  }

  private static void write(JsonValue v, JsonGenerator g) throws IOException {
    switch (v.kind()) {
      case OBJECT -> {
        g.writeStartObject();
        for (Map.Entry<String, JsonValue> e : v.members().entrySet()) {
          g.writeFieldName(text(e.getKey()));
          write(e.getValue(), g);
        }
        g.writeEndObject();
      }
      case ARRAY -> {
        g.writeStartArray();
        for (JsonValue element : v.elements()) {
          write(element, g);
        }
        g.writeEndArray();
      }
      case STRING -> string(text(((JsonValue.Str) v).value()), g);
      case NUMBER -> g.writeNumber(((JsonValue.Num) v).literal());
      case BOOLEAN -> g.writeBoolean(((JsonValue.Bool) v).value());
      case NULL -> g.writeNull();
    }
  }

  /**
   * Writes a string. In YAML, jackson-dataformat-yaml asks for a literal block for every string
   * with a line feed; a literal block turns the other line breaks (NEL, U+2028, U+2029) into line
   * feeds, so a string with one of those is written double-quoted, where they are escaped.
   */
  private static void string(String s, JsonGenerator g) throws IOException {
    if (g instanceof YAMLGenerator yaml
        && s.indexOf('\n') >= 0
        && (s.indexOf('\u0085') >= 0 || s.indexOf('\u2028') >= 0 || s.indexOf('\u2029') >= 0)) {
      yaml.disable(YAMLGenerator.Feature.MINIMIZE_QUOTES);
      yaml.writeString(s);
      yaml.enable(YAMLGenerator.Feature.MINIMIZE_QUOTES);
    } else {
      g.writeString(s);
    }
  }

  /** {@code s} with every lone surrogate replaced by U+FFFD. */
  static String text(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isSurrogate(s.charAt(i))) {
        return replaceLoneSurrogates(s);
      }
    }
    return s;
  }

  private static String replaceLoneSurrogates(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        out.append(c).append(s.charAt(++i));
      } else {
        out.append(Character.isSurrogate(c) ? '\uFFFD' : c);
      }
    }
    return out.toString();
  }
}
