package dev.daemonset.testkit.examples;

import dev.daemonset.api.Severity;
import dev.daemonset.api.lint.Finding;
import dev.daemonset.api.lint.Policy;
import dev.daemonset.api.lint.PolicyInput;
import dev.daemonset.api.lint.RuleInfo;
import dev.daemonset.api.lint.RuleParameter;
import java.util.List;

/** README: "Write a rule and test it". */
public final class RequireTeamLabel implements Policy {
  @Override
  public RuleInfo info() {
    return new RuleInfo(
            "require-team-label",
            "Team label required",
            "Every DaemonSet names its owning team in a label.",
            "Add the label to metadata.labels.",
            Severity.WARNING)
        .withParameters(List.of(RuleParameter.string("label", "team", "The label to require.")));
  }

  @Override
  public List<Finding> check(PolicyInput input) {
    String label = input.parameters().string("label");
    return input.daemonSet().metadata().labels().containsKey(label)
        ? List.of()
        : List.of(Finding.at("metadata.labels", "no `" + label + "` label: who is paged?"));
  }
}
