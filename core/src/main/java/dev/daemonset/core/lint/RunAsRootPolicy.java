package dev.daemonset.core.lint;

import dev.daemonset.api.Severity;
import dev.daemonset.api.lint.Finding;
import dev.daemonset.api.lint.PolicyInput;
import dev.daemonset.api.lint.RuleInfo;
import dev.daemonset.api.model.PodSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A container that may run as root. */
final class RunAsRootPolicy extends BuiltinPolicy {

  RunAsRootPolicy() {
    super(
        new RuleInfo(
                "run-as-root",
                "Container may run as root",
                "Neither the container nor the pod sets `runAsNonRoot: true` or a non-zero"
                    + " `runAsUser` (or `runAsUser` is 0): the container runs as root unless its"
                    + " image says otherwise, and a breakout starts as root on the node. Off by"
                    + " default: node agents that read host files, load eBPF programs or manage"
                    + " network interfaces run as root by design. Windows pods are not reported.",
                "Set `runAsNonRoot: true` and a `runAsUser` in the pod's or the container's"
                    + " securityContext, with the capabilities the agent needs added.",
                Severity.INFO)
            .withEnabledByDefault(false),
        "kube-linter `run-as-non-root`, Polaris `runAsRootAllowed`, kube-score"
            + " `container-security-context-user-group-id`");
  }

  @Override
  public List<Finding> check(PolicyInput input) {
    PodSpec pod = input.daemonSet().spec().template().spec();
    List<Finding> findings = new ArrayList<>();
    for (Containers c : SecurityContexts.linux(pod)) {
      SecurityContexts sc = SecurityContexts.of(c, pod);
      Optional<Long> user = sc.runAsUser();
      boolean root = user.isPresent() && user.get() == 0;
      if (!root && (Boolean.TRUE.equals(sc.runAsNonRoot()) || user.isPresent())) {
        continue;
      }
      findings.add(
          Finding.at(
              sc.path(root ? "runAsUser" : "runAsNonRoot", input.sourceMap(), true),
              (c.isInit() ? "init container `" : "container `")
                  + c.container().name()
                  + (root
                      ? "` runs as root (runAsUser 0)"
                      : "` may run as root: neither runAsNonRoot nor a runAsUser is set")));
    }
    return findings;
  }
}
