package dev.daemonset.core.lint;

import dev.daemonset.api.Severity;
import dev.daemonset.api.lint.Finding;
import dev.daemonset.api.lint.PolicyInput;
import dev.daemonset.api.lint.RuleInfo;
import dev.daemonset.api.model.PodSpec;
import dev.daemonset.api.model.SecurityContext;
import java.util.ArrayList;
import java.util.List;

/** Without allowPrivilegeEscalation: false, a setuid binary can gain more than the process had. */
final class PrivilegeEscalationPolicy extends BuiltinPolicy {

  PrivilegeEscalationPolicy() {
    super(
        new RuleInfo(
                "privilege-escalation-allowed",
                "Container may gain privileges",
                "The container does not set `allowPrivilegeEscalation: false`, so a setuid binary"
                    + " or file capability inside it can give a process more privileges than its"
                    + " parent had (the kernel's no_new_privs flag is off). Off by default: most"
                    + " node agents run as root with added capabilities, where the flag changes"
                    + " little; switch it on for agents meant to run restricted. Privileged"
                    + " containers and Windows pods are not reported.",
                "Set `securityContext.allowPrivilegeEscalation: false` on the container.",
                Severity.INFO)
            .withEnabledByDefault(false),
        "kube-linter `privilege-escalation-container`, Polaris `privilegeEscalationAllowed`");
  }

  @Override
  public List<Finding> check(PolicyInput input) {
    PodSpec pod = input.daemonSet().spec().template().spec();
    List<Finding> findings = new ArrayList<>();
    for (Containers c : SecurityContexts.linux(pod)) {
      SecurityContexts sc = SecurityContexts.of(c, pod);
      SecurityContext own = c.container().securityContext();
      if (sc.privileged()
          || (own != null && Boolean.FALSE.equals(own.allowPrivilegeEscalation()))) {
        continue;
      }
      findings.add(
          Finding.at(
              sc.path("allowPrivilegeEscalation", input.sourceMap(), false),
              (c.isInit() ? "init container `" : "container `")
                  + c.container().name()
                  + "` does not set allowPrivilegeEscalation: false: a setuid binary in it can"
                  + " gain privileges"));
    }
    return findings;
  }
}
