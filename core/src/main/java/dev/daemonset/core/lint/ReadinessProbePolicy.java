package dev.daemonset.core.lint;

import dev.daemonset.api.Severity;
import dev.daemonset.api.lint.Finding;
import dev.daemonset.api.lint.PolicyInput;
import dev.daemonset.api.lint.RuleInfo;
import dev.daemonset.api.model.DaemonSetUpdateStrategy;
import java.util.List;

/** A rolling update without readiness probes moves on as soon as containers start. */
final class ReadinessProbePolicy extends BuiltinPolicy {

  ReadinessProbePolicy() {
    super(
        new RuleInfo(
            "readiness-probe-missing",
            "Rolling update without readiness probes",
            "The rolling update counts a new pod as available once it is Ready (plus minReadySeconds). With"
                + " no readiness probe a pod is Ready as soon as its containers start, so a broken version"
                + " rolls across every node without the controller noticing. Only reported where the"
                + " rollout depends on it: not for `OnDelete`, not when `minReadySeconds` gives each"
                + " pod time to fail, not when `maxUnavailable` is 100% (nothing waits), and not"
                + " when init containers do the work and a pause container keeps the pod.",
            "Add a `readinessProbe` to the main container, or set `spec.minReadySeconds` (a crash"
                + " within that time holds the rollout).",
            Severity.INFO),
        "kube-linter `no-readiness-probe` (off by default), Polaris `readinessProbeMissing`,"
            + " kube-score `pod-probes`");
  }

  @Override
  public List<Finding> check(PolicyInput input) {
    var ds = input.defaulted();
    if (!DaemonSetUpdateStrategy.ROLLING_UPDATE.equals(ds.spec().updateStrategy().type())
        || ds.spec().minReadySeconds() > 0
        || Rollouts.unpaced(ds)) {
      return List.of();
    }
    var containers = input.daemonSet().spec().template().spec().containers();
    if (containers.isEmpty() || containers.stream().anyMatch(c -> c.readinessProbe() != null)) {
      return List.of();
    }
    if (Containers.all(input.daemonSet().spec().template().spec()).stream()
        .allMatch(c -> c.isInit() || c.isPause())) {
      return List.of(); // the work is done by init containers, which must succeed to be Ready
    }
    return List.of(
        Finding.at(
            "spec.template.spec.containers",
            "no container has a readinessProbe and"
                + " minReadySeconds is 0: a rolling update treats each new pod as available as soon as it starts"));
  }
}
