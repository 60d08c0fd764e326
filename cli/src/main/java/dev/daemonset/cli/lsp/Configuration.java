package dev.daemonset.cli.lsp;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.plan.ClusterSnapshot;
import dev.daemonset.core.DaemonSetEngine;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the server lints a document with: the one place its configuration comes from. The engine
 * carries the reader's limits and the linter (policies, severities, suppressions); the cluster is
 * the snapshot the placement code lens plans against.
 *
 * <p>{@link ProjectConfiguration} answers from the {@code .daemonset.yaml} found upward from each
 * document and the client's settings; tests plug in others. Implementations are called from the
 * server's worker thread only, may cache, and must not throw for bad user files (answer without the
 * cluster instead, and say why through {@link #problems}).
 */
interface Configuration {

  /** The engine for the document at {@code document}. */
  DaemonSetEngine engine(URI document);

  /** The cluster snapshot for {@code document}, if one is configured and readable. */
  Optional<Cluster> cluster(URI document);

  /**
   * The client's settings or workspace folders changed (or were first given, at {@code
   * initialize}): drop what depended on them.
   */
  void configure(Settings settings, List<Path> workspaceRoots);

  /**
   * What went wrong with the configuration for {@code document} since the last call (an unreadable
   * snapshot file, say), one sentence each, for the client's log; empty when nothing did.
   */
  default List<String> problems(URI document) {
    return List.of();
  }

  /**
   * The located problems of the files the configuration in use reads (a cluster snapshot that does
   * not parse, say), by file, for the server to publish there; a file whose problems are gone is
   * left out. Empty when nothing is wrong.
   */
  default Map<Path, List<Diagnostic>> fileProblems() {
    return Map.of();
  }

  /**
   * A cluster snapshot and where it came from.
   *
   * @param name what the code lens calls it (the file names)
   * @param snapshot the nodes, pods and revisions
   */
  record Cluster(String name, ClusterSnapshot snapshot) {}
}
