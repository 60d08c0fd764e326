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
                + " line for eviction under memory pressure, and capacity planning misses it.",
            "Set `resources.requests` (and usually `limits.memory`) for cpu and memory.",
            Severity.WARNING));
  }

  @Override
  public List<Finding> check(PolicyInput input) {
    List<Finding> findings = new ArrayList<>();
    for (Containers c : Containers.all(input.daemonSet().spec().template().spec())) {
      var requests = c.container().resources().requests();
      var limits = c.container().resources().limits();
      boolean cpu = requests.containsKey("cpu") || limits.containsKey("cpu");
      boolean memory = requests.containsKey("memory") || limits.containsKey("memory");
      if (!cpu && !memory) {
        findings.add(
            Finding.at(
                c.path() + ".resources",
                "container `"
                    + c.container().name()
                    + "` has no cpu or memory requests: the scheduler reserves nothing for it on any node"));
      } else if (!cpu || !memory) {
        findings.add(
            Finding.at(
                c.path() + ".resources",
                "container `"
                    + c.container().name()
                    + "` has no "
                    + (cpu ? "memory" : "cpu")
                    + " request: the scheduler reserves none for it on any node"));
      }
    }
    return findings;
  }
}
