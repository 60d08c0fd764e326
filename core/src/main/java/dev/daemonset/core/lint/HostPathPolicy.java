package dev.daemonset.core.lint;

import dev.daemonset.api.Severity;
import dev.daemonset.api.lint.Finding;
import dev.daemonset.api.lint.PolicyInput;
import dev.daemonset.api.lint.RuleInfo;
import dev.daemonset.api.lint.RuleParameter;
import dev.daemonset.api.model.PodSpec;
import dev.daemonset.api.model.VolumeMount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** hostPath volumes of the node's most sensitive places. */
final class HostPathPolicy extends BuiltinPolicy {

  static final String DEFAULT_PATHS =
      "/,/etc,/proc,/sys,/boot,/dev,/usr,/lib,/var/lib/kubelet,/var/lib/kubelet/pods,"
          + "/var/run/docker.sock,/run/docker.sock,/var/run/containerd/containerd.sock,"
          + "/run/containerd/containerd.sock,/var/run/crio/crio.sock,/run/crio/crio.sock,"
          + "/var/lib/docker,/var/lib/containerd";

  HostPathPolicy() {
    super(
        new RuleInfo(
                "host-path-sensitive",
                "Sensitive host path mounted",
                "A `hostPath` volume reaches one of the node's sensitive places, or a directory"
                    + " above one (mounting `/var/run` reaches `/var/run/docker.sock`): the whole"
                    + " file system, `/etc` (node and kubelet credentials), `/proc` and `/sys`"
                    + " (every process, kernel settings), the container runtime's socket (which"
                    + " is root on the node), or `/var/lib/kubelet` (every pod's volumes, Secrets"
                    + " included). Info, not warning: node exporters read `/proc` and `/sys`, CSI"
                    + " plugins need `/var/lib/kubelet`, and some monitoring agents the runtime"
                    + " socket; the message says which one and whether it is mounted read-only.",
                "Mount the narrowest path the agent needs, read-only (`readOnly: true` on every"
                    + " volumeMount), and prefer the kubelet or CRI APIs to the runtime socket.",
                Severity.INFO)
            .withParameters(
                List.of(
                    RuleParameter.list(
                        "paths",
                        DEFAULT_PATHS,
                        "The sensitive host paths; a hostPath equal to one, or a directory"
                            + " above one, is reported."))),
        "kube-linter `sensitive-host-mounts`, `docker-sock`");
  }

  @Override
  public List<Finding> check(PolicyInput input) {
    PodSpec pod = input.daemonSet().spec().template().spec();
    List<String> sensitive = new ArrayList<>();
    for (String p : input.parameters().list("paths")) {
      sensitive.add(PodFields.normalise(p));
    }
    List<Finding> findings = new ArrayList<>();
    for (Map.Entry<Integer, String> v : PodFields.hostPaths(pod).entrySet()) {
      String path = PodFields.normalise(v.getValue());
      String reached = reached(path, sensitive);
      if (reached == null) {
        continue;
      }
      String volume = pod.volumes().get(v.getKey()).name();
      List<String> writers = new ArrayList<>();
      List<String> readers = new ArrayList<>();
      for (Containers c : Containers.all(pod)) {
        for (VolumeMount m : c.container().volumeMounts()) {
          if (m.name().equals(volume)) {
            (m.readOnly() ? readers : writers).add(c.container().name());
          }
        }
      }
      if (writers.isEmpty() && readers.isEmpty()) {
        continue; // declared but mounted nowhere
      }
      String how =
          writers.isEmpty()
              ? "read-only by " + names(readers)
              : "writable by "
                  + names(writers)
                  + (readers.isEmpty() ? "" : ", read-only by " + names(readers));
      findings.add(
          Finding.at(
              Containers.SPEC + ".volumes[" + v.getKey() + "].hostPath.path",
              "hostPath "
                  + v.getValue()
                  + (reached.equals(path) ? "" : " (a directory above " + reached + ")")
                  + " is mounted "
                  + how
                  + ": "
                  + why(reached)));
    }
    return findings;
  }

  /** The sensitive path that {@code path} is or lies above, or null. */
  private static @Nullable String reached(String path, List<String> sensitive) {
    for (String s : sensitive) {
      if (s.equals(path)) {
        return s;
      }
    }
    for (String s : sensitive) {
      if (path.equals("/") || s.startsWith(path + "/")) {
        return s;
      }
    }
    return null;
  }

  private static String names(List<String> containers) {
    return "`" + String.join("`, `", containers.stream().distinct().toList()) + "`";
  }

  private static String why(String path) {
    if (path.endsWith(".sock")
        || path.equals("/var/lib/docker")
        || path.equals("/var/lib/containerd")) {
      return "whoever controls the container runtime controls the node";
    }
    return switch (path) {
      case "/" -> "the node's whole file system";
      case "/etc" -> "the node's configuration, kubelet credentials included";
      case "/proc" -> "every process of the node";
      case "/sys" -> "kernel and device settings of the node";
      case "/var/lib/kubelet", "/var/lib/kubelet/pods" -> "every pod's volumes, Secrets included";
      case "/dev" -> "every device of the node, its disks included";
      case "/boot" -> "the node's kernel and boot loader";
      case "/usr", "/lib" -> "the node's programs and libraries";
      default -> "a sensitive directory of the node";
    };
  }
}
