package dev.daemonset.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.model.Affinity;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.model.Node;
import dev.daemonset.api.model.NodeAffinity;
import dev.daemonset.api.model.NodeSelectorRequirement;
import dev.daemonset.api.model.NodeSelectorTerm;
import dev.daemonset.api.plan.ClusterSnapshot;
import dev.daemonset.api.plan.FailedPredicate;
import dev.daemonset.api.plan.FailedPredicate.Problem;
import dev.daemonset.api.plan.FailedPredicate.RequirementFailure;
import dev.daemonset.api.plan.FailedPredicate.TermFailure;
import dev.daemonset.api.plan.NodeVerdict;
import dev.daemonset.api.plan.NodeVerdict.Verdict;
import dev.daemonset.api.plan.Plan;
import dev.daemonset.core.Fixtures;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One required node affinity requirement against one node (B4c, B4e): upstream's {@code
 * labels.NewRequirement} checks (qualified key, label values, value counts per operator) make a
 * requirement malformed, and a malformed one matches nothing; a well-formed one fails with the
 * named problem, or matches.
 */
class NodeAffinityRequirementTest {
  private static final String PREFIX_253 =
      "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(61);
  private static final String NAME_63 = "n" + "x".repeat(61) + "n";

  static Stream<Arguments> cases() {
    return Stream.of(
        // name, requirement, node labels, expected problem (null: the node matches)
        matches(
            "prefixed key", req("example.com/zone", "In", "z1"), Map.of("example.com/zone", "z1")),
        matches(
            "prefix of 253 characters",
            req(PREFIX_253 + "/zone", "In", "z1"),
            Map.of(PREFIX_253 + "/zone", "z1")),
        fails(
            "prefix of 254 characters",
            req(PREFIX_253 + "d/zone", "In", "z1"),
            Map.of(PREFIX_253 + "d/zone", "z1"),
            Problem.MALFORMED),
        fails("empty prefix", req("/zone", "In", "z1"), Map.of("/zone", "z1"), Problem.MALFORMED),
        fails(
            "prefix not a DNS subdomain",
            req("Example.com/zone", "In", "z1"),
            Map.of("Example.com/zone", "z1"),
            Problem.MALFORMED),
        fails(
            "empty name after the prefix",
            req("example.com/", "Exists"),
            Map.of("example.com/", "z1"),
            Problem.MALFORMED),
        matches("name of 63 characters", req(NAME_63, "Exists"), Map.of(NAME_63, "z1")),
        fails(
            "name of 64 characters",
            req(NAME_63 + "n", "Exists"),
            Map.of(NAME_63 + "n", "z1"),
            Problem.MALFORMED),
        fails("name with a space", req("bad key", "DoesNotExist"), Map.of(), Problem.MALFORMED),
        matches("value of 63 characters", req("zone", "In", NAME_63), Map.of("zone", NAME_63)),
        fails(
            "value of 64 characters",
            req("zone", "In", NAME_63 + "n"),
            Map.of("zone", NAME_63 + "n"),
            Problem.MALFORMED),
        fails(
            "value starting with a dash",
            req("zone", "NotIn", "-z"),
            Map.of("zone", "z1"),
            Problem.MALFORMED),
        matches("empty value", req("zone", "In", ""), Map.of("zone", "")),
        fails("In without values", req("zone", "In"), Map.of("zone", "z1"), Problem.MALFORMED),
        fails("NotIn without values", req("zone", "NotIn"), Map.of(), Problem.MALFORMED),
        fails(
            "Exists with a value",
            req("zone", "Exists", "z1"),
            Map.of("zone", "z1"),
            Problem.MALFORMED),
        fails(
            "DoesNotExist with a value",
            req("zone", "DoesNotExist", "z1"),
            Map.of(),
            Problem.MALFORMED),
        fails(
            "unknown operator", req("zone", "Has", "z1"), Map.of("zone", "z1"), Problem.MALFORMED),
        fails(
            "In, other value",
            req("zone", "In", "z1", "z2"),
            Map.of("zone", "z3"),
            Problem.VALUE_NOT_LISTED),
        fails("In, no label", req("zone", "In", "z1"), Map.of(), Problem.LABEL_MISSING),
        fails(
            "NotIn, listed",
            req("zone", "NotIn", "z1"),
            Map.of("zone", "z1"),
            Problem.VALUE_LISTED),
        matches("NotIn, no label", req("zone", "NotIn", "z1"), Map.of()),
        fails("Exists, no label", req("zone", "Exists"), Map.of(), Problem.LABEL_MISSING),
        fails(
            "DoesNotExist, label",
            req("zone", "DoesNotExist"),
            Map.of("zone", "z1"),
            Problem.LABEL_PRESENT),
        matches("Gt above", req("cores", "Gt", "4"), Map.of("cores", "5")),
        fails("Gt equal", req("cores", "Gt", "4"), Map.of("cores", "4"), Problem.NOT_GREATER),
        fails("Gt, no label", req("cores", "Gt", "4"), Map.of(), Problem.LABEL_MISSING),
        fails(
            "Gt, label not a number",
            req("cores", "Gt", "4"),
            Map.of("cores", "four"),
            Problem.NOT_AN_INTEGER),
        matches("Gt, leading zeros in the label", req("cores", "Gt", "4"), Map.of("cores", "0012")),
        matches("Lt below", req("cores", "Lt", "4"), Map.of("cores", "3")),
        fails("Lt equal", req("cores", "Lt", "4"), Map.of("cores", "4"), Problem.NOT_LESS),
        fails(
            "Gt with two values",
            req("cores", "Gt", "4", "5"),
            Map.of("cores", "9"),
            Problem.MALFORMED),
        fails(
            "Lt with a word", req("cores", "Lt", "four"), Map.of("cores", "1"), Problem.MALFORMED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void requirementAgainstOneNode(
      String name,
      NodeSelectorRequirement r,
      Map<String, String> labels,
      @Nullable Problem problem) {
    Plan plan =
        Planner.plan(
            Fixtures.daemonSet("ds")
                .spec(
                    Fixtures.SPEC.withAffinity(
                        required(new NodeSelectorTerm(List.of(r), List.of()))))
                .build(),
            ClusterSnapshot.of(List.of(Node.of("n1", labels)), List.of()),
            Instant.parse("2026-01-01T00:00:00Z"));

    NodeVerdict verdict = plan.verdict("n1").orElseThrow();
    if (problem == null) {
      assertThat(verdict)
          .as(name)
          .isEqualTo(new NodeVerdict("n1", Verdict.SHOULD_RUN, List.of(), List.of()));
      assertThat(plan.creates()).as(name).hasSize(1);
    } else {
      RequirementFailure failure =
          new RequirementFailure(false, 0, r, problem, labels.get(r.key()));
      FailedPredicate mismatch =
          new FailedPredicate.NodeAffinityMismatch(List.of(new TermFailure(0, List.of(failure))));
      assertThat(verdict)
          .as(name)
          .isEqualTo(new NodeVerdict("n1", Verdict.MUST_NOT_RUN, List.of(mismatch), List.of()));
      assertThat(plan.creates()).as(name).isEmpty();
    }
  }

  /**
   * Required node affinity written with no terms matches no node, as does a term with no
   * requirement (upstream's {@code LazyErrorNodeSelector.Match}); with only preferred terms every
   * node matches.
   */
  @Test
  void requiredAffinityWithoutTermsOrRequirementsMatchesNoNode() {
    Node node = Node.of("n1", Map.of("zone", "z1"));
    DaemonSet preferredOnly =
        Fixtures.daemonSet("ds")
            .spec(
                Fixtures.SPEC.withAffinity(
                    new Affinity(new NodeAffinity(null, List.of(), Map.of()), Map.of())))
            .build();

    assertThat(
            verdict(
                    Fixtures.daemonSet("ds").spec(Fixtures.SPEC.withAffinity(required())).build(),
                    node)
                .failures())
        .containsExactly(new FailedPredicate.NodeAffinityMismatch(List.of()));
    assertThat(
            verdict(
                    Fixtures.daemonSet("ds")
                        .spec(
                            Fixtures.SPEC.withAffinity(
                                required(new NodeSelectorTerm(List.of(), List.of()))))
                        .build(),
                    node)
                .failures())
        .containsExactly(
            new FailedPredicate.NodeAffinityMismatch(List.of(new TermFailure(0, List.of()))));
    assertThat(verdict(preferredOnly, node).verdict()).isEqualTo(Verdict.SHOULD_RUN);
  }

  /**
   * Field requirements (B4e): only {@code metadata.name} has a value, {@code In} and {@code NotIn}
   * with one value are the only well-formed ones; every failing requirement of every term is named.
   */
  @Test
  void fieldRequirementsCompareTheNodeNameAndNameEachFailure() {
    Node node = Node.of("n1", Map.of());
    NodeSelectorRequirement twoValues = req("metadata.name", "In", "n1", "n2");
    NodeSelectorRequirement exists = req("metadata.name", "Exists");
    NodeSelectorRequirement otherField = req("spec.unschedulable", "In", "true");
    NodeSelectorRequirement notMe = req("metadata.name", "NotIn", "n1");
    NodeSelectorTerm first = new NodeSelectorTerm(List.of(), List.of(twoValues, exists));
    NodeSelectorTerm second =
        new NodeSelectorTerm(List.of(req("zone", "Exists")), List.of(otherField, notMe));

    NodeVerdict verdict =
        verdict(
            Fixtures.daemonSet("ds")
                .spec(Fixtures.SPEC.withAffinity(required(first, second)))
                .build(),
            node);

    assertThat(verdict.verdict()).isEqualTo(Verdict.MUST_NOT_RUN);
    assertThat(verdict.failures())
        .containsExactly(
            new FailedPredicate.NodeAffinityMismatch(
                List.of(
                    new TermFailure(
                        0,
                        List.of(
                            new RequirementFailure(true, 0, twoValues, Problem.MALFORMED, "n1"),
                            new RequirementFailure(true, 1, exists, Problem.MALFORMED, "n1"))),
                    new TermFailure(
                        1,
                        List.of(
                            new RequirementFailure(
                                false, 0, req("zone", "Exists"), Problem.LABEL_MISSING, null),
                            new RequirementFailure(
                                true, 0, otherField, Problem.NAME_MISMATCH, null),
                            new RequirementFailure(
                                true, 1, notMe, Problem.NAME_MISMATCH, "n1"))))));
    assertThat(
            verdict(
                    Fixtures.daemonSet("ds")
                        .spec(
                            Fixtures.SPEC.withAffinity(
                                required(
                                    new NodeSelectorTerm(
                                        List.of(), List.of(req("metadata.name", "NotIn", "n2"))))))
                        .build(),
                    node)
                .verdict())
        .isEqualTo(Verdict.SHOULD_RUN);
  }

  private static NodeVerdict verdict(DaemonSet ds, Node node) {
    Plan plan =
        Planner.plan(
            ds,
            ClusterSnapshot.of(List.of(node), List.of()),
            Instant.parse("2026-01-01T00:00:00Z"));
    return plan.verdicts().get(0);
  }

  private static Arguments matches(
      String name, NodeSelectorRequirement r, Map<String, String> labels) {
    return Arguments.of(name, r, labels, null);
  }

  private static Arguments fails(
      String name, NodeSelectorRequirement r, Map<String, String> labels, Problem problem) {
    return Arguments.of(name, r, labels, problem);
  }

  private static NodeSelectorRequirement req(String key, String operator, String... values) {
    return new NodeSelectorRequirement(key, operator, List.of(values));
  }

  /** Required node affinity of these terms. */
  private static Affinity required(NodeSelectorTerm... terms) {
    return new Affinity(new NodeAffinity(List.of(terms), List.of(), Map.of()), Map.of());
  }
}
