package dev.daemonset.core.render;

import dev.daemonset.api.model.KubernetesObject;

/** STUB until the reader branch lands. */
public final class ManifestWriter {
  private ManifestWriter() {}

  public static String toYaml(KubernetesObject object) {
    throw new UnsupportedOperationException(object.toString());
  }
}
