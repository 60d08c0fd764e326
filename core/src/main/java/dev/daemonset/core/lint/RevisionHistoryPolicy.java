package dev.daemonset.core.lint;

import dev.daemonset.api.Severity;
import dev.daemonset.api.lint.Finding;
import dev.daemonset.api.lint.PolicyInput;
import dev.daemonset.api.lint.RuleInfo;
import java.util.List;

/** revisionHistoryLimit: 0 keeps no old revision to roll back to. */
final class RevisionHistoryPolicy extends BuiltinPolicy {

  RevisionHistoryPolicy() {
    super(
        new RuleInfo(
            "revision-history-zero",
            "No revision history",
            "`revisionHistoryLimit: 0` makes the controller delete every ControllerRevision but"
                + " the current one, so `kubectl rollout undo` has nothing to return to and a bad"
                + " rollout of a node agent must be fixed forward on every node.",
            "Leave `revisionHistoryLimit` out (the default keeps 10) or keep a few.",
            Severity.WARNING),
        "");
  }

  @Override
  public List<Finding> check(PolicyInput input) {
    Integer limit = input.daemonSet().spec().revisionHistoryLimit();
    if (limit == null || limit != 0) {
      return List.of();
    }
    return List.of(
        Finding.at(
            "spec.revisionHistoryLimit",
            "revisionHistoryLimit is 0: no old revision is kept, so a rollout cannot be undone"));
  }
}
