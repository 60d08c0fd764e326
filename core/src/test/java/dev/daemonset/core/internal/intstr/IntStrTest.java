package dev.daemonset.core.internal.intstr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daemonset.api.model.IntOrString;
import dev.daemonset.api.model.JsonValue;
import org.junit.jupiter.api.Test;

/** The int-or-percent helpers every stage uses. */
class IntStrTest {

  @Test
  void scalesRoundingUpOrDownAsAsked() {
    assertThat(IntStr.scaledValue(IntOrString.of("10%"), 15, true)).isEqualTo(2);
    assertThat(IntStr.scaledValue(IntOrString.of("10%"), 15, false)).isEqualTo(1);
    assertThat(IntStr.scaledValue(IntOrString.of(7), 15, true)).isEqualTo(7);
    assertThat(IntStr.scaledValue(IntOrString.of("-50%"), 5, true)).isEqualTo(-2);
    assertThatThrownBy(() -> IntStr.scaledValue(IntOrString.of("5"), 10, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid value \"5\": not a percentage");
  }

  @Test
  void fromJsonTakesStringsAndInt32Only() {
    assertThat(IntStr.fromJson(JsonValue.of("25%"))).isEqualTo(IntOrString.of("25%"));
    assertThat(IntStr.fromJson(new JsonValue.Num("2147483647")))
        .isEqualTo(IntOrString.of(Integer.MAX_VALUE));
    assertThat(IntStr.fromJson(new JsonValue.Num("2147483648"))).isNull();
    assertThat(IntStr.fromJson(new JsonValue.Num("1.5"))).isNull();
    assertThat(IntStr.fromJson(JsonValue.of(true))).isNull();
    assertThat(IntStr.fromJson(null)).isNull();
  }
}
