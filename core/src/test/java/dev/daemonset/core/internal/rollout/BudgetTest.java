package dev.daemonset.core.internal.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daemonset.api.model.IntOrString;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Upstream's {@code GetScaledValueFromIntOrPercent} with rounding up (D4, Q3): integers as they
 * are, percentages ceil.
 */
class BudgetTest {

  static Stream<Arguments> scaled() {
    return Stream.of(
        Arguments.of(IntOrString.of(7), 3, 7),
        Arguments.of(IntOrString.of(0), 3, 0),
        Arguments.of(IntOrString.of("50%"), 4, 2),
        Arguments.of(IntOrString.of("50%"), 5, 3),
        Arguments.of(IntOrString.of("1%"), 3, 1),
        Arguments.of(IntOrString.of("100%"), 250, 250),
        Arguments.of(IntOrString.of("30%"), 10, 3),
        Arguments.of(IntOrString.of("0%"), 10, 0),
        Arguments.of(IntOrString.of("25%"), 0, 0),
        Arguments.of(IntOrString.of("+20%"), 10, 2),
        Arguments.of(IntOrString.of("-50%"), 5, -2));
  }

  @ParameterizedTest(name = "{0} of {1}")
  @MethodSource("scaled")
  void scalesAsUpstream(IntOrString value, int total, int expected) {
    assertThat(Budget.scale(value, total)).isEqualTo(expected);
  }

  @Test
  void anythingElseIsAnError() {
    assertThatThrownBy(() -> Budget.scale(IntOrString.of("10"), 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid value \"10\": not a percentage");
    assertThatThrownBy(() -> Budget.scale(IntOrString.of("ten%"), 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid value \"ten%\": not an integer percentage");
    assertThatThrownBy(() -> Budget.scale(IntOrString.of("%"), 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid value \"%\": not an integer percentage");
    assertThatThrownBy(() -> Budget.scale(null, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("nil value for IntOrString");
  }
}
