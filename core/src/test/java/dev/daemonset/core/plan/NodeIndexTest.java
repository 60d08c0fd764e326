package dev.daemonset.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The node index's own name sort gives exactly {@link Arrays#sort(Object[])}'s order. */
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
    assertThat(sortedByNodeIndex("node-10", "node-1", "node-", "node-1\u0000", "node-100000b", "node-100000a", ""))
        .containsExactly("", "node-", "node-1", "node-1\u0000", "node-10", "node-100000a", "node-100000b");
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
    System.out.println("NodeIndexTest seed " + seed);
    Random random = new Random(seed);
    String alphabet = "ab-.0\u0000\u00e9\u00ff";
    for (int round = 0; round < 2_000; round++) {
      String[] names = new String[random.nextInt(40)];
      String prefix = random.nextBoolean() ? "gke-prod-pool-" : "";
      for (int i = 0; i < names.length; i++) {
        StringBuilder name = new StringBuilder(prefix);
        int length = random.nextInt(9);
        for (int c = 0; c < length; c++) {
          name.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        if (random.nextInt(200) == 0) {
          name.append('\u0100');
        }
        names[i] = name.toString();
      }
      assertThat(sortedByNodeIndex(names)).as("seed %d, round %d: %s", seed, round, Arrays.toString(names))
          .containsExactly(sortedPlainly(names));
    }
  }
}
