package dev.daemonset.core.lint;

import dev.daemonset.api.Severity;
import dev.daemonset.api.lint.Finding;
import dev.daemonset.api.lint.PolicyInput;
import dev.daemonset.api.lint.RuleInfo;
import dev.daemonset.api.model.DaemonSetUpdateStrategy;
import dev.daemonset.api.model.RollingUpdateDaemonSet;
import java.util.ArrayList;
import java.util.List;

/**
 * maxSurge with host ports (or hostNetwork ports): the surge pod needs the port the old pod holds
 * on the same node, so it stays Pending and the rollout stalls.
 */
final class SurgeHostPortPolicy extends BuiltinPolicy {

  SurgeHostPortPolicy() {
    super(
        new RuleInfo(
            "surge-host-port",
            "maxSurge with host ports stalls the rollout",
            "With `maxSurge` the controller starts the new pod beside the old one on the same node. A"
                + " container port bound on the host (`hostPort`, or any port with `hostNetwork: true`) is"
                + " still held by the old pod, so the new pod cannot be scheduled and the rollout stops.",
            "Use `maxUnavailable` instead of `maxSurge` for pods that bind host ports.",
            Severity.WARNING),
        "");
  }

  @Override
  public List<Finding> check(PolicyInput input) {
    DaemonSetUpdateStrategy strategy = input.defaulted().spec().updateStrategy();
    RollingUpdateDaemonSet rolling = strategy.rollingUpdate();
    if (!DaemonSetUpdateStrategy.ROLLING_UPDATE.equals(strategy.type())
        || rolling == null
        || !Rollouts.surges(rolling.maxSurge())) {
      return List.of();
    }
    boolean hostNetwork = input.defaulted().spec().template().spec().hostNetwork();
    List<Finding> findings = new ArrayList<>();
    for (Containers c : Containers.all(input.daemonSet().spec().template().spec())) {
      var ports = c.container().ports();
      for (int p = 0; p < ports.size(); p++) {
        var port = ports.get(p);
        int onHost =
            port.hostPort() != 0 ? port.hostPort() : (hostNetwork ? port.containerPort() : 0);
        if (onHost != 0) {
          findings.add(
              Finding.at(
                  c.path() + ".ports[" + p + "]",
                  "port "
                      + onHost
                      + " is bound on the host and maxSurge is "
                      + rolling.maxSurge()
                      + ": the surge pod cannot start beside the old one on the same node, so the rollout stalls"));
        }
      }
    }
    return findings;
  }
}
