package dev.daemonset.core.lint;

import dev.daemonset.api.Severity;
import dev.daemonset.api.lint.Finding;
import dev.daemonset.api.lint.PolicyInput;
import dev.daemonset.api.lint.RuleInfo;
import java.util.ArrayList;
import java.util.List;

/** A container without a memory limit can take a node's memory, on every node at once. */
final class MemoryLimitPolicy extends BuiltinPolicy {

  MemoryLimitPolicy() {
    super(
        new RuleInfo(
            "memory-limit-missing",
            "Container has no memory limit",
            "A container sets no `limits.memory`. A leak in a DaemonSet is a leak on every node at"
                + " the same time, and without a limit the kubelet's eviction or the kernel's OOM"
                + " killer picks a victim on the node, which need not be the agent. Info, not"
                + " warning: some node agents (CNI, storage) leave the limit out on purpose, because"
                + " an OOM-killed agent takes the node's networking or volumes down with it.",
            "Set `resources.limits.memory` a margin above the agent's peak use; if the agent must"
                + " never be OOM-killed, say so in a `daemonset.dev/ignore-reason`.",
            Severity.INFO),
        "kube-linter `unset-memory-requirements`, Polaris `memoryLimitsMissing`, kube-score"
            + " `container-resources`");
  }

  @Override
  public List<Finding> check(PolicyInput input) {
    List<Finding> findings = new ArrayList<>();
    for (Containers c : Containers.all(input.daemonSet().spec().template().spec())) {
      if (!c.isInit()
          && !c.isPause()
          && !c.container().resources().limits().containsKey("memory")) {
        findings.add(
            Finding.at(
                c.path() + ".resources",
                "container `"
                    + c.container().name()
                    + "` has no memory limit: a leak grows on every node at once until the"
                    + " node runs out of memory"));
      }
    }
    return findings;
  }
}
