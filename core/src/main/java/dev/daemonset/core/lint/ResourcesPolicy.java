package dev.daemonset.core.lint;

import dev.daemonset.api.Severity;
import dev.daemonset.api.lint.Finding;
import dev.daemonset.api.lint.PolicyInput;
import dev.daemonset.api.lint.RuleInfo;
import java.util.ArrayList;
import java.util.List;

/** Containers without resource requests: nothing is reserved for the agent on any node. */
final class ResourcesPolicy extends BuiltinPolicy {

  ResourcesPolicy() {
    super(
        new RuleInfo(
            "resources-missing",
            "Container has no resource requests",
            "A container sets no cpu or memory requests. A DaemonSet runs on every node, so the scheduler"
                + " reserves nothing for it anywhere: the agent competes with workloads for CPU, is first in"
                + " line for eviction under memory pressure, and capacity planning misses it. Init"
                + " containers are reported at info: they run to completion before the agent starts,"
                + " and the pod's request is the larger of theirs and the containers' sum.",
            "Set `resources.requests` (and usually `limits.memory`) for cpu and memory.",
            Severity.WARNING),
        "kube-linter `unset-cpu-requirements`, `unset-memory-requirements`; Polaris"
            + " `cpuRequestsMissing`, `memoryRequestsMissing`; kube-score `container-resources`");
  }

  @Override
  public List<Finding> check(PolicyInput input) {
    List<Finding> findings = new ArrayList<>();
    for (Containers c : Containers.all(input.daemonSet().spec().template().spec())) {
      if (c.isPause()) {
        continue;
      }
      var requests = c.container().resources().requests();
      var limits = c.container().resources().limits();
      boolean cpu = requests.containsKey("cpu") || limits.containsKey("cpu");
      boolean memory = requests.containsKey("memory") || limits.containsKey("memory");
      String what = c.isInit() ? "init container `" : "container `";
      Severity severity = c.isInit() ? Severity.INFO : null;
      if (!cpu && !memory) {
        findings.add(
            new Finding(
                c.path() + ".resources",
                what
                    + c.container().name()
                    + "` has no cpu or memory requests: the scheduler reserves nothing for it on any node",
                severity));
      } else if (!cpu || !memory) {
        findings.add(
            new Finding(
                c.path() + ".resources",
                what
                    + c.container().name()
                    + "` has no "
                    + (cpu ? "memory" : "cpu")
                    + " request: the scheduler reserves none for it on any node",
                severity));
      }
    }
    return findings;
  }
}
