package dev.daemonset.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.model.Taint;
import dev.daemonset.api.model.Toleration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Upstream's {@code ToleratesTaint} case by case (B6): effect and key wildcards, Equal and Exists,
 * and the gated Lt/Gt, which compare canonical 64-bit integers only, strictly.
 */
class TolerationsTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        // name, toleration, taint, gate on, tolerated
        Arguments.of(
            "equal value",
            tol("k", "Equal", "v", "NoSchedule"),
            taint("k", "v", "NoSchedule"),
            false,
            true),
        Arguments.of(
            "empty operator is Equal",
            tol("k", "", "v", "NoSchedule"),
            taint("k", "w", "NoSchedule"),
            false,
            false),
        Arguments.of(
            "other effect",
            tol("k", "Exists", "", "NoExecute"),
            taint("k", "v", "NoSchedule"),
            false,
            false),
        Arguments.of(
            "empty effect matches all",
            tol("k", "Exists", "", ""),
            taint("k", "v", "NoExecute"),
            false,
            true),
        Arguments.of(
            "other key", tol("k", "Exists", "", ""), taint("j", "v", "NoExecute"), false, false),
        Arguments.of(
            "empty key matches all",
            tol("", "Exists", "", ""),
            taint("j", "v", "NoExecute"),
            false,
            true),
        Arguments.of(
            "unknown operator",
            tol("k", "Matches", "v", ""),
            taint("k", "v", "NoSchedule"),
            true,
            false),
        Arguments.of(
            "Lt, gate off", tol("k", "Lt", "10", ""), taint("k", "5", "NoSchedule"), false, false),
        Arguments.of(
            "Lt below", tol("k", "Lt", "10", ""), taint("k", "9", "NoSchedule"), true, true),
        Arguments.of(
            "Lt equal", tol("k", "Lt", "10", ""), taint("k", "10", "NoSchedule"), true, false),
        Arguments.of(
            "Lt above", tol("k", "Lt", "10", ""), taint("k", "11", "NoSchedule"), true, false),
        Arguments.of(
            "Gt above", tol("k", "Gt", "10", ""), taint("k", "11", "NoSchedule"), true, true),
        Arguments.of(
            "Gt equal", tol("k", "Gt", "10", ""), taint("k", "10", "NoSchedule"), true, false),
        Arguments.of(
            "Gt below", tol("k", "Gt", "10", ""), taint("k", "9", "NoSchedule"), true, false),
        Arguments.of(
            "Gt negative numbers",
            tol("k", "Gt", "-5", ""),
            taint("k", "-4", "NoSchedule"),
            true,
            true),
        Arguments.of(
            "Gt zero against a negative",
            tol("k", "Gt", "-1", ""),
            taint("k", "0", "NoSchedule"),
            true,
            true),
        Arguments.of(
            "leading zero in the taint",
            tol("k", "Lt", "10", ""),
            taint("k", "05", "NoSchedule"),
            true,
            false),
        Arguments.of(
            "leading zero in the toleration",
            tol("k", "Gt", "01", ""),
            taint("k", "5", "NoSchedule"),
            true,
            false),
        Arguments.of(
            "plus sign", tol("k", "Lt", "10", ""), taint("k", "+5", "NoSchedule"), true, false),
        Arguments.of(
            "beyond int64",
            tol("k", "Gt", "-1", ""),
            taint("k", "99999999999999999999", "NoSchedule"),
            true,
            false),
        Arguments.of(
            "beyond int64 in the toleration",
            tol("k", "Lt", "99999999999999999999", ""),
            taint("k", "-5", "NoSchedule"),
            true,
            false),
        Arguments.of(
            "not a number", tol("k", "Lt", "10", ""), taint("k", "x", "NoSchedule"), true, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void toleratesAsUpstream(
      String name, Toleration toleration, Taint taint, boolean gate, boolean tolerated) {
    assertThat(Tolerations.tolerates(toleration, taint, gate)).as(name).isEqualTo(tolerated);
    assertThat(
            Tolerations.tolerated(taint, List.of(tol("other", "Exists", "", ""), toleration), gate))
        .as(name + " in a list")
        .isEqualTo(tolerated);
  }

  @Test
  void theFixToleratesExactlyTheTaint() {
    Taint valued = taint("dedicated", "gpu", "NoSchedule");
    assertThat(Tolerations.fixFor(valued))
        .isEqualTo(tol("dedicated", "Equal", "gpu", "NoSchedule"));
    assertThat(Tolerations.tolerates(Tolerations.fixFor(valued), valued, false)).isTrue();
    assertThat(
            Tolerations.tolerates(
                Tolerations.fixFor(valued), taint("dedicated", "cpu", "NoSchedule"), false))
        .isFalse();
    Taint bare = taint("maintenance", "", "NoExecute");
    assertThat(Tolerations.fixFor(bare)).isEqualTo(Toleration.exists("maintenance", "NoExecute"));
  }

  private static Toleration tol(String key, String operator, String value, String effect) {
    return new Toleration(key, operator, value, effect, null);
  }

  private static Taint taint(String key, String value, String effect) {
    return new Taint(key, value, effect, null);
  }
}
