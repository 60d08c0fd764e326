package dev.daemonset.core.lint;

import dev.daemonset.api.Severity;
import dev.daemonset.api.lint.Finding;
import dev.daemonset.api.lint.PolicyInput;
import dev.daemonset.api.lint.RuleInfo;
import dev.daemonset.api.model.PodSpec;
import java.util.ArrayList;
import java.util.List;

/** A privileged container is root on the node; some node agents need exactly that. */
final class PrivilegedPolicy extends BuiltinPolicy {

  PrivilegedPolicy() {
    super(
        new RuleInfo(
            "privileged-container",
            "Container runs privileged",
            "`privileged: true` gives the container every capability and every host device: it"
                + " is root on the node, and a DaemonSet makes that every node. Info, not warning:"
                + " CNI and CSI plugins, device plugins and some security agents need it; a log"
                + " shipper or metrics exporter does not. The Pod Security Standards' baseline"
                + " profile forbids it.",
            "Drop `privileged` and add only the capabilities the agent needs (for example"
                + " `NET_ADMIN` for a network agent), or keep it and record why in"
                + " `daemonset.dev/ignore-reason`.",
            Severity.INFO),
        "kube-linter `privileged-container`, Polaris `runAsPrivileged`, kube-score"
            + " `container-security-context-privileged`");
  }

  @Override
  public List<Finding> check(PolicyInput input) {
    PodSpec pod = input.daemonSet().spec().template().spec();
    List<Finding> findings = new ArrayList<>();
    for (Containers c : Containers.all(pod)) {
      if (SecurityContexts.of(c, pod).privileged()) {
        findings.add(
            Finding.at(
                c.path() + ".securityContext.privileged",
                (c.isInit() ? "init container `" : "container `")
                    + c.container().name()
                    + "` is privileged: root on every node; expected of agents that manage the"
                    + " node (CNI, CSI, device plugins, kernel modules), worth a second look"
                    + " anywhere else"));
      }
    }
    return findings;
  }
}
