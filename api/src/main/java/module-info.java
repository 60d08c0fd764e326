/**
 * The public contract of daemonset-engine: the immutable Kubernetes model (DaemonSet, Pod, Node,
 * ControllerRevision), diagnostics with source positions, and the plan types. It names no Jackson
 * or Hibernate type; its only dependencies are Jakarta Validation (constraint annotations) and
 * JSpecify (nullness).
 */
module dev.daemonset.api {
  requires transitive jakarta.validation;
  requires static transitive org.jspecify;
  requires static transitive org.apiguardian.api;

  exports dev.daemonset.api;
  exports dev.daemonset.api.model;
  exports dev.daemonset.api.lint;
  exports dev.daemonset.api.plan;
  exports dev.daemonset.api.simulate;
  exports dev.daemonset.api.constraints;
}
