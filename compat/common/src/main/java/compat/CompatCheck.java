package compat;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.ReadResult;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.model.KubernetesObject;
import dev.daemonset.api.plan.Action;
import dev.daemonset.api.plan.ClusterSnapshot;
import dev.daemonset.api.plan.Plan;
import dev.daemonset.core.lint.Linter;
import dev.daemonset.core.plan.Planner;
import dev.daemonset.core.read.ManifestReader;
import dev.daemonset.core.render.ManifestWriter;
import dev.daemonset.core.validate.DaemonSetValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What every consumer build checks, with the dependency versions of its own pom: the examples of
 * the repository read from YAML and from JSON, validated, linted and planned, each result compared
 * with the one the engine's own tests expect. Exit status 1 and a message on the first difference.
 *
 * <p>Arguments: the name of the case, and the repository's {@code src/examples} folder.
 */
public final class CompatCheck {
  private CompatCheck() {}

  static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

  static final List<String> PLAN =
      List.of("CREATE worker-4 MISSING", "DELETE edge-1 MISSCHEDULED", "DELETE cp-1 OUTDATED");

  static final List<String> BROKEN =
      List.of(
          "9:16 invalid-type",
          "9:16 yaml-ambiguous-scalar",
          "16:17 FieldValueInvalid",
          "20:9 FieldValueInvalid",
          "21:5 FieldValueRequired",
          "21:5 priority-class-missing",
          "22:22 FieldValueNotSupported",
          "25:9 duplicate-key",
          "26:7 unknown-field");

  public static void main(String[] args) throws IOException {
    String name = args[0];
    Path examples = Path.of(args[1]);
    ManifestReader reader = ManifestReader.defaults();

    // read YAML, write JSON and YAML, read both back: equal objects
    ReadResult agent = reader.read(Files.readAllBytes(examples.resolve("node-agent.yaml")));
    expect(agent.diagnostics(), List.of(), "diagnostics of node-agent.yaml");
    DaemonSet ds = agent.daemonSets().get(0);
    DaemonSet fromJson = reader.read(ManifestWriter.toJson(ds)).daemonSets().get(0);
    expect(fromJson, ds, "node-agent.yaml written as JSON and read back");
    DaemonSet fromYaml = reader.read(ManifestWriter.toYaml(ds)).daemonSets().get(0);
    expect(fromYaml, ds, "node-agent.yaml written as YAML and read back");

    // validate: the example is valid; lint: the broken example's findings, in order
    expect(DaemonSetValidator.validate(agent.documents().get(0)), List.of(), "validation");
    ReadResult broken = reader.read(Files.readAllBytes(examples.resolve("broken-daemonset.yaml")));
    expect(codes(Linter.defaults().lint(broken)), BROKEN, "lint of broken-daemonset.yaml");

    // plan, with the cluster read from YAML and again from JSON
    ReadResult clusterYaml = reader.read(Files.readAllBytes(examples.resolve("cluster.yaml")));
    StringBuilder json = new StringBuilder();
    List<KubernetesObject> objects = new ArrayList<>(clusterYaml.nodes());
    objects.addAll(clusterYaml.pods());
    objects.forEach(o -> json.append(ManifestWriter.toJson(o)));
    ReadResult clusterJson = reader.read(json.toString());
    expect(clusterJson.diagnostics(), List.of(), "diagnostics of the cluster as JSON");
    for (ReadResult cluster : List.of(clusterYaml, clusterJson)) {
      Plan plan = Planner.plan(ds, ClusterSnapshot.of(cluster.nodes(), cluster.pods()), NOW);
      expect(actions(plan), PLAN, "plan");
      expect(plan.status().desiredNumberScheduled(), 6, "desired pods");
    }
    System.out.println(
        "compat " + name + ": ok (read YAML and JSON, write, validate, lint, plan)");
  }

  static List<String> codes(List<Diagnostic> diagnostics) {
    List<String> out = new ArrayList<>();
    for (Diagnostic d : diagnostics) {
      out.add(d.span().line() + ":" + d.span().column() + " " + d.code());
    }
    return out;
  }

  static List<String> actions(Plan plan) {
    List<String> out = new ArrayList<>();
    for (Action a : plan.actions()) {
      out.add(a.kind() + " " + a.node() + " " + a.reason().name());
    }
    return out;
  }

  static void expect(Object actual, Object expected, String what) {
    if (!actual.equals(expected)) {
      System.err.println("compat: " + what + ":\n  expected " + expected + "\n  but was  " + actual);
      System.exit(1);
    }
  }
}
