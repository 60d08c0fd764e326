package dev.daemonset.core.read;

import dev.daemonset.api.ReadResult;

/**
 * Reads Kubernetes manifests (YAML or JSON; single documents, multi-document streams and
 * {@code v1 List} objects) into the typed model. Placeholder: the reader issue fills this in.
 */
public final class ManifestReader {
  private ManifestReader() {}

  /** Reads {@code text}. Never throws for bad input: problems are diagnostics. */
  public static ReadResult read(String text) {
    throw new UnsupportedOperationException("not yet implemented: " + text.length());
  }

  /** Reads UTF-8 {@code bytes}. Never throws for bad input: problems are diagnostics. */
  public static ReadResult read(byte[] bytes) {
    throw new UnsupportedOperationException("not yet implemented: " + bytes.length);
  }
}
