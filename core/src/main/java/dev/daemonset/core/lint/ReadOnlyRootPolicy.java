package dev.daemonset.core.lint;

import dev.daemonset.api.Severity;
import dev.daemonset.api.lint.Finding;
import dev.daemonset.api.lint.PolicyInput;
import dev.daemonset.api.lint.RuleInfo;
import dev.daemonset.api.model.PodSpec;
import dev.daemonset.api.model.SecurityContext;
import java.util.ArrayList;
import java.util.List;

/** A writable root file system lets an intruder change the agent's own binaries. */
final class ReadOnlyRootPolicy extends BuiltinPolicy {

  ReadOnlyRootPolicy() {
    super(
        new RuleInfo(
                "read-only-root-filesystem-missing",
                "Container root file system is writable",
                "The container does not set `readOnlyRootFilesystem: true`, so whatever runs in it"
                    + " can change its binaries and configuration. Off by default: many agents"
                    + " write caches or buffers into their image's directories and need an"
                    + " `emptyDir` there first. Windows pods are not reported (the setting does not"
                    + " apply to them).",
                "Set `securityContext.readOnlyRootFilesystem: true` and mount an `emptyDir` where"
                    + " the agent writes.",
                Severity.INFO)
            .withEnabledByDefault(false),
        "kube-linter `no-read-only-root-fs`, Polaris `notReadOnlyRootFilesystem`, kube-score"
            + " `container-security-context-readonlyrootfilesystem`");
  }

  @Override
  public List<Finding> check(PolicyInput input) {
    PodSpec pod = input.daemonSet().spec().template().spec();
    List<Finding> findings = new ArrayList<>();
    for (Containers c : SecurityContexts.linux(pod)) {
      SecurityContext own = c.container().securityContext();
      if (c.isInit() || (own != null && Boolean.TRUE.equals(own.readOnlyRootFilesystem()))) {
        continue;
      }
      findings.add(
          Finding.at(
              SecurityContexts.of(c, pod).path("readOnlyRootFilesystem", input.sourceMap(), false),
              "container `" + c.container().name() + "` can write to its root file system"));
    }
    return findings;
  }
}
