package dev.daemonset.core.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.ReadResult;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.plan.ClusterSnapshot;
import dev.daemonset.api.plan.Plan;
import dev.daemonset.core.dump.ClusterDump;
import dev.daemonset.core.dump.ClusterDump.Format;
import dev.daemonset.core.dump.ClusterDump.Options;
import dev.daemonset.core.plan.Planner;
import dev.daemonset.core.testsupport.SuppressForbidden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A generated cluster dump read from a file, streaming, within the tests' heap ({@code -Xmx512m}):
 * 2,000 nodes in {@code mvn verify} (33 MB of JSON), where the full reader reads it too and both
 * must agree, objects and plan; 65,000 nodes (1.06 GB of JSON, 0.49 GB of YAML: twice the heap and
 * more) with the long-test profile:
 *
 * <pre>
 * mvn -B -Plong -pl core -am test -Dtest=SnapshotFleetTest -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * <p>The dumps are written to {@code target/fleet-dumps/} once and reused.
 */
class SnapshotFleetTest {
  private static final int NODES = Integer.getInteger("fleet.nodes", 2_000);

  @ParameterizedTest
  @SuppressForbidden // the heap in use is the long test's record (-Plong, benchmarks/README.md)
  @EnumSource(Format.class)
  void readsADumpFromAFileWithinTheHeap(Format format) throws IOException {
    Path file = Path.of("target", "fleet-dumps", "nodes-" + NODES + "." + format.extension());
    if (!Files.exists(file)) {
      ClusterDump.write(Options.of(NODES, 20261128L), format, file);
    }
    long size = Files.size(file);
    ReadResult snapshot = SnapshotReader.defaults().read(file);
    Runtime rt = Runtime.getRuntime();
    System.gc();
    System.out.printf(
        Locale.ROOT,
        "SnapshotFleetTest: %,d nodes, %s of %,d bytes read in a heap of at most %,d bytes (in use"
            + " after a collection, the result held: %,d)%n",
        NODES,
        format,
        size,
        rt.maxMemory(),
        rt.totalMemory() - rt.freeMemory());
    assertThat(snapshot.diagnostics()).isEmpty();
    assertThat(snapshot.nodes()).hasSize(NODES);
    assertThat(snapshot.pods()).hasSize(NODES + NODES / 2);
    assertThat(snapshot.controllerRevisions()).hasSize(2);
    DaemonSet ds = ManifestReader.defaults().read(ClusterDump.daemonSetYaml()).daemonSets().get(0);
    Instant now = ClusterDump.TAKEN;
    Plan plan = Planner.plan(ds, ClusterSnapshot.from(snapshot), now);
    assertThat(plan.verdicts()).hasSize(NODES);
    assertThat(plan.currentHash()).isEqualTo(ClusterDump.CURRENT_HASH);
    if (size < 100 << 20) {
      // small enough for the full reader too: the same objects, the same plan
      ReadResult full = ManifestReader.defaults().read(Files.readAllBytes(file));
      SnapshotAgreement.assertAgree(full, snapshot, file.toString());
      assertThat(plan).isEqualTo(Planner.plan(ds, ClusterSnapshot.from(full), now));
    } else {
      assertThat(size).as("a dump larger than the heap").isGreaterThan(rt.maxMemory() / 2);
    }
  }
}
