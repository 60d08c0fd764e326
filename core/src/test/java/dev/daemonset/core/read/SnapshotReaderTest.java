package dev.daemonset.core.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.ReadResult;
import dev.daemonset.core.dump.ClusterDump;
import dev.daemonset.core.dump.ClusterDump.Format;
import dev.daemonset.core.dump.ClusterDump.Options;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The snapshot reader reads what the full reader reads, of what it keeps. */
class SnapshotReaderTest {

  @Test
  void generatedDumpsAsJsonAndYaml() {
    for (Format format : Format.values()) {
      byte[] bytes = ClusterDump.bytes(Options.of(60, 7), format);
      ReadResult r = SnapshotAgreement.check(bytes, "60 nodes " + format);
      assertThat(r.nodes()).hasSize(60);
      assertThat(r.pods()).hasSize(90);
      assertThat(r.controllerRevisions()).hasSize(2);
      assertThat(r.diagnostics()).isEmpty();
    }
  }

  @Test
  void generatedClustersWithVariety() {
    long seed = Long.getLong("snapshot.seed", 20261207L);
    System.out.println(
        "SnapshotReaderTest seed " + seed + " (rerun with -Dsnapshot.seed=" + seed + ")");
    Random random = new Random(seed);
    for (int round = 0; round < 6; round++) {
      Options options =
          new Options(5 + random.nextInt(40), random.nextDouble(), random.nextLong(), true);
      for (Format format : Format.values()) {
        SnapshotAgreement.check(
            ClusterDump.bytes(options, format), options + " " + format + " (seed " + seed + ")");
      }
    }
  }
}
