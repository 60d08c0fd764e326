package dev.daemonset.core.plan;

import dev.daemonset.api.model.Node;
import dev.daemonset.api.plan.FailedPredicate;
import dev.daemonset.api.plan.NodeVerdict.Verdict;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Every node one plan deals with, in name order, each at a fixed position {@code 0..size()-1}: the
 * snapshot's nodes, each with its verdict, and the vanished nodes that claimed pods are still bound
 * to, with none.
 *
 * <p>The passes of a plan walk the positions and read arrays; a node name is hashed only to place a
 * pod or an action. At 65,000 nodes the earlier design, a hash lookup by name in every pass, cost
 * more than the passes' own work.
 *
 * <p>Node names are unique in a cluster; of duplicates in a snapshot the one greatest by content is
 * kept, so the choice never depends on the snapshot's order, and {@link #duplicates} counts them.
 */
final class NodeIndex {
  /** Bits of a sort key that hold a name's index; the key's upper bits hold 5 of its characters. */
  private static final int INDEX_BITS = 20;

  /** Below this many names a comparison sort of the keys beats the radix sort's fixed costs. */
  static final int RADIX_MIN = 256;

  private final String[] names;
  private final Placement.@Nullable Fit[] fits;

  /** The names by id, which {@link #ids} compares keys with (its first {@code size()} entries). */
  private final String[] namesById;

  private final NameIds ids;
  private final int[] positionOfId;
  private final SortedMap<String, Integer> duplicates;

  private NodeIndex(
      String[] names,
      Placement.@Nullable Fit[] fits,
      String[] namesById,
      NameIds ids,
      int[] positionOfId,
      SortedMap<String, Integer> duplicates) {
    this.names = names;
    this.fits = fits;
    this.namesById = namesById;
    this.ids = ids;
    this.positionOfId = positionOfId;
    this.duplicates = duplicates;
  }

  /**
   * Builds an index in two steps: the snapshot's nodes first, each fitted with the placement as it
   * arrives, then the node name of every claimed pod ({@link #podNode}), while the claim pass has
   * the pod in the cache; {@link #build} sorts.
   *
   * <p>Every name gets an id in order of arrival and, when built, a position in name order. At
   * 65,000 nodes each table lookup is a few cache misses, so a name is looked up once: the sort
   * carries the ids, and each pod keeps the id its node name was given. A node is fitted on arrival
   * for the same reason: fitting it later, in name order, would read it from memory again. The
   * nodes are read in {@link ReadAhead} batches.
   */
  static final class Builder {
    private final NameIds ids;
    private final boolean radix;
    private final List<Node> snapshotNodes;

    /**
     * The index in the snapshot's list of the node kept for each id; unused for a vanished node.
     */
    private int[] nodeById;

    private Placement.@Nullable Fit[] fitById;
    private String[] namesById;

    /**
     * Each name's sort key ({@link #sortKey}) past the prefix shared by the names so far, made
     * while the name is at hand; reading 65,000 names again to sort them was a sixth of a plan.
     */
    private long[] keysById;

    /** The length of the prefix all names so far share. */
    private int prefix;

    /** The keys of ids below this were made with a longer prefix than {@link #prefix}. */
    private int keysValidFrom;

    private final TreeMap<String, Integer> duplicates = new TreeMap<>();
    private int count;

    /** What {@link ReadAhead} returned, kept so that its reads are kept. */
    @SuppressWarnings("unused")
    private final int touched;

    Builder(List<Node> snapshotNodes, Placement placement) {
      this(snapshotNodes, placement, FastPaths.ALL);
    }

    /**
     * With {@link FastPaths#nodeTable} off, names get their ids from a {@link HashMap} and are
     * sorted by the plain comparison sort; with {@link FastPaths#readAhead} off, the nodes are
     * fitted one by one.
     */
    Builder(List<Node> snapshotNodes, Placement placement, FastPaths fast) {
      int expected = snapshotNodes.size() + 8; // a few vanished nodes without growing
      ids = fast.nodeTable() ? new Ids(expected) : new MapIds(expected);
      radix = fast.nodeTable();
      this.snapshotNodes = snapshotNodes;
      nodeById = new int[expected];
      fitById = new Placement.Fit[expected];
      namesById = new String[expected];
      keysById = new long[expected];
      int touched = 0;
      for (int start = 0; start < snapshotNodes.size(); start += ReadAhead.BATCH) {
        int end = ReadAhead.end(start, snapshotNodes.size());
        if (fast.readAhead()) {
          touched += ReadAhead.touchNodes(snapshotNodes, start, end);
        }
        for (int i = start; i < end; i++) {
          place(i, placement);
        }
      }
      this.touched = touched;
    }

    private void place(int index, Placement placement) {
      Node n = snapshotNodes.get(index);
      int id = ids.putIfAbsent(n.name(), count, namesById);
      if (id < 0) {
        fitById[count] = placement.fit(n);
        nodeById[count] = index;
        add(n.name());
      } else {
        duplicates.merge(n.name(), 2, (seen, two) -> seen + 1);
        if (CanonicalJson.compareByContent(snapshotNodes.get(nodeById[id]), n) < 0) {
          nodeById[id] = index;
          fitById[id] = placement.fit(n);
        }
      }
    }

    /** The id of the node a claimed pod names; a node not in the snapshot gets one, and no fit. */
    int podNode(String name) {
      int id = ids.putIfAbsent(name, count, namesById);
      if (id >= 0) {
        return id;
      }
      if (count == namesById.length) {
        int grown = count + (count >> 1) + 1;
        namesById = Arrays.copyOf(namesById, grown);
        fitById = Arrays.copyOf(fitById, grown);
        nodeById = Arrays.copyOf(nodeById, grown);
        keysById = Arrays.copyOf(keysById, grown);
      }
      add(name);
      return count - 1;
    }

    private void add(String name) {
      if (count == 0) {
        prefix = name.length();
      } else {
        int shared = sharedPrefix(namesById[0], name, prefix);
        if (shared < prefix) {
          prefix = shared;
          keysValidFrom = count;
        }
      }
      namesById[count] = name;
      keysById[count] = sortKey(name, prefix);
      count++;
    }

    /**
     * Sorts the names; the builder is used up (the first {@code count} keys are sorted in place).
     */
    NodeIndex build() {
      for (int id = 0; id < keysValidFrom; id++) {
        keysById[id] = sortKey(namesById[id], prefix);
      }
      int[] order = radix ? sortedIds(namesById, keysById, count) : plainOrder(namesById, count);
      String[] names = new String[count];
      Placement.Fit[] fits = new Placement.Fit[count];
      int[] positionOfId = new int[count];
      for (int position = 0; position < count; position++) {
        int id = order[position];
        positionOfId[id] = position;
        names[position] = namesById[id];
        fits[position] = fitById[id];
      }
      return new NodeIndex(
          names, fits, namesById, ids, positionOfId, Collections.unmodifiableSortedMap(duplicates));
    }
  }

  /**
   * The indexes of {@code names} in {@link String#compareTo} order of the names, as a stable {@link
   * Arrays#sort(Object[])} would order them, in a quarter of its time at 1,000 to 65,000 nodes.
   *
   * <p>Comparing strings is what made sorting the nodes cost more than the whole floor of a plan
   * (every comparison re-reads the prefix node names share: {@code ip-10-0-}, {@code
   * gke-prod-pool-}). Here each name is read once: past the prefix all names share, its next five
   * characters and its index are packed into one {@code long}, and the longs are sorted as
   * primitives. Key order agrees with string order (a name shorter than the window is padded with
   * 0, which sorts first), so only names with equal keys, usually none, are compared as strings
   * afterwards. Names with a character beyond Latin-1, or more names than the index bits hold, take
   * the plain sort.
   */
  static int[] sortedIds(String[] names) {
    int prefix = names.length == 0 ? 0 : names[0].length();
    for (String name : names) {
      prefix = sharedPrefix(names[0], name, prefix);
    }
    long[] keys = new long[names.length];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = sortKey(names[i], prefix);
    }
    return sortedIds(names, keys, keys.length);
  }

  /** The length of the prefix {@code name} shares with {@code first}, at most {@code prefix}. */
  static int sharedPrefix(String first, String name, int prefix) {
    int limit = Math.min(prefix, name.length());
    int j = 0;
    while (j < limit && name.charAt(j) == first.charAt(j)) {
      j++;
    }
    return j;
  }

  /**
   * The five characters of {@code name} past {@code prefix}, one byte each (0 past its end), in the
   * upper bits of a long; -1 if one of them is beyond Latin-1.
   */
  static long sortKey(String name, int prefix) {
    long key = 0;
    for (int j = prefix; j < prefix + 5; j++) {
      char c = j < name.length() ? name.charAt(j) : 0;
      if (c > 0xFF) {
        return -1;
      }
      key = key << 8 | c;
    }
    return key << INDEX_BITS;
  }

  /**
   * The name order of the first {@code n} names, given their {@link #sortKey}s in the first {@code
   * n} keys (which this sorts in place); both arrays may be longer.
   */
  private static int[] sortedIds(String[] names, long[] keys, int n) {
    if (n >= 1 << INDEX_BITS) {
      return plainOrder(names, n);
    }
    for (int i = 0; i < n; i++) {
      if (keys[i] < 0) {
        return plainOrder(names, n);
      }
      keys[i] |= i;
    }
    if (n < RADIX_MIN) {
      Arrays.sort(keys, 0, n);
    } else {
      radixSort(keys, n);
    }
    int[] order = new int[n];
    int mask = (1 << INDEX_BITS) - 1;
    int runStart = 0;
    for (int i = 0; i < n; i++) {
      order[i] = (int) (keys[i] & mask);
      if (keys[i] >>> INDEX_BITS != keys[runStart] >>> INDEX_BITS) {
        sortByName(names, order, runStart, i);
        runStart = i;
      }
    }
    sortByName(names, order, runStart, n);
    return order;
  }

  /**
   * Sorts the first {@code n} keys, which are in index order (the {@link #INDEX_BITS} low bits of
   * {@code keys[i]} are {@code i}), as {@link Arrays#sort(long[], int, int)} would: a stable
   * least-significant-digit radix sort, one byte of the name characters at a time, skipping the
   * bytes in which all keys agree. Names share most of their characters, so a sort of 65,000 names
   * takes two to five counting passes instead of a comparison sort's sixteen rounds of branchy
   * compares.
   */
  static void radixSort(long[] keys, int n) {
    long differing = 0;
    for (int i = 0; i < n; i++) {
      differing |= keys[i] ^ keys[0];
    }
    long[] from = keys;
    long[] to = new long[n];
    int[] starts = new int[257];
    for (int shift = INDEX_BITS; shift < Long.SIZE; shift += 8) {
      if ((differing >>> shift & 0xFF) == 0) {
        continue;
      }
      Arrays.fill(starts, 0);
      for (int i = 0; i < n; i++) {
        starts[(int) (from[i] >>> shift & 0xFF) + 1]++;
      }
      for (int b = 0; b < 256; b++) {
        starts[b + 1] += starts[b];
      }
      for (int i = 0; i < n; i++) {
        long k = from[i];
        to[starts[(int) (k >>> shift & 0xFF)]++] = k;
      }
      long[] swap = from;
      from = to;
      to = swap;
    }
    if (from != keys) {
      System.arraycopy(from, 0, keys, 0, n);
    }
  }

  /** The indexes of the first {@code n} names in name order, by the plain comparison sort. */
  private static int[] plainOrder(String[] names, int n) {
    int[] order = new int[n];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    sortByName(names, order, 0, order.length);
    return order;
  }

  /** Orders the indexes in {@code order[from..to)} by their names (distinct in an index). */
  private static void sortByName(String[] names, int[] order, int from, int to) {
    if (to - from < 2) {
      return;
    }
    Integer[] run = new Integer[to - from];
    for (int i = 0; i < run.length; i++) {
      run[i] = order[from + i];
    }
    Arrays.sort(run, Comparator.comparing((Integer i) -> names[i]));
    for (int i = 0; i < run.length; i++) {
      order[from + i] = run[i];
    }
  }

  int size() {
    return names.length;
  }

  String name(int position) {
    return names[position];
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
    int id = ids.get(name, namesById);
    return id < 0 ? -1 : positionOfId[id];
  }

  /** The position of the node with id {@code id} ({@link Builder#podNode}). */
  int positionOfId(int id) {
    return positionOfId[id];
  }

  /** Names that the snapshot holds more than once, with how often, in name order. */
  SortedMap<String, Integer> duplicates() {
    return duplicates;
  }

  /** Ids of names: {@link Ids}, or a plain {@link MapIds} with the fast paths off. */
  private interface NameIds {
    /** The id of {@code key}, whose name is {@code namesById[id]}; -1 if it has none. */
    int get(String key, String[] namesById);

    /**
     * Gives {@code key} the id {@code value} if it has none and returns -1 (the caller then stores
     * the name at {@code namesById[value]}); else returns its id.
     */
    int putIfAbsent(String key, int value, String[] namesById);
  }

  /** The straightforward {@link NameIds}: a {@link HashMap}. */
  private static final class MapIds implements NameIds {
    private final Map<String, Integer> ids;

    MapIds(int expected) {
      ids = new HashMap<>(expected * 2);
    }

    @Override
    public int get(String key, String[] namesById) {
      Integer id = ids.get(key);
      return id == null ? -1 : id;
    }

    @Override
    public int putIfAbsent(String key, int value, String[] namesById) {
      Integer id = ids.putIfAbsent(key, value);
      return id == null ? -1 : id;
    }
  }

  /**
   * A hash table from name to id with open addressing, in one array: each slot holds a name's hash
   * in its upper half and the name's id + 1 in its lower half (0: empty). A probe reads one slot;
   * only where the hashes agree is a name read, from the names by id the caller keeps (the table
   * stores no reference, and growing it reads no name).
   */
  private static final class Ids implements NameIds {
    private static final long HASH = 0xFFFF_FFFF_0000_0000L;
    private long[] slots;
    private int shift;
    private int mask;
    private int size;

    Ids(int expected) {
      allocate(33 - Integer.numberOfLeadingZeros(Math.max(2, expected) - 1)); // load factor <= 1/2
    }

    private void allocate(int bits) {
      slots = new long[1 << bits];
      shift = 32 - bits;
      mask = (1 << bits) - 1;
    }

    /** The slot of {@code key}, or the empty slot where it would go. */
    private int slot(String key, int hash, String[] namesById) {
      // Fibonacci hashing: names like node-000001, node-000002 have consecutive String hashes,
      // which linear probing would pile into one long run.
      int i = (hash * 0x9E3779B9) >>> shift;
      long wanted = (long) hash << 32;
      for (long s = slots[i]; s != 0; s = slots[i]) {
        if ((s & HASH) == wanted) {
          String name = namesById[(int) s - 1];
          if (name.equals(key)) {
            return i;
          }
        }
        i = (i + 1) & mask;
      }
      return i;
    }

    @Override
    public int get(String key, String[] namesById) {
      long s = slots[slot(key, key.hashCode(), namesById)];
      return s == 0 ? -1 : (int) s - 1;
    }

    @Override
    public int putIfAbsent(String key, int value, String[] namesById) {
      int hash = key.hashCode();
      int i = slot(key, hash, namesById);
      if (slots[i] != 0) {
        return (int) slots[i] - 1;
      }
      slots[i] = (long) hash << 32 | (value + 1);
      if (++size > slots.length >> 1) {
        grow();
      }
      return -1;
    }

    /** Doubles the table when it is half full, so that probe runs stay short. */
    private void grow() {
      long[] old = slots;
      allocate(32 - Integer.numberOfLeadingZeros(slots.length));
      for (long s : old) {
        if (s != 0) {
          int i = ((int) (s >>> 32) * 0x9E3779B9) >>> shift;
          while (slots[i] != 0) {
            i = (i + 1) & mask;
          }
          slots[i] = s;
        }
      }
    }
  }
}
