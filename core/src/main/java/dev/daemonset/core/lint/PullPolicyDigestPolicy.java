package dev.daemonset.core.lint;

import dev.daemonset.api.Severity;
import dev.daemonset.api.lint.Finding;
import dev.daemonset.api.lint.PolicyInput;
import dev.daemonset.api.lint.RuleInfo;
import java.util.ArrayList;
import java.util.List;

/** imagePullPolicy: Always on an image pinned by digest: a registry outage for nothing. */
final class PullPolicyDigestPolicy extends BuiltinPolicy {

  PullPolicyDigestPolicy() {
    super(
        new RuleInfo(
            "image-pull-policy-always-digest",
            "imagePullPolicy Always with a digest",
            "A digest names one image forever, yet `imagePullPolicy: Always` makes the kubelet ask"
                + " the registry at every container start: when the registry is down or rate-limits,"
                + " a node agent that restarts (after a crash, an eviction or a node reboot) cannot"
                + " start, on every node at once, although the image is on disk.",
            "Use `imagePullPolicy: IfNotPresent` (the default for images without the latest tag).",
            Severity.WARNING),
        "");
  }

  @Override
  public List<Finding> check(PolicyInput input) {
    List<Finding> findings = new ArrayList<>();
    for (Containers c : Containers.all(input.daemonSet().spec().template().spec())) {
      if (c.container().imagePullPolicy().equals("Always") && c.container().image().contains("@")) {
        findings.add(
            Finding.at(
                c.path() + ".imagePullPolicy",
                "image `"
                    + c.container().image()
                    + "` is pinned by digest, yet pulled at every start: a registry outage keeps"
                    + " the agent from restarting"));
      }
    }
    return findings;
  }
}
