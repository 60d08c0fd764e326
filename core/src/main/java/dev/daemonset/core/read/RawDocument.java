package dev.daemonset.core.read;

import dev.daemonset.core.internal.tree.Finding;
import dev.daemonset.core.internal.tree.Tree;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One document of a stream as parsed, before kinds are looked at.
 *
 * @param root the tree, or null when the document could not be read (see findings)
 * @param findings what parsing found (paths from the document root, document index 0)
 */
record RawDocument(@Nullable Tree root, List<Finding> findings) {
  RawDocument {
    findings = List.copyOf(findings);
  }
}
