package dev.daemonset.core.lint;

import dev.daemonset.api.Severity;
import dev.daemonset.api.lint.Finding;
import dev.daemonset.api.lint.PolicyInput;
import dev.daemonset.api.lint.RuleInfo;
import dev.daemonset.api.lint.RuleParameter;
import java.util.List;

/**
 * A node agent's shutdown time: none at all (buffers lost, host state left behind) or so long that
 * every node of a rollout, a drain or a node shutdown waits for it.
 */
final class TerminationGracePolicy extends BuiltinPolicy {

  TerminationGracePolicy() {
    super(
        new RuleInfo(
                "termination-grace-period",
                "Node agent's shutdown time is zero or very long",
                "`terminationGracePeriodSeconds` is how long the kubelet waits between SIGTERM and"
                    + " SIGKILL. At 0 the agent is killed at once: a log shipper loses what it"
                    + " buffered, a network agent leaves its host rules behind. Above `maxSeconds`"
                    + " every node waits that long in each rolling-update step, each drain, and"
                    + " graceful node shutdown, which gives critical pods only"
                    + " `shutdownGracePeriodCriticalPods`. Info: some agents are killed at once on"
                    + " purpose (a CNI that must not be half-down).",
                "Set `terminationGracePeriodSeconds` to the time the agent needs to flush and clean"
                    + " up: more than 0, and within what a rollout and a node shutdown can afford.",
                Severity.INFO)
            .withParameters(
                List.of(
                    RuleParameter.integer(
                        "maxSeconds", "300", "The longest grace period that is not reported."))),
        "");
  }

  @Override
  public List<Finding> check(PolicyInput input) {
    Long grace = input.daemonSet().spec().template().spec().terminationGracePeriodSeconds();
    if (grace == null) {
      return List.of();
    }
    String path = Containers.SPEC + ".terminationGracePeriodSeconds";
    if (grace == 0) {
      return List.of(
          Finding.at(
              path,
              "terminationGracePeriodSeconds is 0: the agent is killed without time to flush"
                  + " buffers or clean up on the node"));
    }
    long max = input.parameters().integer("maxSeconds").orElse(300);
    if (grace > max) {
      return List.of(
          Finding.at(
              path,
              "terminationGracePeriodSeconds is "
                  + grace
                  + ": each rollout step, drain and node shutdown may wait that long for this"
                  + " agent (more than "
                  + max
                  + " s)"));
    }
    return List.of();
  }
}
