package dev.daemonset.core.lint;

import dev.daemonset.api.Severity;
import dev.daemonset.api.lint.Finding;
import dev.daemonset.api.lint.PolicyInput;
import dev.daemonset.api.lint.RuleInfo;
import dev.daemonset.api.model.PodSpec;
import dev.daemonset.api.model.VolumeMount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A hostPath volume mounted writable: the container can change the node's files. */
final class HostPathWritablePolicy extends BuiltinPolicy {

  HostPathWritablePolicy() {
    super(
        new RuleInfo(
                "host-path-writable",
                "Host path mounted writable",
                "A container mounts a `hostPath` volume without `readOnly: true`, so it can change"
                    + " or plant files on every node. Off by default: log shippers keep their"
                    + " read positions on the host, CNI plugins install binaries and configuration,"
                    + " CSI plugins mount volumes; switch it on to review each writable mount.",
                "Add `readOnly: true` to every volumeMount of a hostPath the agent only reads.",
                Severity.INFO)
            .withEnabledByDefault(false),
        "kube-linter `writable-host-mount` (off by default)");
  }

  @Override
  public List<Finding> check(PolicyInput input) {
    PodSpec pod = input.daemonSet().spec().template().spec();
    Map<Integer, String> hostPaths = PodFields.hostPaths(pod);
    List<Finding> findings = new ArrayList<>();
    for (Containers c : Containers.all(pod)) {
      List<VolumeMount> mounts = c.container().volumeMounts();
      for (int i = 0; i < mounts.size(); i++) {
        VolumeMount m = mounts.get(i);
        if (m.readOnly()) {
          continue;
        }
        for (Map.Entry<Integer, String> v : hostPaths.entrySet()) {
          if (pod.volumes().get(v.getKey()).name().equals(m.name())) {
            findings.add(
                Finding.at(
                    c.path() + ".volumeMounts[" + i + "].mountPath",
                    (c.isInit() ? "init container `" : "container `")
                        + c.container().name()
                        + "` mounts hostPath "
                        + v.getValue()
                        + " writable at "
                        + m.mountPath()
                        + ": it can change the node's files there"));
          }
        }
      }
    }
    return findings;
  }
}
