package dev.daemonset.core.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.Severity;
import dev.daemonset.api.lint.Finding;
import dev.daemonset.api.lint.Policy;
import dev.daemonset.api.lint.PolicyInput;
import dev.daemonset.api.lint.RuleInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A policy that fails becomes a located {@code policy-failed} error naming it, and the other
 * policies still run; ids that name nothing are rejected where they are given.
 */
class PolicyFailureTest {

  static final String MANIFEST =
      """
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: agent
      spec:
        selector: {matchLabels: {app: agent}}
        template:
          metadata: {labels: {app: agent}}
          spec:
            containers: [{name: agent, image: "agent:1.0"}]
      """;

  /** A policy with this id whose check is {@code check}. */
  record TestPolicy(String id, Function<PolicyInput, List<Finding>> check) implements Policy {
    @Override
    public RuleInfo info() {
      return new RuleInfo(id, "Test " + id, "A test policy.", "Nothing.", Severity.WARNING);
    }

    @Override
    public List<Finding> check(PolicyInput input) {
      return check.apply(input);
    }
  }

  static final TestPolicy FINE =
      new TestPolicy("fine", in -> List.of(Finding.at("metadata.name", "seen")));

  /** The findings of {@code broken} and {@link #FINE}, in position order, then by code. */
  static List<String> lint(Policy broken) {
    Linter linter = Linter.builder().noPolicies().policy(broken).policy(FINE).build();
    return linter.lint(MANIFEST).stream()
        .map(
            d ->
                d.severity().label()
                    + " "
                    + d.code()
                    + " "
                    + d.span().line()
                    + ":"
                    + d.span().column()
                    + " "
                    + d.message())
        .toList();
  }

  static String failed(String id, String what) {
    return "error policy-failed 4:9 policy "
        + id
        + " (dev.daemonset.core.lint.PolicyFailureTest$TestPolicy) "
        + what
        + ", so this DaemonSet was not checked for "
        + id
        + "; the other policies ran";
  }

  @Test
  void aThrowingPolicyIsReportedAndTheOthersRun() {
    assertThat(
            lint(
                new TestPolicy(
                    "throws",
                    in -> {
                      throw new IllegalStateException("boom");
                    })))
        .containsExactly(
            "warning fine 4:9 seen",
            failed("throws", "threw java.lang.IllegalStateException: boom"));
  }

  @Test
  void aPolicyReturningNullIsReportedAndTheOthersRun() {
    assertThat(lint(new TestPolicy("returns-null", in -> null)))
        .containsExactly("warning fine 4:9 seen", failed("returns-null", "returned null"));
  }

  @Test
  void aPolicyReturningANullFindingIsReported() {
    List<Finding> withNull = new ArrayList<>();
    withNull.add(Finding.at("spec", "first"));
    withNull.add(null);
    assertThat(lint(new TestPolicy("null-finding", in -> withNull)))
        .containsExactly(
            "warning fine 4:9 seen",
            failed("null-finding", "returned a list whose finding 1 is null"));
  }

  @Test
  void aPolicyBuildingAnUnparseablePathIsReported() {
    assertThat(
            lint(
                new TestPolicy(
                    "bad-path",
                    in -> List.of(Finding.at("spec.template.spec.containers.0.image", "m")))))
        .containsExactly(
            "warning fine 4:9 seen",
            failed(
                "bad-path",
                "threw java.lang.IllegalArgumentException: unparseable field path"
                    + " \"spec.template.spec.containers.0.image\": expected a field name at"
                    + " character 31; write it in Kubernetes notation, such as"
                    + " spec.template.spec.containers[0].image"));
  }

  @Test
  void policyFailedIsDescribedForSarif() {
    RuleInfo rule =
        Linter.defaults().rules().stream()
            .filter(r -> r.id().equals("policy-failed"))
            .findFirst()
            .orElseThrow();
    assertThat(rule.defaultSeverity()).isEqualTo(Severity.ERROR);
    assertThat(rule.name()).isEqualTo("Policy failed");
  }

  @Test
  void unknownIdsInDisableAndSeverityAreRejectedNamingTheKnownOnes() {
    String known = new java.util.TreeSet<>(Linter.builder().policyIds()).toString();
    assertThat(known).startsWith("[capabilities-added, env-secret-literal, host-ipc,");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Linter.builder().disable("image-tag-lates"))
        .withMessage("unknown policy id \"image-tag-lates\"; policies: " + known);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Linter.builder().severity("no-such-rule", Severity.ERROR))
        .withMessage("unknown policy id \"no-such-rule\"; policies: " + known);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Linter.builder().severity("yaml-ambiguous-scalar", Severity.ERROR))
        .withMessage(
            "\"yaml-ambiguous-scalar\" is a reading or validation rule of the engine, not a"
                + " policy: it cannot be disabled or given another severity; policies: "
                + known);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Linter.builder().noPolicies().disable("image-tag-latest"))
        .withMessage("unknown policy id \"image-tag-latest\"; policies: []");
    assertThatNullPointerException().isThrownBy(() -> Linter.builder().disable(null));
  }

  @Test
  void aPolicyMayNotTakeAnEngineRuleId() {
    for (String id : List.of("unknown-field", "policy-failed", "FieldValueInvalid")) {
      assertThatIllegalArgumentException()
          .as(id)
          .isThrownBy(() -> Linter.builder().policy(new TestPolicy(id, in -> List.of())))
          .withMessage(
              "policy dev.daemonset.core.lint.PolicyFailureTest$TestPolicy uses the id \""
                  + id
                  + "\", which is reserved for one of the engine's own rules");
    }
  }

  @Test
  void aPolicyWithAMalformedIdFailsWhereItIsBuilt() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Linter.builder().policy(new TestPolicy("Team_Label", in -> List.of())))
        .withMessageStartingWith("malformed rule id \"Team_Label\"");
  }

  @Test
  void policyInfoIsAskedOnce() {
    int[] asked = {0};
    Policy counting =
        new Policy() {
          @Override
          public RuleInfo info() {
            asked[0]++;
            return FINE.info();
          }

          @Override
          public List<Finding> check(PolicyInput input) {
            return List.of();
          }
        };
    Linter linter = Linter.builder().noPolicies().policy(counting).build();
    List<Diagnostic> twice = new ArrayList<>(linter.lint(MANIFEST));
    twice.addAll(linter.lint(MANIFEST));
    assertThat(twice).isEmpty();
    assertThat(asked[0]).isEqualTo(1);
  }
}
