package dev.daemonset.api.model;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * {@code spec.template} of a DaemonSet.
 *
 * @param metadata the pod metadata (labels, annotations)
 * @param spec the pod spec
 * @since 0.2
 */
@API(status = STABLE, since = "0.2")
public record PodTemplateSpec(ObjectMeta metadata, PodSpec spec) {
  /** A template with nothing set. */
  public static final PodTemplateSpec EMPTY = new PodTemplateSpec(ObjectMeta.EMPTY, PodSpec.EMPTY);

  public PodTemplateSpec {
    requireNonNull(metadata, "metadata");
    requireNonNull(spec, "spec");
  }

  public PodTemplateSpec withMetadata(ObjectMeta newMetadata) {
    return new PodTemplateSpec(newMetadata, spec);
  }

  public PodTemplateSpec withSpec(PodSpec newSpec) {
    return new PodTemplateSpec(metadata, newSpec);
  }
}
