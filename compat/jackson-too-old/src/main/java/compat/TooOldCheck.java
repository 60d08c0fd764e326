package compat;

import dev.daemonset.api.plan.ClusterSnapshot;
import dev.daemonset.core.plan.Planner;
import dev.daemonset.core.read.ManifestReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * With a Jackson older than supported, reading JSON fails with one IllegalStateException that
 * names the version found and the minimum, again on the second try (no NoClassDefFoundError), while
 * YAML reading and planning, which do not need Jackson, still work.
 */
public final class TooOldCheck {
  private TooOldCheck() {}

  public static void main(String[] args) throws Exception {
    ManifestReader reader = ManifestReader.defaults();
    String expected = "daemonset-core needs Jackson 2.15 or newer, but found jackson-core 2.14.3";
    for (int attempt = 1; attempt <= 2; attempt++) {
      try {
        reader.read("{\"apiVersion\":\"v1\",\"kind\":\"Node\",\"metadata\":{\"name\":\"a\"}}");
        System.err.println("compat: JSON was read with Jackson 2.14 (attempt " + attempt + ")");
        System.exit(1);
      } catch (IllegalStateException e) {
        CompatCheck.expect(e.getMessage().startsWith(expected), true, "message: " + e.getMessage());
      }
    }
    var ds =
        reader
            .read(Files.readAllBytes(Path.of(args[1]).resolve("node-agent.yaml")))
            .daemonSets()
            .get(0);
    var plan = Planner.plan(ds, ClusterSnapshot.of(List.of(), List.of()), CompatCheck.NOW);
    CompatCheck.expect(plan.actions(), List.of(), "plan of an empty cluster");
    System.out.println("compat " + args[0] + ": ok (one clear message, twice; YAML still reads)");
  }
}
