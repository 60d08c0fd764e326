package dev.daemonset.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.Document;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.core.read.ManifestReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where each kind of finding points: the exact line and column the user must fix. */
class PositionTest {

  private static List<Diagnostic> validate(String yaml) {
    Document doc = ManifestReader.defaults().read(yaml).documents().get(0);
    return DaemonSetValidator.validate((DaemonSet) doc.object(), doc.sourceMap());
  }

  private static String at(Diagnostic d) {
    return d.path() + " @" + d.span().line() + ":" + d.span().column();
  }

  private static final String TEMPLATE =
      """
        template:
          metadata:
            labels:
              app: agent
          spec:
            containers:
            - name: agent
              image: registry.example/agent:1.0
      """;

  @Test
  void metadataNameValueAndLabelKey() {
    String yaml =
        """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: Agent
          labels:
            app: agent
            bad key: x
        spec:
          selector:
            matchLabels:
              app: agent
        """
            + TEMPLATE;
    // the name error points at the value; the label-key error (path without key) at the bad key
    assertThat(validate(yaml))
        .extracting(PositionTest::at)
        .containsExactly("metadata.name @4:9", "metadata.labels @7:5");
  }

  @Test
  void selectorOperator() {
    String yaml =
        """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: agent
        spec:
          selector:
            matchExpressions:
            - key: app
              operator: in
              values: [agent]
        """
            + TEMPLATE;
    assertThat(validate(yaml))
        .extracting(PositionTest::at)
        .containsExactly("spec.selector.matchExpressions[0].operator @9:17");
  }

  @Test
  void templateLabelQuirkPointsAtTheWrittenEntry() {
    String yaml =
        """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: agent
        spec:
          selector:
            matchLabels:
              app: agent
          template:
            metadata:
              labels:
                app: agent
                tier: "a b"
            spec:
              containers:
              - name: agent
                image: registry.example/agent:1.0
        """;
    // rendered on spec.template.labels (upstream quirk), located on the value under metadata.labels
    assertThat(validate(yaml))
        .extracting(PositionTest::at)
        .containsExactly("spec.template.labels @13:15");
  }

  @Test
  void containerMissingImagePointsAtTheContainer() {
    String yaml =
        """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: agent
        spec:
          selector:
            matchLabels:
              app: agent
          template:
            metadata:
              labels:
                app: agent
            spec:
              containers:
              - name: agent
                imagePullPolicy: Sometimes
        """;
    // a missing field points at its nearest written ancestor: the container entry
    assertThat(validate(yaml))
        .extracting(PositionTest::at)
        .containsExactly(
            "spec.template.spec.containers[0].image @15:9",
            "spec.template.spec.containers[0].imagePullPolicy @16:26");
  }

  @Test
  void strategyBothZeroPointsAtTheWrittenValue() {
    String yaml =
        """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: agent
        spec:
          selector:
            matchLabels:
              app: agent
          updateStrategy:
            rollingUpdate:
              maxUnavailable: 0
        """
            + TEMPLATE;
    List<Diagnostic> found = validate(yaml);
    assertThat(found)
        .extracting(PositionTest::at)
        .containsExactly("spec.updateStrategy.rollingUpdate.maxUnavailable @11:23");
    assertThat(found.get(0).span().endLine()).isEqualTo(11);
    assertThat(found.get(0).span().endColumn()).isEqualTo(24);
  }

  @Test
  void strategyZeroPercentsPointAtMaxUnavailable() {
    String yaml =
        """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: agent
        spec:
          selector:
            matchLabels:
              app: agent
          updateStrategy:
            type: RollingUpdate
            rollingUpdate:
              maxSurge: "0%"
              maxUnavailable: "0%"
        """
            + TEMPLATE;
    assertThat(validate(yaml))
        .extracting(d -> at(d) + " " + d.message())
        .containsExactly(
            "spec.updateStrategy.rollingUpdate.maxUnavailable @13:23 Required value: cannot be 0 when maxSurge is 0");
  }
}
