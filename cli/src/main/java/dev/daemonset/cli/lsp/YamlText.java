package dev.daemonset.cli.lsp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.daemonset.api.model.JsonValue;
import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * YAML the quick fixes write into a document: block mappings indented to fit where they go, and
 * scalars quoted exactly when a YAML 1.1 reader (kubectl) would read them as something else.
 * Written by Jackson's YAML generator.
 */
final class YamlText {
  private YamlText() {}

  private static final YAMLMapper MAPPER =
      new YAMLMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
              .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
              .build());

  /** Plain scalars that read as the same string in YAML 1.1 and 1.2. */
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z][-A-Za-z0-9_./]*");

  /** YAML 1.1 words that are not strings to go-yaml v2: booleans and null. */
  private static final Pattern NOT_A_STRING =
      Pattern.compile("(?i)y|yes|n|no|true|false|on|off|null|~");

  /** {@code s} as a YAML scalar that every reader reads as that string. */
  static String scalar(String s) {
    if (PLAIN.matcher(s).matches() && !NOT_A_STRING.matcher(s).matches()) {
      return s;
    }
    return json(s);
  }

  /** {@code s} as a double-quoted scalar (JSON string syntax, which YAML accepts). */
  static String json(String s) {
    return JsonNodeFactory.instance.textNode(s).toString();
  }

  /**
   * The members of {@code object} as block YAML lines, each indented by {@code indent} spaces and
   * ending in a line break.
   */
  static String block(Map<String, JsonValue> members, int indent) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    members.forEach((k, v) -> node.set(k, node(v)));
    String yaml;
    try {
      yaml = MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write YAML", e);
    }
    StringBuilder out = new StringBuilder();
    String pad = " ".repeat(indent);
    for (String line : yaml.split("\n", -1)) {
      if (!line.isEmpty()) {
        out.append(pad).append(line).append('\n');
      }
    }
    return out.toString();
  }

  static JsonNode node(JsonValue v) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (v instanceof JsonValue.Obj o) {
      ObjectNode n = f.objectNode();
      o.members().forEach((k, x) -> n.set(k, node(x)));
      return n;
    }
    if (v instanceof JsonValue.Arr a) {
      ArrayNode n = f.arrayNode();
      a.elements().forEach(x -> n.add(node(x)));
      return n;
    }
    if (v instanceof JsonValue.Str s) {
      return f.textNode(s.value());
    }
    if (v instanceof JsonValue.Bool b) {
      return f.booleanNode(b.value());
    }
    if (v instanceof JsonValue.Num n) {
      BigDecimal d = n.decimal();
      return n.isIntegral() ? f.numberNode(d.toBigInteger()) : f.numberNode(d);
    }
    return f.nullNode();
  }
}
