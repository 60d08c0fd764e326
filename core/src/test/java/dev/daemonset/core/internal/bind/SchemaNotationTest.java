package dev.daemonset.core.internal.bind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The resource notation of {@code schema.json}, parsed piece by piece (the whole resource is parsed
 * once, when the class loads, so these pin the parser itself).
 */
class SchemaNotationTest {

  private static Type parse(String json) throws IOException {
    try (JsonParser p = new JsonFactory().createParser(json)) {
      p.nextToken();
      return Schema.parse(p);
    }
  }

  @Test
  void everyScalarLabelNamesItsKind() throws IOException {
    assertThat(parse("\"string\"")).isEqualTo(Type.Scalar.STRING);
    assertThat(parse("\"integer\"")).isEqualTo(Type.Scalar.INTEGER);
    assertThat(parse("\"boolean\"")).isEqualTo(Type.Scalar.BOOLEAN);
    assertThat(parse("\"number\"")).isEqualTo(Type.Scalar.NUMBER);
    assertThat(parse("\"time\"")).isEqualTo(Type.Scalar.TIME);
    assertThat(parse("\"quantity\"")).isEqualTo(Type.Scalar.QUANTITY);
    assertThat(parse("\"int-or-string\"")).isEqualTo(Type.Scalar.INT_OR_STRING);
    assertThat(parse("\"any\"")).isEqualTo(Type.Scalar.ANY);
  }

  @Test
  void listsMapsAndStructsNest() throws IOException {
    Map<String, Type> fields = new LinkedHashMap<>();
    fields.put("b", new Type.ListOf(Type.Scalar.TIME));
    fields.put("a", new Type.MapOf(new Type.ListOf(Type.Scalar.QUANTITY)));
    fields.put("c", new Type.Struct(Map.of("*", Type.Scalar.ANY, "d", Type.Scalar.STRING)));
    Type parsed =
        parse(
            "{\"b\": [\"time\"], \"a\": {\"*\": [\"quantity\"]}, \"c\": {\"*\": \"any\", \"d\": \"string\"}}");
    assertThat(parsed).isEqualTo(new Type.Struct(fields));
    assertThat(((Type.Struct) parsed).fields().keySet()).containsExactly("b", "a", "c");
    assertThat(parse("{\"x\": \"string\"}"))
        .isEqualTo(new Type.Struct(Map.of("x", Type.Scalar.STRING)));
    assertThat(parse("{}")).isEqualTo(new Type.Struct(Map.of()));
  }

  @Test
  void malformedNotationIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> parse("\"float\""))
        .withMessage("unknown scalar type float");
    assertThatIllegalStateException()
        .isThrownBy(() -> parse("[\"string\", \"integer\"]"))
        .withMessage("schema.json: expected END_ARRAY but found VALUE_STRING");
    assertThatIllegalStateException()
        .isThrownBy(() -> parse("1"))
        .withMessage("schema.json: expected START_OBJECT but found VALUE_NUMBER_INT");
  }
}
