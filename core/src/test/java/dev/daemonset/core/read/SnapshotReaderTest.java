package dev.daemonset.core.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.ReadResult;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.plan.ClusterSnapshot;
import dev.daemonset.core.Seeds;
import dev.daemonset.core.dump.ClusterDump;
import dev.daemonset.core.dump.ClusterDump.Format;
import dev.daemonset.core.dump.ClusterDump.Options;
import dev.daemonset.core.plan.Planner;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The snapshot reader reads what the full reader reads, of what it keeps, and what it keeps plans
 * as the full objects plan.
 */
@ExtendWith(Seeds.class)
class SnapshotReaderTest {
  private static final DaemonSet DS =
      ManifestReader.defaults().read(ClusterDump.daemonSetYaml()).daemonSets().get(0);

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
    Seeds.use(seed, "-Dsnapshot.seed=" + seed);
    Random random = new Random(seed);
    for (int round = 0; round < 6; round++) {
      Options options =
          new Options(5 + random.nextInt(40), random.nextDouble(), random.nextLong(), true);
      for (Format format : Format.values()) {
        byte[] bytes = ClusterDump.bytes(options, format);
        String what = options + " " + format + " (seed " + seed + ")";
        ReadResult snapshot = SnapshotAgreement.check(bytes, what);
        ReadResult full = ManifestReader.defaults().read(bytes);
        assertThat(Planner.plan(DS, ClusterSnapshot.from(snapshot), ClusterDump.TAKEN))
            .as(what + ": the plan")
            .isEqualTo(Planner.plan(DS, ClusterSnapshot.from(full), ClusterDump.TAKEN));
      }
    }
  }
}
