package dev.daemonset.core.lint;

import dev.daemonset.api.model.Container;
import dev.daemonset.api.model.PodSpec;
import java.util.ArrayList;
import java.util.List;

/** A container with the path it was written at, for policies that look at every container. */
record Containers(String path, Container container) {

  static final String SPEC = "spec.template.spec";

  /** Init containers first, then regular containers, each with its Kubernetes path. */
  static List<Containers> all(PodSpec spec) {
    List<Containers> out = new ArrayList<>();
    for (int i = 0; i < spec.initContainers().size(); i++) {
      out.add(new Containers(SPEC + ".initContainers[" + i + "]", spec.initContainers().get(i)));
    }
    for (int i = 0; i < spec.containers().size(); i++) {
      out.add(new Containers(SPEC + ".containers[" + i + "]", spec.containers().get(i)));
    }
    return out;
  }

  boolean isInit() {
    return path.startsWith(SPEC + ".initContainers");
  }

  /**
   * True for a pause container ({@code registry.k8s.io/pause:3.9}): a DaemonSet whose init
   * containers do the work (install a driver, tune the kernel) keeps its pod alive with one. It
   * does nothing, so resource, limit and probe findings about it would be noise.
   */
  boolean isPause() {
    String image = container.image();
    int at = image.indexOf('@');
    String name = at < 0 ? image : image.substring(0, at);
    name = name.substring(name.lastIndexOf('/') + 1);
    int colon = name.indexOf(':');
    return (colon < 0 ? name : name.substring(0, colon)).equals("pause");
  }
}
