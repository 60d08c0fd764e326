package dev.daemonset.core.internal.labels;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.model.LabelSelector;
import dev.daemonset.api.model.LabelSelector.LabelSelectorRequirement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Label-selector matching, upstream's {@code LabelSelectorAsSelector} then {@code Matches}. The
 * first rows are where the engine's three former implementations disagreed: the planner's {@code
 * Ownership.selects}, validation's {@code DaemonSetRules.matches} and the node-affinity {@code
 * Placement}. Each row names what each of them answered before they became this one.
 */
class SelectorTest {

  private static final Map<String, String> LABELS = Map.of("app", "agent", "tier", "3");

  private static LabelSelector expression(String key, String operator, String... values) {
    return new LabelSelector(
        Map.of(), List.of(new LabelSelectorRequirement(key, operator, List.of(values))), Map.of());
  }

  static Stream<Arguments> selectors() {
    return Stream.of(
        // Exists with values: Ownership false, DaemonSetRules true (label present); upstream's
        // NewRequirement rejects it, so the selector selects nothing.
        Arguments.of("Exists with values", expression("app", "Exists", "agent"), false),
        // NotIn without values: Ownership false, DaemonSetRules true; rejected upstream.
        Arguments.of("NotIn without values", expression("other", "NotIn"), false),
        // DoesNotExist with values: Ownership false, DaemonSetRules true; rejected upstream.
        Arguments.of("DoesNotExist with values", expression("x", "DoesNotExist", "y"), false),
        // An invalid key: Ownership and DaemonSetRules matched by the map lookup; rejected upstream
        // (Placement rejected it for node selectors).
        Arguments.of("invalid key", expression("bad key", "DoesNotExist"), false),
        // An invalid value in matchLabels: both matched on equality; rejected upstream.
        Arguments.of(
            "invalid matchLabels value",
            LabelSelector.of(Map.of("app", "agent", "x", "-bad")),
            false),
        // Gt in a label selector: all answered false; LabelSelectorAsSelector knows no Gt.
        Arguments.of("Gt in a label selector", expression("tier", "Gt", "1"), false),
        // Where all agreed:
        Arguments.of("missing selector", null, false),
        Arguments.of("empty selector", LabelSelector.of(Map.of()), true),
        Arguments.of("matchLabels equal", LabelSelector.of(Map.of("app", "agent")), true),
        Arguments.of("matchLabels differ", LabelSelector.of(Map.of("app", "other")), false),
        Arguments.of("In listed", expression("app", "In", "x", "agent"), true),
        Arguments.of("In absent label", expression("zone", "In", "a"), false),
        Arguments.of("NotIn absent label", expression("zone", "NotIn", "a"), true),
        Arguments.of("NotIn listed", expression("app", "NotIn", "agent"), false),
        Arguments.of("Exists", expression("tier", "Exists"), true),
        Arguments.of("DoesNotExist present", expression("tier", "DoesNotExist"), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("selectors")
  void matchesAsUpstream(String name, LabelSelector selector, boolean matches) {
    assertThat(Selector.of(selector).matches(LABELS)).as(name).isEqualTo(matches);
  }

  static Stream<Arguments> requirements() {
    return Stream.of(
        Arguments.of("Gt", List.of("2"), "3", true),
        Arguments.of("Gt", List.of("3"), "3", false),
        Arguments.of("Gt", List.of("2"), "three", false),
        Arguments.of("Gt", List.of("2"), null, false),
        Arguments.of("Lt", List.of("4"), "3", true),
        Arguments.of("Lt", List.of("+4"), "3", null), // parses, but is no valid label value
        Arguments.of("Lt", List.of("-4"), "-5", null), // -4 is no valid label value
        Arguments.of("Gt", List.of("1", "2"), "3", null),
        Arguments.of("Gt", List.of("x"), "3", null),
        Arguments.of("In", List.of(), "3", null),
        Arguments.of("Exists", List.of("3"), "3", null),
        Arguments.of("Equals", List.of("3"), "3", null),
        Arguments.of("NotIn", List.of("3"), null, true));
  }

  /** {@code labels.NewRequirement} for node selectors (with Gt/Lt); null: rejected. */
  @ParameterizedTest(name = "{0} {1} against {2}")
  @MethodSource("requirements")
  void nodeSelectorRequirements(
      String operator, List<String> values, String actual, Boolean matches) {
    Requirement r = Requirement.of("tier", operator, values, true);
    if (matches == null) {
      assertThat(r).as("rejected").isNull();
    } else {
      assertThat(r).isNotNull();
      assertThat(r.matches(actual)).isEqualTo(matches);
    }
  }

  @Test
  void keysAreQualifiedNamesCountedInBytesWithoutARegex() {
    String prefix = "a".repeat(253);
    assertThat(Requirement.of(prefix + "/" + "b".repeat(63), "Exists", List.of(), false))
        .isNotNull();
    assertThat(Requirement.of(prefix + "a/b", "Exists", List.of(), false)).isNull();
    assertThat(Requirement.of("b".repeat(64), "Exists", List.of(), false)).isNull();
    assertThat(Requirement.of("a/b/c", "Exists", List.of(), false)).isNull();
    // a hostile megabyte-long key is rejected, not a StackOverflowError
    assertThat(Requirement.of("a-".repeat(500_000) + "a", "Exists", List.of(), false)).isNull();
  }
}
