package dev.daemonset.testkit.examples;

import static dev.daemonset.testkit.ExpectedFinding.finding;

import dev.daemonset.api.Severity;
import dev.daemonset.testkit.RuleTester;
import org.junit.jupiter.api.Test;

/** README: "Write a rule and test it". */
class RequireTeamLabelTest {
  static final String DS =
      """
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: agent
        labels: {app: agent}
      spec:
        selector: {matchLabels: {app: agent}}
        template:
          metadata: {labels: {app: agent}}
          spec: {containers: [{name: agent, image: "agent:1.0"}]}
      """;

  @Test
  void reportsAMissingLabel() {
    RuleTester.of(new RequireTeamLabel())
        .lint(DS)
        .assertFindings(finding("require-team-label", Severity.WARNING, 5, 11, "metadata.labels"));
  }

  @Test
  void acceptsTheLabel() {
    RuleTester.of(new RequireTeamLabel())
        .lint(DS.replace("{app: agent}\n", "{app: agent, team: sre}\n"))
        .assertNone();
  }

  @Test
  void readsTheLabelFromItsParameter() {
    RuleTester.of(new RequireTeamLabel())
        .withParameter("require-team-label", "label", "app")
        .lint(DS)
        .assertNone();
  }
}
