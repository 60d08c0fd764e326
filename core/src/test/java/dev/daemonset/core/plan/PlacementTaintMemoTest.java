package dev.daemonset.core.plan;

import static dev.daemonset.core.Fixtures.newNode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.model.Container;
import dev.daemonset.api.model.Node;
import dev.daemonset.api.model.PodSpec;
import dev.daemonset.api.model.Taint;
import dev.daemonset.api.model.Toleration;
import dev.daemonset.api.plan.FailedPredicate;
import dev.daemonset.api.plan.NodeVerdict.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One placement fits every node of a plan and remembers what each distinct taint means: the
 * verdicts must be those of a fresh placement per node, each naming the node's own taint.
 */
class PlacementTaintMemoTest {
  private static final Instant T1 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant T2 = Instant.parse("2026-01-02T00:00:00Z");
  private static final Map<String, String> LINUX = Map.of("os", "linux");
  private static final Map<String, String> WINDOWS = Map.of("os", "windows");

  private static Placement placement() {
    PodSpec template =
        PodSpec.of(List.of(Container.of("c", "i:1"))).withNodeSelector(Map.of("os", "linux"));
    return new Placement(
        template, List.of(new Toleration("dedicated", "Exists", "", "NoSchedule", null)), false);
  }

  private static FailedPredicate.UntoleratedTaint untolerated(Taint t) {
    return new FailedPredicate.UntoleratedTaint(
        t, Tolerations.fixFor(t), "NoExecute".equals(t.effect()));
  }

  @Test
  void aRememberedTaintGivesTheVerdictAFreshPlacementGives() {
    Taint gpuAt1 = new Taint("gpu", "true", "NoExecute", T1);
    Taint gpuAt2 = new Taint("gpu", "true", "NoExecute", T2);
    Taint gpuAt1Again = new Taint("gpu", "true", "NoExecute", T1);
    Taint busy = new Taint("busy", "", "NoSchedule", null);
    Taint dedicated = new Taint("dedicated", "x", "NoSchedule", null);
    Taint soft = new Taint("gpu", "true", "PreferNoSchedule", null);
    List<Node> nodes =
        List.of(
            newNode("a", LINUX).withTaints(List.of(gpuAt1)),
            newNode("b", LINUX)
                .withTaints(List.of(gpuAt2)), // equal but for timeAdded: its own taint is named
            newNode("c", LINUX).withTaints(List.of(gpuAt1Again)),
            newNode("d", WINDOWS)
                .withTaints(List.of(gpuAt1)), // a selector failure beside the taint
            newNode("e", LINUX)
                .withTaints(List.of(dedicated, busy)), // tolerated, then untolerated NoSchedule
            newNode("f", LINUX).withTaints(List.of(busy, gpuAt1)), // two untolerated taints
            newNode("g", LINUX)
                .withTaints(List.of(soft, dedicated)), // ignored effect, tolerated taint
            newNode("h", LINUX).withTaints(List.of(busy)),
            newNode("i", LINUX)
                .withTaints(
                    List.of(
                        busy, new Taint("spot", "", "NoSchedule", null)))); // two, neither evicts

    Placement shared = placement();
    for (Node n : nodes) {
      Placement.Fit remembered = shared.fit(n);
      Placement.Fit fresh = placement().fit(n);
      assertThat(remembered).as(n.name()).isEqualTo(fresh);
    }

    Placement p = placement();
    List<Placement.Fit> fits = nodes.stream().map(p::fit).toList();
    assertThat(fits.get(0))
        .isEqualTo(new Placement.Fit(Verdict.MUST_NOT_RUN, List.of(untolerated(gpuAt1))));
    assertThat(fits.get(1).failures())
        .singleElement()
        .satisfies(
            f ->
                assertThat(((FailedPredicate.UntoleratedTaint) f).taint().timeAdded())
                    .isEqualTo(T2));
    assertThat(fits.get(2)).isEqualTo(fits.get(0));
    assertThat(fits.get(3).verdict()).isEqualTo(Verdict.MUST_NOT_RUN);
    assertThat(fits.get(3).failures()).hasSize(2).last().isEqualTo(untolerated(gpuAt1));
    assertThat(fits.get(4))
        .isEqualTo(new Placement.Fit(Verdict.MAY_KEEP_RUNNING, List.of(untolerated(busy))));
    assertThat(fits.get(5))
        .isEqualTo(
            new Placement.Fit(
                Verdict.MUST_NOT_RUN, List.of(untolerated(busy), untolerated(gpuAt1))));
    assertThat(fits.get(6)).isEqualTo(new Placement.Fit(Verdict.SHOULD_RUN, List.of()));
    assertThat(fits.get(7)).isEqualTo(fits.get(4));
    assertThat(fits.get(8).verdict()).isEqualTo(Verdict.MAY_KEEP_RUNNING);
    assertThat(fits.get(8).failures()).hasSize(2);
  }

  @Test
  void moreDistinctTaintsThanTheMemoHoldsAreStillJudgedOneByOne() {
    // 100 distinct taints, each untolerated but every tenth (which the toleration's key matches),
    // then all of them again: the memo grows, stops remembering past its limit, and no verdict
    // changes.
    Placement shared = placement();
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < 100; i++) {
        Taint t =
            new Taint(
                i % 10 == 0 ? "dedicated" : "k" + i,
                "v" + i,
                i % 3 == 0 ? "NoExecute" : "NoSchedule",
                null);
        Node n = newNode("n" + i, LINUX).withTaints(List.of(t));
        Placement.Fit fit = shared.fit(n);
        assertThat(fit).as("round %d, taint %s", round, t).isEqualTo(placement().fit(n));
        boolean tolerated = i % 10 == 0 && t.effect().equals("NoSchedule");
        assertThat(fit.failures()).as("taint %s", t).hasSize(tolerated ? 0 : 1);
      }
    }
  }

  @Test
  void ignoredEffectsBesideAnUntoleratedTaintLeaveItTheOnlyFailure() {
    // PreferNoSchedule and effects the check does not know are ignored (B5), whatever the
    // tolerations; more of them than the memo holds come first, so the memo is full of them
    // when the untolerated taint is judged.
    Taint busy = new Taint("busy", "", "NoSchedule", null);
    Taint evicting = new Taint("gpu", "true", "NoExecute", null);
    Placement shared = placement();
    for (int i = 0; i < 70; i++) {
      Taint ignored =
          new Taint(
              "soft" + i, "", i % 2 == 0 ? "PreferNoSchedule" : (i % 3 == 0 ? "" : "Other"), null);
      Node n = newNode("soft" + i, LINUX).withTaints(List.of(ignored));
      assertThat(shared.fit(n))
          .as(ignored.toString())
          .isEqualTo(new Placement.Fit(Verdict.SHOULD_RUN, List.of()));
    }
    Node keeps =
        newNode("keeps", LINUX)
            .withTaints(
                List.of(
                    new Taint("soft0", "", "PreferNoSchedule", null),
                    busy,
                    new Taint("odd", "", "Other", null)));
    Node evicts =
        newNode("evicts", LINUX)
            .withTaints(List.of(new Taint("soft1", "", "Other", null), evicting));

    assertThat(shared.fit(keeps))
        .isEqualTo(placement().fit(keeps))
        .isEqualTo(new Placement.Fit(Verdict.MAY_KEEP_RUNNING, List.of(untolerated(busy))));
    assertThat(shared.fit(evicts))
        .isEqualTo(placement().fit(evicts))
        .isEqualTo(new Placement.Fit(Verdict.MUST_NOT_RUN, List.of(untolerated(evicting))));
  }
}
