package dev.daemonset.core.plan;

import dev.daemonset.api.model.Node;
import dev.daemonset.api.plan.FailedPredicate;
import dev.daemonset.api.plan.NodeVerdict.Verdict;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Every node one plan deals with, in name order, each at a fixed position {@code 0..size()-1}:
 * the snapshot's nodes, each with its verdict, and the vanished nodes that claimed pods are
 * still bound to, with none.
 *
 * <p>The passes of a plan walk the positions and read arrays; a node name is hashed only to
 * place a pod or an action. At 65,000 nodes the earlier design, a hash lookup by name in every
 * pass, cost more than the passes' own work.
 *
 * <p>Node names are unique in a cluster; of duplicates in a snapshot the one greatest by content
 * is kept, so the choice never depends on the snapshot's order, and {@link #duplicates} counts them.
 */
final class NodeIndex {
  private final String[] names;
  private final @Nullable Node[] nodes;
  private final Placement.@Nullable Fit[] fits;
  private final Positions positions;
  private final SortedMap<String, Integer> duplicates;

  private NodeIndex(String[] names, @Nullable Node[] nodes, Placement.@Nullable Fit[] fits, Positions positions,
      SortedMap<String, Integer> duplicates) {
    this.names = names;
    this.nodes = nodes;
    this.fits = fits;
    this.positions = positions;
    this.duplicates = duplicates;
  }

  /**
   * Indexes {@code snapshotNodes} and the vanished nodes among {@code podNodes} (the node names
   * claimed pods are bound to), and fits every snapshot node with {@code placement}.
   */
  static NodeIndex of(List<Node> snapshotNodes, List<String> podNodes, Placement placement) {
    Positions ids = new Positions(snapshotNodes.size() + podNodes.size());
    Node[] byId = new Node[snapshotNodes.size() + podNodes.size()];
    TreeMap<String, Integer> duplicates = new TreeMap<>();
    int count = 0;
    for (Node n : snapshotNodes) {
      int id = ids.putIfAbsent(n.name(), count);
      if (id < 0) {
        byId[count++] = n;
      } else {
        duplicates.merge(n.name(), 2, (seen, two) -> seen + 1);
        if (CanonicalJson.compareByContent(byId[id], n) < 0) {
          byId[id] = n;
        }
      }
    }
    String[] names = new String[count + podNodes.size()];
    for (int i = 0; i < count; i++) {
      names[i] = byId[i].name();
    }
    for (String node : podNodes) {
      if (ids.putIfAbsent(node, count) < 0) {
        names[count++] = node;
      }
    }
    names = Arrays.copyOf(names, count);
    // Sorting the names alone (natural order, no comparator) is the cheapest sort of the nodes;
    // each name's id then finds its node, and the table is rewritten to map names to positions.
    Arrays.sort(names);
    Node[] nodes = new Node[count];
    Placement.Fit[] fits = new Placement.Fit[count];
    for (int position = 0; position < count; position++) {
      Node n = byId[ids.replace(names[position], position)];
      if (n != null) {
        nodes[position] = n;
        fits[position] = placement.fit(n);
      }
    }
    return new NodeIndex(names, nodes, fits, ids, Collections.unmodifiableSortedMap(duplicates));
  }

  int size() {
    return names.length;
  }

  String name(int position) {
    return names[position];
  }

  /** The snapshot's node at {@code position}; {@code null} for a vanished node. */
  @Nullable Node node(int position) {
    return nodes[position];
  }

  /** The verdict of the node at {@code position}; {@code null} for a vanished node. */
  @Nullable Verdict verdict(int position) {
    Placement.Fit fit = fits[position];
    return fit == null ? null : fit.verdict();
  }

  /** Every failed predicate of the node at {@code position}; empty for a vanished node. */
  List<FailedPredicate> failures(int position) {
    Placement.Fit fit = fits[position];
    return fit == null ? List.of() : fit.failures();
  }

  /** The first failed predicate of the node at {@code position}, as a sentence; "" if none. */
  String firstFailure(int position) {
    List<FailedPredicate> f = failures(position);
    return f.isEmpty() ? "" : f.get(0).message();
  }

  /** The position of the node named {@code name}; -1 if it is not indexed. */
  int positionOf(String name) {
    return positions.get(name);
  }

  /** Names that the snapshot holds more than once, with how often, in name order. */
  SortedMap<String, Integer> duplicates() {
    return duplicates;
  }

  /**
   * A hash table from name to int with open addressing: no entry object and no boxed integer per
   * node, which at 65,000 nodes halved the cost of building the index.
   */
  private static final class Positions {
    private final String[] keys;
    private final int[] values;
    private final int shift;
    private final int mask;

    Positions(int expected) {
      int bits = 33 - Integer.numberOfLeadingZeros(Math.max(2, expected) - 1); // load factor <= 1/2
      keys = new String[1 << bits];
      values = new int[1 << bits];
      shift = 32 - bits;
      mask = (1 << bits) - 1;
    }

    private int slot(String key) {
      // Fibonacci hashing: names like node-000001, node-000002 have consecutive String hashes,
      // which linear probing would pile into one long run.
      int i = (key.hashCode() * 0x9E3779B9) >>> shift;
      while (keys[i] != null && !keys[i].equals(key)) {
        i = (i + 1) & mask;
      }
      return i;
    }

    int get(String key) {
      int i = slot(key);
      return keys[i] == null ? -1 : values[i];
    }

    /** Stores {@code value} if {@code key} is new and returns -1; else returns the stored value. */
    int putIfAbsent(String key, int value) {
      int i = slot(key);
      if (keys[i] != null) {
        return values[i];
      }
      keys[i] = key;
      values[i] = value;
      return -1;
    }

    /** Replaces the value of a stored {@code key}; returns the one it had. */
    int replace(String key, int value) {
      int i = slot(key);
      int old = values[i];
      values[i] = value;
      return old;
    }
  }
}
