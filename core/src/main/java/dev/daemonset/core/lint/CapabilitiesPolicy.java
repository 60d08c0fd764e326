package dev.daemonset.core.lint;

import dev.daemonset.api.Severity;
import dev.daemonset.api.lint.Finding;
import dev.daemonset.api.lint.PolicyInput;
import dev.daemonset.api.lint.RuleInfo;
import dev.daemonset.api.lint.RuleParameter;
import dev.daemonset.api.model.PodSpec;
import dev.daemonset.api.model.SecurityContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Added capabilities that amount to (most of) root on the node. */
final class CapabilitiesPolicy extends BuiltinPolicy {

  CapabilitiesPolicy() {
    super(
        new RuleInfo(
                "capabilities-added",
                "Container adds powerful capabilities",
                "The container adds a Linux capability from the `capabilities` list: `ALL` is"
                    + " everything `privileged` gives but devices, `SYS_ADMIN` is close to it,"
                    + " `NET_ADMIN` rewrites the node's network (routes, iptables), `SYS_MODULE`"
                    + " loads kernel modules, `SYS_PTRACE` reads other processes' memory. Info, not"
                    + " warning: network agents need `NET_ADMIN` and some storage and eBPF agents"
                    + " `SYS_ADMIN`; adding a capability is still far better than `privileged`"
                    + " (privileged containers are not reported here).",
                "Add only the capabilities the agent uses, drop `ALL` first, and record why in"
                    + " `daemonset.dev/ignore-reason` if it must keep one of these.",
                Severity.INFO)
            .withParameters(
                List.of(
                    RuleParameter.list(
                        "capabilities",
                        "ALL,SYS_ADMIN,NET_ADMIN,SYS_MODULE,SYS_PTRACE",
                        "The capabilities that are reported when added (without the `CAP_`"
                            + " prefix)."))),
        "Polaris `dangerousCapabilities`, `insecureCapabilities`");
  }

  @Override
  public List<Finding> check(PolicyInput input) {
    PodSpec pod = input.daemonSet().spec().template().spec();
    List<String> reported = new ArrayList<>();
    for (String c : input.parameters().list("capabilities")) {
      reported.add(name(c));
    }
    List<Finding> findings = new ArrayList<>();
    for (Containers c : SecurityContexts.linux(pod)) {
      SecurityContext sc = c.container().securityContext();
      if (sc == null || Boolean.TRUE.equals(sc.privileged())) {
        continue;
      }
      for (int i = 0; i < sc.capabilitiesAdd().size(); i++) {
        String cap = name(sc.capabilitiesAdd().get(i));
        if (reported.contains(cap)) {
          findings.add(
              Finding.at(
                  c.path() + ".securityContext.capabilities.add[" + i + "]",
                  (c.isInit() ? "init container `" : "container `")
                      + c.container().name()
                      + "` adds "
                      + cap
                      + ": "
                      + why(cap)));
        }
      }
    }
    return findings;
  }

  /** {@code cap_net_admin} → {@code NET_ADMIN}. */
  static String name(String capability) {
    String upper = capability.trim().toUpperCase(Locale.ROOT);
    return upper.startsWith("CAP_") ? upper.substring(4) : upper;
  }

  private static String why(String cap) {
    return switch (cap) {
      case "ALL" -> "every capability, nearly all of what privileged gives";
      case "SYS_ADMIN" -> "mounts, namespaces and much else, close to root on the node";
      case "NET_ADMIN" -> "it can change the node's routes, interfaces and iptables rules";
      case "SYS_MODULE" -> "it can load kernel modules into the node's kernel";
      case "SYS_PTRACE" -> "it can read and change other processes' memory";
      default -> "listed in this rule's capabilities";
    };
  }
}
