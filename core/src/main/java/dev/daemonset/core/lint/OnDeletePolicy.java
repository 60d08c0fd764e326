package dev.daemonset.core.lint;

import dev.daemonset.api.Severity;
import dev.daemonset.api.lint.Finding;
import dev.daemonset.api.lint.PolicyInput;
import dev.daemonset.api.lint.RuleInfo;
import dev.daemonset.api.model.DaemonSetUpdateStrategy;
import java.util.List;

/** OnDelete never rolls a template change out by itself. */
final class OnDeletePolicy extends BuiltinPolicy {

  OnDeletePolicy() {
    super(
        new RuleInfo(
            "update-strategy-on-delete",
            "OnDelete never rolls out template changes",
            "With `updateStrategy.type: OnDelete` a changed template reaches a node only when its pod is"
                + " deleted by something else; until then old and new versions run side by side. Any"
                + " `rollingUpdate` settings are ignored, and not even validated.",
            "Use `RollingUpdate` unless you roll nodes out by hand on purpose.",
            Severity.INFO),
        "kube-linter `no-rolling-update-strategy` (off by default)");
  }

  @Override
  public List<Finding> check(PolicyInput input) {
    if (!DaemonSetUpdateStrategy.ON_DELETE.equals(
        input.daemonSet().spec().updateStrategy().type())) {
      return List.of();
    }
    String note =
        input.daemonSet().spec().updateStrategy().rollingUpdate() != null
            ? "; the rollingUpdate block beside it is ignored"
            : "";
    return List.of(
        Finding.at(
            "spec.updateStrategy.type",
            "OnDelete: template changes reach a node only"
                + " when its pod is deleted by hand"
                + note));
  }
}
