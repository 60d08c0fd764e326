package dev.daemonset.core.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.ReadResult;
import dev.daemonset.api.model.ControllerRevision;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.model.Node;
import dev.daemonset.api.model.Pod;
import dev.daemonset.api.plan.ClusterSnapshot;
import dev.daemonset.api.simulate.Impact;
import dev.daemonset.api.simulate.NodeSet;
import dev.daemonset.api.simulate.SimulationOptions;
import dev.daemonset.api.simulate.Startup;
import dev.daemonset.api.simulate.Timeline;
import dev.daemonset.core.TestData;
import dev.daemonset.core.diff.Differ;
import dev.daemonset.core.read.ManifestReader;
import dev.daemonset.core.simulate.Simulator;
import dev.daemonset.core.testsupport.SuppressForbidden;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Java example of docs/simulate.md, as written there, run on the examples. */
class SimulateExamplesTest {

  @Test
  @SuppressForbidden // docs/simulate.md's example prints to System.out, captured here
  void theLibraryExampleRuns() throws IOException {
    ReadResult manifest =
        ManifestReader.defaults()
            .read(Files.readAllBytes(TestData.path("examples/node-agent.yaml")));
    ReadResult cluster =
        ManifestReader.defaults().read(Files.readAllBytes(TestData.path("examples/cluster.yaml")));
    DaemonSet ds = manifest.daemonSets().get(0);
    List<Node> nodes = cluster.nodes();
    List<Pod> pods = cluster.pods();
    List<ControllerRevision> revisions = cluster.controllerRevisions();
    DaemonSet before = ds;
    DaemonSet after = ds.withMetadata(ds.metadata().withGeneration(3));
    ClusterSnapshot snapshot = ClusterSnapshot.from(cluster);
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    Timeline kept;
    Impact keptImpact;
    try {
      Timeline t =
          Simulator.simulate(
              ds,
              new ClusterSnapshot(nodes, pods, revisions),
              Instant.parse("2026-11-28T10:00:00Z"),
              SimulationOptions.DEFAULTS
                  .withStartup(Startup.uniform(Duration.ofSeconds(20), Duration.ofSeconds(60)))
                  .withNeverReady(NodeSet.share(0.1))
                  .withSeed(7));
      if (t.stalled()) {
        System.out.println(t.stall().cause() + " at " + t.stall().at() + ": " + t.stall().nodes());
      }

      Impact impact = Differ.diff(before, after, snapshot, Instant.parse("2026-11-28T10:00:00Z"));
      impact.nodesLost().forEach(n -> System.out.println(n.node() + " " + n.reason()));
      kept = t;
      keptImpact = impact;
    } finally {
      System.setOut(original);
    }
    assertThat(kept.outcome()).isIn(Timeline.Outcome.CONVERGED, Timeline.Outcome.STALLED);
    assertThat(keptImpact.rollout()).isFalse(); // only metadata.generation differs
    assertThat(keptImpact.nodesLost()).isEmpty();
  }
}
