package dev.daemonset.testkit;

import static dev.daemonset.api.Severity.INFO;
import static dev.daemonset.api.Severity.WARNING;
import static dev.daemonset.testkit.BuiltinRulesTest.CAREFUL;
import static dev.daemonset.testkit.BuiltinRulesTest.pod;
import static dev.daemonset.testkit.ExpectedFinding.finding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test kit's own behaviour: what its assertions accept, and what their failures say. */
class TestKitTest {

  @Test
  void aWrongExpectationFailsWithBothListsAndTheSourceLine() {
    AssertionError e =
        assertThrows(
            AssertionError.class,
            () ->
                RuleTester.builtin("host-network")
                    .lint(pod("hostNetwork: true"))
                    .assertFindings(
                        finding(
                            "host-network", WARNING, 16, 20, "spec.template.spec.hostNetwork")));
    assertEquals(
        """
        findings differ
          expected:
            16:20 warning host-network spec.template.spec.hostNetwork
          actual:
            16:20 info host-network spec.template.spec.hostNetwork: the pod uses the node's network\
         namespace: expected of network agents (CNI, DNS, load-balancer speakers), not of most others
              |       hostNetwork: true""",
        e.getMessage());
  }

  @Test
  void aBrokenFixtureCannotPassAsClean() {
    AssertionError e =
        assertThrows(
            AssertionError.class,
            () ->
                RuleTester.builtin("host-network")
                    .lint(CAREFUL.replace("containers:", "contianers:"))
                    .assertNone());
    assertTrue(e.getMessage().contains("error unknown-field"), e.getMessage());
    assertTrue(e.getMessage().contains("error FieldValueRequired"), e.getMessage());
  }

  @Test
  void suppressedFindingsAreAssertedApart() {
    String ignored =
        CAREFUL.replace(
            "  namespace: kube-system\n",
            "  namespace: kube-system\n  annotations:\n    daemonset.dev/ignore: host-network\n");
    RuleTester.builtin("host-network")
        .lint(
            ignored.replace(
                "      priorityClassName", "      hostNetwork: true\n      priorityClassName"))
        .assertNone()
        .assertSuppressed(finding("host-network", INFO, 17, 20, "spec.template.spec.hostNetwork"));
  }

  @Test
  void placementFailuresSayWhy() {
    AssertionError e =
        assertThrows(
            AssertionError.class,
            () ->
                Placement.of(CAREFUL, PlacementRulesTest.CLUSTER)
                    .assertRunsOn("worker-1", "win-1", "nowhere"));
    assertEquals(
        """
        expected the pod to run on worker-1, win-1, nowhere, but:
            win-1: MUST_NOT_RUN
              nodeSelector requires label kubernetes.io/os=linux, but the node has\
         kubernetes.io/os=windows.
            nowhere: no such node in the snapshot (nodes: [batch-1, cp-1, gpu-1, win-1,\
         worker-1, worker-2])""",
        e.getMessage());
  }

  @Test
  void goldenFilesAreComparedAndRewrittenOnRequest(@TempDir Path dir) throws IOException {
    Path golden = dir.resolve("agent.txt");
    Findings findings = RuleTester.builtin("host-pid").lint(pod("hostPID: true"));
    String before = System.clearProperty(Golden.UPDATE_PROPERTY); // the run may be updating
    try {
      AssertionError missing =
          assertThrows(AssertionError.class, () -> findings.assertMatchesGolden(golden));
      assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
      System.setProperty(Golden.UPDATE_PROPERTY, "true");
      findings.assertMatchesGolden(golden);
      System.clearProperty(Golden.UPDATE_PROPERTY);
      assertEquals(findings.summary(), Files.readString(golden));
      findings.assertMatchesGolden(golden);
      Files.writeString(golden, "something else\n");
      AssertionError differs =
          assertThrows(AssertionError.class, () -> findings.assertMatchesGolden(golden));
      assertTrue(
          differs.getMessage().contains("at line 1 (1 lines expected, 1 produced)"),
          differs.getMessage());
    } finally {
      if (before == null) {
        System.clearProperty(Golden.UPDATE_PROPERTY);
      } else {
        System.setProperty(Golden.UPDATE_PROPERTY, before);
      }
    }
  }

  /** The kit needs no test framework: a main method that fails throws an AssertionError. */
  @Test
  void worksFromAPlainMainMethod() {
    PlainMain.main(new String[0]);
  }

  static final class PlainMain {
    public static void main(String[] args) {
      RuleTester.builtin("host-network")
          .lint(pod("hostNetwork: true"))
          .assertFindings(finding("host-network", INFO, 16, 20, "spec.template.spec.hostNetwork"));
    }
  }
}
