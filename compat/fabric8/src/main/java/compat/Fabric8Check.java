package compat;

import dev.daemonset.api.ReadResult;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.plan.ClusterSnapshot;
import dev.daemonset.api.plan.Plan;
import dev.daemonset.core.plan.Planner;
import dev.daemonset.core.read.ManifestReader;
import dev.daemonset.core.validate.DaemonSetValidator;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The shared check, then a round trip through fabric8: a DaemonSet and three nodes built with
 * fabric8's model and serialized by fabric8 as YAML and as JSON are read by daemonset-engine,
 * validated and planned: the two Linux nodes get a pod, the Windows node does not.
 */
public final class Fabric8Check {
  private Fabric8Check() {}

  public static void main(String[] args) throws IOException {
    CompatCheck.main(args);
    io.fabric8.kubernetes.api.model.apps.DaemonSet ds =
        new DaemonSetBuilder()
            .withNewMetadata()
            .withName("agent")
            .withNamespace("monitoring")
            .endMetadata()
            .withNewSpec()
            .withNewSelector()
            .addToMatchLabels("app", "agent")
            .endSelector()
            .withNewTemplate()
            .withNewMetadata()
            .addToLabels("app", "agent")
            .endMetadata()
            .withNewSpec()
            .addToNodeSelector("kubernetes.io/os", "linux")
            .addNewContainer()
            .withName("agent")
            .withImage("registry.example/agent:1.0")
            .endContainer()
            .endSpec()
            .endTemplate()
            .endSpec()
            .build();
    List<Node> nodes =
        List.of(
            node("linux-1", "linux"), node("linux-2", "linux"), node("windows-1", "windows"));
    ManifestReader reader = ManifestReader.defaults();
    for (boolean yaml : new boolean[] {true, false}) {
      String format = yaml ? "YAML" : "JSON";
      ReadResult read = reader.read(yaml ? Serialization.asYaml(ds) : Serialization.asJson(ds));
      CompatCheck.expect(read.diagnostics(), List.of(), "fabric8 DaemonSet as " + format);
      DaemonSet ours = read.daemonSets().get(0);
      CompatCheck.expect(
          DaemonSetValidator.validate(read.documents().get(0)), List.of(), "validation");
      StringBuilder cluster = new StringBuilder();
      for (Node n : nodes) {
        cluster.append(yaml ? Serialization.asYaml(n) : Serialization.asJson(n));
      }
      ReadResult snapshot = reader.read(cluster.toString());
      CompatCheck.expect(snapshot.diagnostics(), List.of(), "fabric8 nodes as " + format);
      Plan plan =
          Planner.plan(ours, ClusterSnapshot.of(snapshot.nodes(), List.of()), CompatCheck.NOW);
      CompatCheck.expect(
          CompatCheck.actions(plan),
          List.of("CREATE linux-1 MISSING", "CREATE linux-2 MISSING"),
          "plan of the fabric8 objects (" + format + ")");
    }
    System.out.println("compat " + args[0] + ": ok (fabric8 objects as YAML and JSON, validate, plan)");
  }

  private static Node node(String name, String os) {
    return new NodeBuilder()
        .withNewMetadata()
        .withName(name)
        .withLabels(Map.of("kubernetes.io/os", os))
        .endMetadata()
        .build();
  }
}
