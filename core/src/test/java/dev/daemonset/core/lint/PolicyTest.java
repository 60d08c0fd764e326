package dev.daemonset.core.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.Severity;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Each built-in policy: the finding it makes (code, path, position, severity) and when it is quiet.
 */
class PolicyTest {

  /**
   * A valid, careful DaemonSet; the arguments are lines spliced into spec, the pod spec and the
   * container.
   */
  static String manifest(String strategy, String podSpec, String container) {
    return String.format(
        Locale.ROOT,
        """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: agent
          namespace: kube-system
        spec:
          selector:
            matchLabels:
              app: agent
        %s  template:
            metadata:
              labels:
                app: agent
            spec:
              priorityClassName: system-node-critical
              nodeSelector:
                kubernetes.io/os: linux
        %s      containers:
              - name: agent
                image: agent:1.2.3
                readinessProbe:
                  httpGet:
                    path: /healthz
                    port: 8080
                resources:
                  requests:
                    cpu: 10m
                    memory: 32Mi
                  limits:
                    memory: 64Mi
        %s""",
        strategy,
        podSpec,
        container);
  }

  static List<String> findings(String yaml, String code) {
    return Linter.defaults().lint(yaml).stream()
        .filter(d -> d.code().equals(code))
        .map(
            d ->
                d.severity().label()
                    + " "
                    + d.path()
                    + " "
                    + d.span().line()
                    + ":"
                    + d.span().column())
        .toList();
  }

  static List<Diagnostic> all(String yaml) {
    return Linter.defaults().lint(yaml);
  }

  @Test
  void aCarefulManifestHasNoFindings() {
    assertThat(all(manifest("", "", ""))).isEmpty();
  }

  @Test
  void imageTagLatestAndMissingTag() {
    String latest = manifest("", "", "").replace("agent:1.2.3", "registry:5000/agent:latest");
    assertThat(findings(latest, "image-tag-latest"))
        .containsExactly("warning spec.template.spec.containers[0].image 20:16");
    String untagged = manifest("", "", "").replace("agent:1.2.3", "registry:5000/agent");
    assertThat(findings(untagged, "image-tag-latest"))
        .containsExactly("warning spec.template.spec.containers[0].image 20:16");
    String digest = manifest("", "", "").replace("agent:1.2.3", "agent@sha256:" + "a".repeat(64));
    assertThat(findings(digest, "image-tag-latest")).isEmpty();
    assertThat(ImageTagPolicy.tagOf("registry:5000/agent")).isEmpty();
    assertThat(ImageTagPolicy.tagOf("registry:5000/agent:1.0")).isEqualTo("1.0");
  }

  @Test
  void resourcesMissingAndHalfSet() {
    String none =
        manifest("", "", "")
            .replace(
                "        resources:\n          requests:\n            cpu: 10m\n            memory: 32Mi\n"
                    + "          limits:\n            memory: 64Mi\n",
                "");
    assertThat(findings(none, "resources-missing"))
        .containsExactly("warning spec.template.spec.containers[0].resources 19:9");
    String cpuOnly =
        manifest("", "", "")
            .replace("            memory: 32Mi\n          limits:\n            memory: 64Mi\n", "");
    assertThat(findings(cpuOnly, "resources-missing"))
        .containsExactly("warning spec.template.spec.containers[0].resources 25:9");
    assertThat(
            all(cpuOnly).stream()
                .filter(d -> d.code().equals("resources-missing"))
                .findFirst()
                .orElseThrow()
                .message())
        .isEqualTo(
            "container `agent` has no memory request: the scheduler reserves none for it on any node");
  }

  @Test
  void priorityClassMissing() {
    String without =
        manifest("", "", "").replace("      priorityClassName: system-node-critical\n", "");
    assertThat(findings(without, "priority-class-missing"))
        .containsExactly("warning spec.template.spec 14:5");
  }

  @Test
  void surgeWithHostPortsStallsTheRollout() {
    String surge =
        "  updateStrategy:\n    rollingUpdate:\n      maxSurge: 1\n      maxUnavailable: 0\n";
    String ports = "        ports:\n        - containerPort: 9100\n          hostPort: 9100\n";
    assertThat(findings(manifest(surge, "", ports), "surge-host-port"))
        .containsExactly("warning spec.template.spec.containers[0].ports[0] 36:11");
    String hostNetwork = "      hostNetwork: true\n";
    String containerPortOnly = "        ports:\n        - containerPort: 9100\n";
    assertThat(findings(manifest(surge, hostNetwork, containerPortOnly), "surge-host-port"))
        .hasSize(1);
    assertThat(findings(manifest("", "", ports), "surge-host-port")).isEmpty();
    assertThat(findings(manifest(surge, "", containerPortOnly), "surge-host-port")).isEmpty();
  }

  @Test
  void readinessProbeMissingUnlessMinReadySeconds() {
    String without =
        manifest("", "", "")
            .replace(
                "        readinessProbe:\n          httpGet:\n            path: /healthz\n            port: 8080\n",
                "");
    assertThat(findings(without, "readiness-probe-missing"))
        .containsExactly("info spec.template.spec.containers 18:7");
    assertThat(
            findings(
                manifest("  minReadySeconds: 10\n", "", "")
                    .replace(
                        "        readinessProbe:\n          httpGet:\n            path: /healthz\n            port: 8080\n",
                        ""),
                "readiness-probe-missing"))
        .isEmpty();
  }

  @Test
  void onDeleteNeverRollsOut() {
    String onDelete =
        "  updateStrategy:\n    type: OnDelete\n    rollingUpdate:\n      maxSurge: banana\n";
    assertThat(findings(manifest(onDelete, "", ""), "update-strategy-on-delete"))
        .containsExactly("info spec.updateStrategy.type 11:11");
    assertThat(all(manifest(onDelete, "", "")).get(0).message())
        .endsWith("the rollingUpdate block beside it is ignored");
  }

  @Test
  void severitiesCanBeChangedAndPoliciesDisabled() {
    String latest = manifest("", "", "").replace("agent:1.2.3", "agent:latest");
    Linter strict = Linter.builder().severity("image-tag-latest", Severity.ERROR).build();
    assertThat(strict.lint(latest))
        .extracting(Diagnostic::severity)
        .containsExactly(Severity.ERROR);
    assertThat(
            strict.rules().stream()
                .filter(r -> r.id().equals("image-tag-latest"))
                .findFirst()
                .orElseThrow()
                .defaultSeverity())
        .isEqualTo(Severity.ERROR);
    assertThat(Linter.builder().disable("image-tag-latest").build().lint(latest)).isEmpty();
  }
}
