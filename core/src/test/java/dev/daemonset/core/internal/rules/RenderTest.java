package dev.daemonset.core.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.model.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How bad values and messages are rendered: Go's {@code %q} ({@code strconv.Quote}), Go's JSON
 * encoder, and the escaping that keeps a message literal through the Jakarta interpolator.
 */
class RenderTest {

  @Test
  void goQuoteEscapesWhatStrconvQuoteEscapes() {
    assertThat(Render.goQuote("a b\"c\\")).isEqualTo("\"a b\\\"c\\\\\"");
    assertThat(Render.goQuote("\t\n\r\u0007\b\f\u000b")).isEqualTo("\"\\t\\n\\r\\a\\b\\f\\v\"");
    // below 0x20 and DEL as \x, lower-case hex
    assertThat(Render.goQuote("\u0001\u001f\u007f")).isEqualTo("\"\\x01\\x1f\\x7f\"");
    // C1 controls, spaces other than U+0020, format and private-use characters are not printable
    assertThat(Render.goQuote("\u0085\u00a0\u200b\u2028\ue000"))
        .isEqualTo("\"\\u0085\\u00a0\\u200b\\u2028\\ue000\"");
    // letters, symbols and characters outside the BMP that are printable stay as they are
    assertThat(Render.goQuote("é€😀")).isEqualTo("\"é€😀\"");
    // an unassigned code point beyond the BMP is \U with eight digits
    assertThat(Render.goQuote(new String(Character.toChars(0xE0080)))).isEqualTo("\"\\U000e0080\"");
  }

  @Test
  void jsonStringEscapesWhatGosEncoderEscapes() {
    assertThat(Render.jsonString("a b")).isEqualTo("\"a b\"");
    assertThat(Render.jsonString("<>&\u2028\u2029"))
        .isEqualTo("\"\\u003c\\u003e\\u0026\\u2028\\u2029\"");
    assertThat(Render.jsonString("\u0001\u001f\t\"\\")).isEqualTo("\"\\u0001\\u001f\\t\\\"\\\\\"");
    assertThat(Render.jsonString("\u007f\u00a0")).isEqualTo("\"\u007f\u00a0\"");
  }

  @Test
  void anUntypedValueIsCompactJson() {
    Map<String, JsonValue> members = new LinkedHashMap<>();
    members.put("a", new JsonValue.Arr(List.of(JsonValue.of(1), JsonValue.of("x<"))));
    members.put("b", new JsonValue.Obj(Map.of()));
    members.put("c", JsonValue.NULL);
    assertThat(Render.json(new JsonValue.Obj(members)))
        .isEqualTo("{\"a\":[1,\"x\\u003c\"],\"b\":{},\"c\":null}");
    assertThat(Render.json(new JsonValue.Arr(List.of()))).isEqualTo("[]");
    assertThat(Render.json(JsonValue.of(true))).isEqualTo("true");
  }

  @Test
  void aFieldErrorPrintsAsTheServersLine() {
    FieldError e =
        new FieldError(ErrorType.REQUIRED, "spec.selector", "Required value", "spec", false);
    assertThat(e).hasToString("spec.selector: Required value");
  }

  @Test
  void messagesAreEscapedForTheInterpolatorEvenWhenShort() {
    assertThat(Violations.escape("")).isEmpty();
    assertThat(Violations.escape("{a}")).isEqualTo("\\{a\\}");
    assertThat(Violations.escape("${x} \\ $")).isEqualTo("\\$\\{x\\} \\\\ \\$");
  }
}
