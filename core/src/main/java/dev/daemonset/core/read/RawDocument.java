package dev.daemonset.core.read;

import dev.daemonset.core.tree.Finding;
import dev.daemonset.core.tree.Tree;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One document of a stream as parsed, before kinds are looked at.
 *
 * @param root the tree, or null when the document could not be read (see findings)
 * @param findings what parsing found (paths from the document root, document index 0)
 * @param startLine 1-based line where the document starts, for findings about it as a whole
 */
record RawDocument(@Nullable Tree root, List<Finding> findings, int startLine) {
  RawDocument {
    findings = List.copyOf(findings);
  }
}
