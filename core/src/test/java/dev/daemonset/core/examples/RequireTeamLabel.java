package dev.daemonset.core.examples;

import dev.daemonset.api.Severity;
import dev.daemonset.api.lint.Finding;
import dev.daemonset.api.lint.Policy;
import dev.daemonset.api.lint.PolicyInput;
import dev.daemonset.api.lint.RuleInfo;
import java.util.List;

/** docs/library.md, "Write a policy": every DaemonSet names the team that is paged. */
public final class RequireTeamLabel implements Policy {
  @Override
  public RuleInfo info() {
    return new RuleInfo(
        "require-team-label",
        "Team label required",
        "Every DaemonSet names its owning team in metadata.labels[team].",
        "Add `team: <name>` to metadata.labels.",
        Severity.WARNING);
  }

  @Override
  public List<Finding> check(PolicyInput input) {
    return input.daemonSet().metadata().labels().containsKey("team")
        ? List.of()
        : List.of(Finding.at("metadata.labels", "no `team` label: who is paged when this breaks?"));
  }
}
