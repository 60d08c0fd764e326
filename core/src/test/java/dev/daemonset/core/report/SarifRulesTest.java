package dev.daemonset.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.daemonset.api.lint.RuleInfo;
import dev.daemonset.api.plan.ClusterSnapshot;
import dev.daemonset.core.lint.LintResult;
import dev.daemonset.core.lint.Linter;
import dev.daemonset.core.read.ManifestReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * SARIF with a result of every built-in rule (and a suppressed one) validates against the OASIS
 * schema, and every rule's descriptor has a name that differs from its id (SARIF1001), a helpUri,
 * and short and full descriptions.
 */
class SarifRulesTest {

  /** Breaks nearly every rule at once. */
  static final String EVERYTHING =
      String.format(
          Locale.ROOT,
          """
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: everything
        annotations:
          daemonset.dev/ignore.quiet: image-tag-latest
          daemonset.dev/ignore-reason: a test
      spec:
        selector: {matchLabels: {app: everything}}
        revisionHistoryLimit: 0
        updateStrategy:
          rollingUpdate: {maxUnavailable: 60%%}
        template:
          metadata: {labels: {app: everything}}
          spec:
            hostNetwork: true
            hostPID: true
            hostIPC: true
            terminationGracePeriodSeconds: 0
            tolerations: [{operator: Exists}]
            volumes: [{name: sock, hostPath: {path: /var/run/docker.sock}}]
            containers:
            - name: agent
              image: agent:latest
              env: [{name: DB_PASSWORD, value: hunter22}]
              securityContext: {privileged: true}
              volumeMounts: [{name: sock, mountPath: /sock}]
            - name: tools
              image: "tools@sha256:%s"
              imagePullPolicy: Always
              securityContext: {capabilities: {add: [SYS_ADMIN]}}
            - name: quiet
              image: quiet:latest
      """,
          "c".repeat(64));

  /** The rest: a surge rollout with a host port, OnDelete, and placement on a cluster. */
  static final String SURGE =
      """
      apiVersion: apps/v1
      kind: DaemonSet
      metadata: {name: surge, namespace: kube-system}
      spec:
        selector: {matchLabels: {app: surge}}
        updateStrategy:
          rollingUpdate: {maxSurge: 1, maxUnavailable: 0}
        template:
          metadata: {labels: {app: surge}}
          spec:
            containers: [{name: surge, image: "surge:1.0", ports: [{containerPort: 80, hostPort: 80}]}]
      ---
      apiVersion: apps/v1
      kind: DaemonSet
      metadata: {name: manual, namespace: kube-system}
      spec:
        selector: {matchLabels: {app: manual}}
        updateStrategy: {type: OnDelete}
        template:
          metadata: {labels: {app: manual}}
          spec:
            containers: [{name: manual, image: "manual:1.0"}]
      ---
      apiVersion: apps/v1
      kind: DaemonSet
      metadata: {name: placed, namespace: kube-system}
      spec:
        selector: {matchLabels: {app: placed}}
        template:
          metadata: {labels: {app: placed}}
          spec:
            containers: [{name: placed, image: "placed:1.0"}]
      """;

  static final String CLUSTER =
      """
      apiVersion: v1
      kind: List
      items:
      - {apiVersion: v1, kind: Node, metadata: {name: w-1, labels: {kubernetes.io/os: linux, pool: general}}}
      - apiVersion: v1
        kind: Node
        metadata: {name: gpu-1, labels: {kubernetes.io/os: linux}}
        spec: {taints: [{key: gpu, effect: NoExecute}]}
      - apiVersion: v1
        kind: Node
        metadata: {name: batch-1, labels: {kubernetes.io/os: linux}}
        spec: {taints: [{key: batch, effect: NoSchedule}]}
      - apiVersion: v1
        kind: Pod
        metadata:
          name: placed-b1
          namespace: kube-system
          labels: {app: placed}
          ownerReferences: [{apiVersion: apps/v1, kind: DaemonSet, name: placed, uid: u, controller: true}]
        spec: {nodeName: batch-1, containers: [{name: placed, image: "placed:0.9"}]}
      """;

  @Test
  void everyRuleReportedInSarifValidatesAndIsDescribed() throws Exception {
    Linter.Builder b = Linter.builder();
    b.policyIds().forEach(b::enable);
    Linter linter =
        b.parameter("placement-runs-on", "selector", "kubernetes.io/os=linux")
            .parameter("placement-not-on", "selector", "pool=general")
            .parameter("placement-min-nodes", "minNodes", "5")
            .parameter("slow-rollout", "nodes", "2000")
            .cluster(ClusterSnapshot.from(ManifestReader.defaults().read(CLUSTER)))
            .build();
    List<FileReport> reports = new ArrayList<>();
    for (Map.Entry<String, String> f :
        Map.of("everything.yaml", EVERYTHING, "surge.yaml", SURGE).entrySet()) {
      LintResult r = linter.check(ManifestReader.defaults().read(f.getValue()));
      reports.add(new FileReport(f.getKey(), f.getValue(), r.diagnostics(), r.suppressed()));
    }
    String sarif = ReportWriter.of(ReportFormat.SARIF).withRules(linter.rules()).format(reports);
    JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(sarif);
    assertThat(FormatTest.schema().validate(root)).isEmpty();

    JsonNode run = root.path("runs").path(0);
    Set<String> reported = new TreeSet<>();
    int suppressed = 0;
    for (JsonNode result : run.path("results")) {
      reported.add(result.path("ruleId").asText());
      if (result.has("suppressions")) {
        suppressed++;
        assertThat(result.path("suppressions").path(0).path("justification").asText())
            .isEqualTo("a test");
      }
    }
    Set<String> policies = new TreeSet<>(Linter.builder().policyIds());
    assertThat(reported).containsAll(policies);
    assertThat(suppressed).isEqualTo(1);
    assertThat(run.path("properties").path("suppressedResults").asInt()).isEqualTo(1);

    JsonNode rules = run.path("tool").path("driver").path("rules");
    assertThat(rules.size()).isEqualTo(linter.rules().size());
    for (JsonNode rule : rules) {
      String id = rule.path("id").asText();
      assertThat(rule.path("name").asText()).as(id).isNotBlank().isNotEqualTo(id);
      assertThat(rule.path("helpUri").asText()).as(id).startsWith("https://");
      assertThat(rule.path("shortDescription").path("text").asText()).as(id).isNotBlank();
      assertThat(rule.path("fullDescription").path("text").asText()).as(id).isNotBlank();
    }
    assertThat(
            linter.rules().stream()
                .filter(r -> r.id().startsWith("FieldValue"))
                .map(r -> SarifFormat.name(r))
                .toList())
        .contains("RequiredValue", "InvalidValue");
    assertThat(linter.rules()).extracting(RuleInfo::id).contains("FieldValueRequired");
  }
}
