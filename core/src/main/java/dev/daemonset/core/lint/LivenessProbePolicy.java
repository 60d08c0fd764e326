package dev.daemonset.core.lint;

import dev.daemonset.api.Severity;
import dev.daemonset.api.lint.Finding;
import dev.daemonset.api.lint.PolicyInput;
import dev.daemonset.api.lint.RuleInfo;
import java.util.ArrayList;
import java.util.List;

/** An agent that hangs without exiting is never restarted without a liveness probe. */
final class LivenessProbePolicy extends BuiltinPolicy {

  LivenessProbePolicy() {
    super(
        new RuleInfo(
                "liveness-probe-missing",
                "Container has no liveness probe",
                "A container has no `livenessProbe`, so the kubelet restarts it only when it exits:"
                    + " an agent that deadlocks leaves its node without logs, metrics or networking"
                    + " until someone notices. Off by default: many agents exit on failure, which"
                    + " is enough, and a badly tuned probe restarts a healthy agent under load.",
                "Add a `livenessProbe` on an endpoint that fails only when the agent is stuck, with"
                    + " a generous `failureThreshold`.",
                Severity.INFO)
            .withEnabledByDefault(false),
        "kube-linter `no-liveness-probe` (off by default), Polaris `livenessProbeMissing`,"
            + " kube-score `pod-probes`");
  }

  @Override
  public List<Finding> check(PolicyInput input) {
    List<Finding> findings = new ArrayList<>();
    for (Containers c : Containers.all(input.daemonSet().spec().template().spec())) {
      if (!c.isInit() && !c.isPause() && c.container().livenessProbe() == null) {
        findings.add(
            Finding.at(
                c.path() + ".name",
                "container `"
                    + c.container().name()
                    + "` has no livenessProbe: if it hangs, the kubelet never restarts it"));
      }
    }
    return findings;
  }
}
