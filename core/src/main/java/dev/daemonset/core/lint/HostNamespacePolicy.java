package dev.daemonset.core.lint;

import dev.daemonset.api.Severity;
import dev.daemonset.api.lint.Finding;
import dev.daemonset.api.lint.PolicyInput;
import dev.daemonset.api.lint.RuleInfo;
import dev.daemonset.api.model.PodSpec;
import java.util.List;
import java.util.function.Predicate;

/**
 * The pod shares one of the node's namespaces (network, process IDs, IPC): three rules, one per
 * field, so each can be suppressed on its own.
 */
final class HostNamespacePolicy extends BuiltinPolicy {
  private final String field;
  private final Predicate<PodSpec> set;
  private final String message;

  private HostNamespacePolicy(
      RuleInfo info, String equivalent, String field, Predicate<PodSpec> set, String message) {
    super(info, equivalent);
    this.field = field;
    this.set = set;
    this.message = message;
  }

  static HostNamespacePolicy network() {
    return new HostNamespacePolicy(
        new RuleInfo(
            "host-network",
            "Pod uses the node's network",
            "`hostNetwork: true`: the pod's ports are the node's ports, it sees all of the node's"
                + " traffic and reaches every local service, and a NetworkPolicy no longer"
                + " applies to it. Info, not warning: CNI plugins, kube-proxy replacements,"
                + " node-local DNS and load-balancer speakers need it; a log shipper or metrics"
                + " exporter usually does not. The Pod Security Standards' baseline profile"
                + " forbids it.",
            "Remove `hostNetwork` and expose the agent through a Service or a `hostPort`; if it"
                + " stays, use `dnsPolicy: ClusterFirstWithHostNet` to resolve cluster names.",
            Severity.INFO),
        "kube-linter `host-network`, Polaris `hostNetworkSet`",
        "hostNetwork",
        PodSpec::hostNetwork,
        "the pod uses the node's network namespace: expected of network agents (CNI, DNS,"
            + " load-balancer speakers), not of most others");
  }

  static HostNamespacePolicy pid() {
    return new HostNamespacePolicy(
        new RuleInfo(
            "host-pid",
            "Pod shares the node's process IDs",
            "`hostPID: true`: the pod sees every process of the node and, as root, can signal or"
                + " trace them and read their environment. Info, not warning: node monitoring,"
                + " security agents and reboot daemons need it. The Pod Security Standards'"
                + " baseline profile forbids it.",
            "Remove `hostPID` unless the agent inspects or controls host processes.",
            Severity.INFO),
        "kube-linter `host-pid`, Polaris `hostPIDSet`",
        "hostPID",
        PodSpec::hostPID,
        "the pod shares the node's process namespace: it sees and, as root, can signal every"
            + " process of the node");
  }

  static HostNamespacePolicy ipc() {
    return new HostNamespacePolicy(
        new RuleInfo(
            "host-ipc",
            "Pod shares the node's IPC namespace",
            "`hostIPC: true`: the pod shares System V IPC and POSIX message queues and shared"
                + " memory with every process of the node. Few agents need it. The Pod Security"
                + " Standards' baseline profile forbids it.",
            "Remove `hostIPC`.",
            Severity.INFO),
        "kube-linter `host-ipc`, Polaris `hostIPCSet`",
        "hostIPC",
        spec -> Boolean.TRUE.equals(PodFields.bool(spec, "hostIPC")),
        "the pod shares the node's IPC namespace: its shared memory and message queues");
  }

  @Override
  public List<Finding> check(PolicyInput input) {
    if (!set.test(input.daemonSet().spec().template().spec())) {
      return List.of();
    }
    return List.of(Finding.at(Containers.SPEC + "." + field, message));
  }
}
