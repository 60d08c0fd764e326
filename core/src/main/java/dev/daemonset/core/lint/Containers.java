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
}
