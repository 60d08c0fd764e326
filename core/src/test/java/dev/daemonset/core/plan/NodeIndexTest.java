package dev.daemonset.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.model.Container;
import dev.daemonset.api.model.Node;
import dev.daemonset.api.model.PodSpec;
import dev.daemonset.core.Seeds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The node index: its own name sort gives exactly {@link Arrays#sort(Object[])}'s order, and ids
 * map to positions.
 */
@ExtendWith(Seeds.class)
class NodeIndexTest {

  private static String[] sortedByNodeIndex(String... names) {
    int[] order = NodeIndex.sortedIds(names);
    String[] sorted = new String[names.length];
    for (int i = 0; i < order.length; i++) {
      sorted[i] = names[order[i]];
    }
    return sorted;
  }

  private static String[] sortedPlainly(String... names) {
    String[] copy = names.clone();
    Arrays.sort(copy);
    return copy;
  }

  @Test
  void shortNamesAndPrefixesSortFirst() {
    assertThat(
            sortedByNodeIndex(
                "node-10", "node-1", "node-", "node-1\u0000", "node-100000b", "node-100000a", ""))
        .containsExactly(
            "", "node-", "node-1", "node-1\u0000", "node-10", "node-100000a", "node-100000b");
  }

  @Test
  void namesEqualInTheKeyWindowAreOrderedByTheirWholeText() {
    // A shared prefix of "ip-10-", then five equal characters: the keys tie, the tails decide.
    assertThat(sortedByNodeIndex("ip-10-0-12-9", "ip-10-0-12-10", "ip-10-0-12-1", "ip-10-0-12-1"))
        .containsExactly("ip-10-0-12-1", "ip-10-0-12-1", "ip-10-0-12-10", "ip-10-0-12-9");
  }

  @Test
  void charactersBeyondLatin1TakeThePlainSort() {
    assertThat(sortedByNodeIndex("n\u0101", "n\u00ff", "na", "n\uffff"))
        .containsExactly("na", "n\u00ff", "n\u0101", "n\uffff");
  }

  @Test
  void randomNamesSortAsArraysSortDoes() {
    long seed = Long.getLong("sort.seed", 20261128L); // rerun another with -Dsort.seed=<seed>
    Seeds.use(seed, "-Dsort.seed=" + seed);
    Random random = new Random(seed);
    String alphabet = "ab-.0\u0000\u00e9\u00ff";
    for (int round = 0; round < 2_000; round++) {
      // Every 40th round is long enough for the radix sort of the keys.
      String[] names =
          new String
              [round % 40 == 0 ? NodeIndex.RADIX_MIN + random.nextInt(700) : random.nextInt(40)];
      String prefix = random.nextBoolean() ? "gke-prod-pool-" : "";
      for (int i = 0; i < names.length; i++) {
        StringBuilder name = new StringBuilder(prefix);
        int length = random.nextInt(names.length > 40 ? 4 : 9); // long lists: many equal keys
        for (int c = 0; c < length; c++) {
          name.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        if (random.nextInt(200) == 0) {
          name.append('\u0100');
        }
        names[i] = name.toString();
      }
      assertThat(sortedByNodeIndex(names))
          .as("seed %d, round %d: %s", seed, round, Arrays.toString(names))
          .containsExactly(sortedPlainly(names));
    }
  }

  @Test
  void radixSortOrdersKeysAsArraysSortDoes() {
    long seed = Long.getLong("sort.seed", 20261128L);
    Seeds.use(seed, "-Dsort.seed=" + seed);
    Random random = new Random(seed);
    for (int round = 0; round < 200; round++) {
      int n = random.nextInt(3_000);
      // The keys fill the front of a longer array, as the index builder's does; the rest is left
      // alone.
      long[] keys = new long[n + random.nextInt(3)];
      // Forty bits of characters, some bytes constant across all keys, above 20 bits of index.
      long constant = random.nextLong() & 0xFF_FFFF_FFFFL;
      long varying = random.nextLong() & 0xFF_FFFF_FFFFL;
      for (int i = 0; i < n; i++) {
        long chars = (constant & ~varying) | (random.nextLong() & varying);
        keys[i] = (chars << 20) | i;
      }
      for (int i = n; i < keys.length; i++) {
        keys[i] = random.nextLong();
      }
      long[] expected = keys.clone();
      Arrays.sort(expected, 0, n);
      NodeIndex.radixSort(keys, n);
      assertThat(keys).as("seed %d, round %d", seed, round).containsExactly(expected);
    }
  }

  @Test
  void vanishedNodesBeyondTheInitialTableGetIdsAndPositionsInNameOrder() {
    Placement placement =
        new Placement(PodSpec.of(List.of(Container.of("c", "i:1"))), List.of(), false);
    NodeIndex.Builder builder =
        new NodeIndex.Builder(
            List.of(Node.of("node-b", Map.of()), Node.of("node-a", Map.of())), placement);
    // Pods name 2,000 vanished nodes, in shuffled order, and the two snapshot nodes again: the
    // table sized for two nodes grows many times over.
    List<String> podNodes = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      podNodes.add(String.format(Locale.ROOT, "gone-%04d", i));
    }
    podNodes.add("node-a");
    podNodes.add("node-b");
    Collections.shuffle(podNodes, new Random(7));
    int[] ids = new int[podNodes.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = builder.podNode(podNodes.get(i));
    }
    assertThat(builder.podNode("gone-0000")).isEqualTo(ids[podNodes.indexOf("gone-0000")]);
    NodeIndex index = builder.build();

    assertThat(index.size()).isEqualTo(2_002);
    assertThat(index.name(0)).isEqualTo("gone-0000");
    assertThat(index.name(1_999)).isEqualTo("gone-1999");
    assertThat(index.name(2_000)).isEqualTo("node-a");
    assertThat(index.name(2_001)).isEqualTo("node-b");
    for (int i = 0; i < ids.length; i++) {
      int position = index.positionOfId(ids[i]);
      assertThat(index.name(position)).isEqualTo(podNodes.get(i));
      assertThat(index.positionOf(podNodes.get(i))).isEqualTo(position);
      assertThat(index.verdict(position) != null)
          .as(podNodes.get(i))
          .isEqualTo(podNodes.get(i).startsWith("node-"));
    }
    assertThat(index.positionOf("gone-2000")).isEqualTo(-1);
  }

  @Test
  void namesWithEqualHashesKeepTheirOwnIds() {
    // "Aa" and "BB" hash alike, so every name made of six such blocks has the same String hash:
    // 64 names that the table tells apart only by comparing them.
    List<String> colliding = new ArrayList<>();
    for (int bits = 0; bits < 64; bits++) {
      StringBuilder name = new StringBuilder();
      for (int block = 0; block < 6; block++) {
        name.append((bits >> block & 1) == 0 ? "Aa" : "BB");
      }
      colliding.add(name.toString());
    }
    assertThat(colliding.stream().mapToInt(String::hashCode).distinct().count()).isEqualTo(1);
    Collections.shuffle(colliding, new Random(11));
    Placement placement =
        new Placement(PodSpec.of(List.of(Container.of("c", "i:1"))), List.of(), false);
    List<Node> nodes = new ArrayList<>();
    for (String name : colliding.subList(0, 40)) {
      nodes.add(Node.of(name, Map.of()));
    }
    nodes.add(Node.of(colliding.get(3), Map.of("again", "yes"))); // a duplicate among the colliding
    NodeIndex.Builder builder = new NodeIndex.Builder(nodes, placement);
    int[] ids = new int[colliding.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] =
          builder.podNode(new String(colliding.get(i).toCharArray())); // equal, not the same object
    }
    NodeIndex index = builder.build();

    assertThat(index.size()).isEqualTo(64);
    assertThat(index.duplicates()).containsExactly(Map.entry(colliding.get(3), 2));
    assertThat(Arrays.stream(ids).distinct().count()).isEqualTo(64);
    for (int i = 0; i < ids.length; i++) {
      String name = colliding.get(i);
      int position = index.positionOfId(ids[i]);
      assertThat(index.name(position)).isEqualTo(name);
      assertThat(index.positionOf(name)).isEqualTo(position);
      assertThat(index.verdict(position) != null).as(name).isEqualTo(i < 40);
    }
    assertThat(index.positionOf("AaAaAaAaAaAaAa")).isEqualTo(-1);
  }

  @Test
  void ofDuplicateNodesTheGreatestByContentIsKeptInEveryOrder() {
    // Three copies of one node that differ only in their zone label (by content z1 < z2 < z3); only
    // the z3 copy fits the nodeSelector. Whatever order they arrive in, z3's verdict is kept.
    Placement placement =
        new Placement(
            PodSpec.of(List.of(Container.of("c", "i:1"))).withNodeSelector(Map.of("zone", "z3")),
            List.of(),
            false);
    List<List<String>> orders =
        List.of(
            List.of("z1", "z2", "z3"),
            List.of("z1", "z3", "z2"),
            List.of("z2", "z1", "z3"),
            List.of("z2", "z3", "z1"),
            List.of("z3", "z1", "z2"),
            List.of("z3", "z2", "z1"));
    for (List<String> zones : orders) {
      List<Node> nodes = new ArrayList<>();
      nodes.add(Node.of("node-a", Map.of("zone", "z3")));
      for (String zone : zones) {
        nodes.add(Node.of("node-dup", Map.of("zone", zone)));
      }
      NodeIndex index = new NodeIndex.Builder(nodes, placement).build();
      int position = index.positionOf("node-dup");
      assertThat(index.size()).isEqualTo(2);
      assertThat(index.duplicates()).containsExactly(Map.entry("node-dup", 3));
      assertThat(index.failures(position)).as("arrival order %s", zones).isEmpty();
    }
  }

  @Test
  void theBuilderOrdersRandomNodeAndPodNodeNamesAsArraysSortDoes() {
    // The builder makes each name's sort key on arrival, against the prefix shared so far, and
    // remakes those made before the prefix last shrank: the order must not depend on arrival.
    long seed = Long.getLong("sort.seed", 20261128L);
    Seeds.use(seed, "-Dsort.seed=" + seed);
    Random random = new Random(seed);
    Placement placement =
        new Placement(PodSpec.of(List.of(Container.of("c", "i:1"))), List.of(), false);
    String alphabet = "ab-.09\u00e9";
    for (int round = 0; round < 300; round++) {
      LinkedHashSet<String> distinct = new LinkedHashSet<>();
      int size = round % 10 == 0 ? NodeIndex.RADIX_MIN + random.nextInt(500) : random.nextInt(30);
      String prefix = List.of("", "ip-10-0-", "gke-prod-pool-a-", "n").get(random.nextInt(4));
      while (distinct.size() < size) {
        StringBuilder name = new StringBuilder(random.nextInt(20) == 0 ? "" : prefix);
        int length = random.nextInt(8);
        for (int c = 0; c < length; c++) {
          name.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        if (random.nextInt(300) == 0) {
          name.append('\u0100');
        }
        distinct.add(name.toString());
      }
      List<String> names = new ArrayList<>(distinct);
      int inSnapshot = names.isEmpty() ? 0 : random.nextInt(names.size() + 1);
      List<Node> nodes = new ArrayList<>();
      for (String name : names.subList(0, inSnapshot)) {
        nodes.add(Node.of(name, Map.of()));
      }
      NodeIndex.Builder builder = new NodeIndex.Builder(nodes, placement);
      for (String name : names) {
        builder.podNode(name); // the snapshot's names again, then the vanished ones
      }
      NodeIndex index = builder.build();
      String[] built = new String[index.size()];
      for (int i = 0; i < built.length; i++) {
        built[i] = index.name(i);
      }
      assertThat(built)
          .as("seed %d, round %d: %s", seed, round, names)
          .containsExactly(sortedPlainly(names.toArray(new String[0])));
    }
  }

  @Test
  void sortKeysOrderAsTheFiveCharactersPastThePrefix() {
    // The key holds the window's characters, one byte each, 0 past the name's end, above the index
    // bits.
    assertThat(NodeIndex.sortKey("node-abcdefg", 5)).isEqualTo(0x6162636465L << 20);
    assertThat(NodeIndex.sortKey("node-ab", 5)).isEqualTo(0x6162000000L << 20);
    assertThat(NodeIndex.sortKey("node-", 5)).isZero();
    assertThat(NodeIndex.sortKey("node-\u00ff", 5)).isEqualTo(0xFF00000000L << 20);
    assertThat(NodeIndex.sortKey("node-a\u0100", 5)).isEqualTo(-1);
    assertThat(NodeIndex.sharedPrefix("node-abc", "node-abd", 8)).isEqualTo(7);
    assertThat(NodeIndex.sharedPrefix("node-abc", "node-abd", 5)).isEqualTo(5);
    assertThat(NodeIndex.sharedPrefix("node-abc", "no", 8)).isEqualTo(2);
    assertThat(NodeIndex.sharedPrefix("node-abc", "x", 8)).isZero();
  }
}
