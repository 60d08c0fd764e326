package dev.daemonset.api.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.Severity;
import dev.daemonset.api.Span;
import dev.daemonset.api.model.DaemonSetStatus;
import dev.daemonset.api.model.NodeSelectorRequirement;
import dev.daemonset.api.model.Taint;
import dev.daemonset.api.model.Toleration;
import dev.daemonset.api.plan.FailedPredicate.Problem;
import dev.daemonset.api.plan.FailedPredicate.RequirementFailure;
import dev.daemonset.api.plan.FailedPredicate.TermFailure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The sentences and guarantees of the plan types that {@code explain} and the CLI build on. */
class PlanTypesTest {

  @Test
  void failedPredicatesSaySentences() {
    assertThat(new FailedPredicate.NodeNameMismatch("n2", "n1").message())
        .isEqualTo("The template's spec.nodeName is \"n2\", not this node.");
    assertThat(new FailedPredicate.NodeSelectorMismatch("disk", "ssd", null).message())
        .isEqualTo("nodeSelector requires label disk=ssd, but the node has no label disk.");
    assertThat(new FailedPredicate.NodeSelectorMismatch("disk", "ssd", "hdd").message())
        .isEqualTo("nodeSelector requires label disk=ssd, but the node has disk=hdd.");
    NodeSelectorRequirement zone = new NodeSelectorRequirement("zone", "In", List.of("z1", "z2"));
    NodeSelectorRequirement name = new NodeSelectorRequirement("metadata.name", "In", List.of("a"));
    FailedPredicate.NodeAffinityMismatch affinity =
        new FailedPredicate.NodeAffinityMismatch(
            List.of(
                new TermFailure(
                    0,
                    List.of(
                        new RequirementFailure(false, 0, zone, Problem.VALUE_NOT_LISTED, "z3"))),
                new TermFailure(
                    1, List.of(new RequirementFailure(true, 0, name, Problem.NAME_MISMATCH, "b"))),
                new TermFailure(2, List.of())));
    assertThat(affinity.message())
        .isEqualTo(
            "No term of the required node affinity matches:"
                + " Term 0: matchExpressions[0] (zone In [z1, z2]) fails: the node has z3, not one of the values."
                + " Term 1: matchFields[0] (metadata.name In [a]) fails: the node is named b."
                + " Term 2 is empty and matches nothing.");
    assertThat(new FailedPredicate.NodeAffinityMismatch(List.of()).message())
        .isEqualTo("The required node affinity has no terms, so no node matches.");
    FailedPredicate.UntoleratedTaint taint =
        new FailedPredicate.UntoleratedTaint(
            new Taint("evict", "yes", "NoExecute", null),
            new Toleration("evict", "Equal", "yes", "NoExecute", null),
            true);
    assertThat(taint.message())
        .isEqualTo(
            "The node's taint evict=yes:NoExecute is not tolerated and evicts running pods;"
                + " the toleration {key: evict, operator: Equal, value: yes, effect: NoExecute} would tolerate it.");
    assertThat(List.of(affinity.kind(), taint.kind()))
        .containsExactly(FailedPredicate.Kind.NODE_AFFINITY, FailedPredicate.Kind.TAINT);
  }

  @Test
  void verdictLookupFindsEveryNodeInNameOrderAndInAnyOther() {
    List<NodeVerdict> sorted = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      sorted.add(
          new NodeVerdict(
              String.format(Locale.ROOT, "node-%04d", i),
              NodeVerdict.Verdict.SHOULD_RUN,
              List.of(),
              List.of()));
    }
    Plan inOrder = plan(sorted);
    for (NodeVerdict v : sorted) {
      assertThat(inOrder.verdict(v.node())).containsSame(v);
    }
    assertThat(inOrder.verdict("node-1000")).isEmpty();
    assertThat(inOrder.verdict("")).isEmpty();
    assertThat(plan(List.of()).verdict("node-0000")).isEmpty();

    // Built by hand in another order: still answered.
    List<NodeVerdict> shuffled = new ArrayList<>(sorted);
    Collections.shuffle(shuffled, new Random(7));
    Plan anyOrder = plan(shuffled);
    for (NodeVerdict v : sorted) {
      assertThat(anyOrder.verdict(v.node())).containsSame(v);
    }
    assertThat(anyOrder.verdict("node-1000")).isEmpty();
    assertThatThrownBy(() -> anyOrder.verdict(null)).isInstanceOf(NullPointerException.class);
  }

  private static Plan plan(List<NodeVerdict> verdicts) {
    return new Plan(
        "ns/ds",
        Plan.Outcome.PLANNED,
        List.of(),
        List.of(),
        verdicts,
        DaemonSetStatus.EMPTY,
        DaemonSetStatus.EMPTY,
        "h",
        Plan.HashSource.OPTION,
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  @Test
  void verdictsMirrorUpstreamsTwoBooleans() {
    assertThat(
            List.of(NodeVerdict.Verdict.values()).stream()
                .map(v -> v.shouldRun() + "/" + v.shouldContinueRunning())
                .toList())
        .containsExactly("true/true", "false/true", "false/false");
  }

  @Test
  void optionsDefaultAndValidate() {
    assertThat(PlanOptions.DEFAULTS)
        .isEqualTo(new PlanOptions(PlanOptions.Mode.FULL_SYNC, 250, Set.of(), true, false, null));
    assertThat(PlanOptions.DEFAULTS.withNodesInBackoff(Set.of("b", "a")).nodesInBackoff())
        .containsExactly("a", "b");
    assertThat(PlanOptions.DEFAULTS.withCurrentRevisionHash("").currentRevisionHash()).isNull();
    assertThat(PlanOptions.DEFAULTS.withCurrentRevisionHash("h").currentRevisionHash())
        .isEqualTo("h");
    assertThatThrownBy(() -> PlanOptions.DEFAULTS.withBurstReplicas(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("burstReplicas must be at least 1: 0");
  }

  @Test
  void deleteReasonsKnowWhichArePodGcWork() {
    assertThat(
            List.of(Action.DeleteReason.values()).stream()
                .filter(Action.DeleteReason::isPodGcWork)
                .toList())
        .containsExactly(Action.DeleteReason.NODE_GONE);
    Action.Delete d = new Action.Delete("n", "p", Action.DeleteReason.EXCESS, "m");
    assertThat(List.of(d.kind().name(), d.reason().name(), d.node(), d.podName(), d.message()))
        .containsExactly("DELETE", "EXCESS", "n", "p", "m");
  }

  @Test
  void reasonsAreTypedAndKnowTheirKind() {
    Action action = new Action.Delete("n", "p", Action.DeleteReason.OUTDATED, "m");
    Action.Reason reason = action.reason();
    assertThat(reason).isSameAs(Action.DeleteReason.OUTDATED);
    assertThat(reason.kind()).isEqualTo(Action.Kind.DELETE);
    assertThat(reason.name()).isEqualTo("OUTDATED");
    assertThat(
            List.of(Action.CreateReason.values()).stream()
                .map(r -> r.kind() + " " + r.name())
                .toList())
        .containsExactly("CREATE MISSING", "CREATE SURGE", "CREATE ROLLING_REPLACEMENT");
    assertThat(
            List.of(Action.DeleteReason.values()).stream()
                .map(Action.Reason::kind)
                .distinct()
                .toList())
        .containsExactly(Action.Kind.DELETE);
  }

  @Test
  void aRejectedPlanCarriesItsErrorsAndNothingElse() {
    Diagnostic error =
        new Diagnostic(
            Severity.ERROR,
            "FieldValueInvalid",
            "spec.minReadySeconds",
            "Invalid value: -1: must be greater than or equal to 0",
            Span.UNKNOWN);
    Plan rejected = Plan.rejected("default/agent", DaemonSetStatus.EMPTY, List.of(error));
    assertThat(rejected.outcome()).isEqualTo(Plan.Outcome.REJECTED);
    assertThat(rejected.isStopped()).isTrue();
    assertThat(rejected.errors()).containsExactly(error);
    assertThat(rejected.actions()).isEmpty();
    assertThat(rejected.verdicts()).isEmpty();
    assertThat(rejected.currentHash()).isEmpty();
    assertThat(rejected.hashSource()).isEqualTo(Plan.HashSource.NONE);
    assertThat(rejected.outcome().message())
        .isEqualTo(
            "The API server would reject this DaemonSet, so the controller never sees it: nothing is planned.");
    assertThatThrownBy(() -> Plan.rejected("default/agent", DaemonSetStatus.EMPTY, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a REJECTED plan names its errors");
    assertThatThrownBy(
            () ->
                new Plan(
                    "ns/ds",
                    Plan.Outcome.PLANNED,
                    List.of(),
                    List.of(),
                    List.of(),
                    DaemonSetStatus.EMPTY,
                    DaemonSetStatus.EMPTY,
                    "h",
                    Plan.HashSource.OPTION,
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(error)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("only a REJECTED plan has errors, not PLANNED");
  }
}
