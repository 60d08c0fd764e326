package dev.daemonset.api.simulate;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * A set of nodes a failure is injected on. Closed: switch on {@link #kind()} (Java 17) or
 * pattern-match the nested records (Java 21+).
 *
 * <pre>{@code
 * NodeSet third = NodeSet.share(1.0 / 3);               // each node with probability 1/3, seeded
 * NodeSet gpus = NodeSet.selector(Map.of("pool", "gpu"));
 * NodeSet one = NodeSet.names(Set.of("node-3"));
 * }</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public sealed interface NodeSet
    permits NodeSet.None, NodeSet.Share, NodeSet.Selector, NodeSet.Names {

  /** No node. */
  NodeSet NONE = new None();

  /** Which variant this is. */
  Kind kind();

  /** The kinds of node set. */
  enum Kind {
    NONE,
    SHARE,
    SELECTOR,
    NAMES
  }

  /** Each node with probability {@code fraction}, decided from the seed and the node's name. */
  static NodeSet share(double fraction) {
    return new Share(fraction);
  }

  /** The nodes that have all these labels with these values. */
  static NodeSet selector(Map<String, String> labels) {
    return new Selector(labels);
  }

  /** The nodes of these names. */
  static NodeSet names(Set<String> names) {
    return new Names(names);
  }

  /** No node; use {@link #NONE}. */
  record None() implements NodeSet {
    @Override
    public Kind kind() {
      return Kind.NONE;
    }
  }

  /**
   * A seeded share of the nodes: a node belongs when a number drawn from the simulation's seed and
   * the node's name is below {@code fraction}, so about that share of the nodes belongs, the same
   * ones for the same seed.
   *
   * @param fraction between 0 and 1
   */
  record Share(double fraction) implements NodeSet {
    public Share {
      if (!(fraction >= 0 && fraction <= 1)) {
        throw new IllegalArgumentException("fraction must be between 0 and 1: " + fraction);
      }
    }

    @Override
    public Kind kind() {
      return Kind.SHARE;
    }
  }

  /**
   * The nodes that have every one of these labels with its value (as a {@code nodeSelector}).
   *
   * @param labels the labels
   */
  record Selector(Map<String, String> labels) implements NodeSet {
    public Selector {
      labels = Map.copyOf(labels);
    }

    @Override
    public Kind kind() {
      return Kind.SELECTOR;
    }
  }

  /**
   * The nodes of these names.
   *
   * @param names the names
   */
  record Names(Set<String> names) implements NodeSet {
    public Names {
      names = Set.copyOf(names);
    }

    @Override
    public Kind kind() {
      return Kind.NAMES;
    }
  }
}
