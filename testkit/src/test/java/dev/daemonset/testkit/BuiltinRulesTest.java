package dev.daemonset.testkit;

import static dev.daemonset.api.Severity.ERROR;
import static dev.daemonset.api.Severity.INFO;
import static dev.daemonset.api.Severity.WARNING;
import static dev.daemonset.testkit.ExpectedFinding.finding;

import dev.daemonset.core.lint.Linter;
import org.junit.jupiter.api.Test;

/**
 * Every built-in rule, written with the test kit: a manifest that breaks it (exact rule, severity,
 * line, column and path) and one that does not. Each case changes one thing in {@link #CAREFUL}, a
 * DaemonSet that passes every rule, opt-in ones included.
 */
class BuiltinRulesTest {

  /** Passes every built-in rule. Line numbers below refer to this text. */
  static final String CAREFUL =
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
        template:
          metadata:
            labels:
              app: agent
          spec:
            priorityClassName: system-node-critical
            serviceAccountName: agent
            nodeSelector:
              kubernetes.io/os: linux
            containers:
            - name: agent
              image: agent:1.2.3
              readinessProbe:
                httpGet:
                  path: /healthz
                  port: 8080
              livenessProbe:
                httpGet:
                  path: /healthz
                  port: 8080
              resources:
                requests:
                  cpu: 10m
                  memory: 32Mi
                limits:
                  memory: 64Mi
              securityContext:
                runAsNonRoot: true
                runAsUser: 65534
                allowPrivilegeEscalation: false
                readOnlyRootFilesystem: true
      """;

  static String with(String from, String to) {
    if (!CAREFUL.contains(from)) {
      throw new IllegalArgumentException("not in the manifest: " + from);
    }
    return CAREFUL.replace(from, to);
  }

  /** Adds lines to the pod spec, after priorityClassName (line 15). */
  static String pod(String lines) {
    return with(
        "      priorityClassName: system-node-critical\n",
        "      priorityClassName: system-node-critical\n" + lines.indent(6));
  }

  /** Adds lines to the DaemonSet spec, before the template (line 10). */
  static String spec(String lines) {
    return with("  template:\n", lines.indent(2) + "  template:\n");
  }

  static final String C0 = "spec.template.spec.containers[0]";

  @Test
  void theCarefulManifestPassesEveryRule() {
    RuleTester.builtin(Linter.builder().policyIds().toArray(String[]::new))
        .lint(CAREFUL)
        .assertNone();
  }

  @Test
  void imageTagLatest() {
    RuleTester t = RuleTester.builtin("image-tag-latest");
    t.lint(with("agent:1.2.3", "agent:latest"))
        .assertFindings(
            finding("image-tag-latest", WARNING, 21, 16, C0 + ".image")
                .withMessage(
                    "image `agent:latest` uses the `latest` tag: nodes that pull it at different"
                        + " times can run different builds; pin a version or digest"));
    t.lint(with("agent:1.2.3", "registry:5000/agent"))
        .assertFindings(finding("image-tag-latest", WARNING, 21, 16, C0 + ".image"));
    t.lint(with("agent:1.2.3", "agent@sha256:" + "a".repeat(64))).assertNone();
    t.withParameter("image-tag-latest", "ignoreImages", "controller, agent")
        .lint(with("agent:1.2.3", "agent:latest"))
        .assertNone();
    t.lint(CAREFUL).assertNone();
  }

  @Test
  void imagePullPolicyAlwaysWithADigest() {
    RuleTester t = RuleTester.builtin("image-pull-policy-always-digest");
    String digest = "agent@sha256:" + "b".repeat(64);
    t.lint(with("image: agent:1.2.3", "image: " + digest + "\n        imagePullPolicy: Always"))
        .assertFindings(
            finding("image-pull-policy-always-digest", WARNING, 22, 26, C0 + ".imagePullPolicy"));
    t.lint(
            with(
                "image: agent:1.2.3",
                "image: " + digest + "\n        imagePullPolicy: IfNotPresent"))
        .assertNone();
    t.lint(with("image: agent:1.2.3", "image: agent:1.2.3\n        imagePullPolicy: Always"))
        .assertNone();
  }

  @Test
  void resourcesMissingInitContainersAtInfoAndPauseContainersSkipped() {
    RuleTester t = RuleTester.builtin("resources-missing");
    t.lint(with("            memory: 32Mi\n          limits:\n            memory: 64Mi\n", ""))
        .assertFindings(
            finding("resources-missing", WARNING, 30, 9, C0 + ".resources")
                .withMessage(
                    "container `agent` has no memory request: the scheduler reserves none for it"
                        + " on any node"));
    t.lint(pod("initContainers:\n- name: setup\n  image: setup:1.0"))
        .assertFindings(
            finding(
                "resources-missing",
                INFO,
                17,
                9,
                "spec.template.spec.initContainers[0].resources"));
    t.lint(pod("initContainers:\n- name: pause\n  image: registry.k8s.io/pause:3.9")).assertNone();
    t.lint(CAREFUL).assertNone();
  }

  @Test
  void memoryLimitMissing() {
    RuleTester t = RuleTester.builtin("memory-limit-missing");
    t.lint(with("          limits:\n            memory: 64Mi\n", ""))
        .assertFindings(finding("memory-limit-missing", INFO, 30, 9, C0 + ".resources"));
    t.lint(CAREFUL).assertNone();
  }

  @Test
  void priorityClassMissing() {
    RuleTester t = RuleTester.builtin("priority-class-missing");
    t.lint(with("      priorityClassName: system-node-critical\n", ""))
        .assertFindings(finding("priority-class-missing", WARNING, 14, 5, "spec.template.spec"));
    t.lint(CAREFUL).assertNone();
  }

  @Test
  void readinessProbeMissingOnlyWhereTheRolloutDependsOnIt() {
    RuleTester t = RuleTester.builtin("readiness-probe-missing");
    String noProbe =
        with(
            "        readinessProbe:\n          httpGet:\n            path: /healthz\n            port: 8080\n",
            "");
    t.lint(noProbe)
        .assertFindings(
            finding("readiness-probe-missing", INFO, 19, 7, "spec.template.spec.containers"));
    t.lint(noProbe.replace("  template:\n", "  minReadySeconds: 10\n  template:\n")).assertNone();
    t.lint(noProbe.replace("  template:\n", "  updateStrategy: {type: OnDelete}\n  template:\n"))
        .assertNone();
    t.lint(
            noProbe.replace(
                "  template:\n",
                "  updateStrategy: {rollingUpdate: {maxUnavailable: 100%}}\n  template:\n"))
        .assertNone();
    t.lint(CAREFUL).assertNone();
  }

  @Test
  void livenessProbeMissingIsOptIn() {
    String noProbe =
        with(
            "        livenessProbe:\n          httpGet:\n            path: /healthz\n            port: 8080\n",
            "");
    RuleTester.builtin("liveness-probe-missing")
        .lint(noProbe)
        .assertFindings(finding("liveness-probe-missing", INFO, 20, 15, C0 + ".name"));
    RuleTester.of(Linter.builder()).lint(noProbe).assertNone(); // off by default
  }

  @Test
  void surgeHostPort() {
    RuleTester t = RuleTester.builtin("surge-host-port");
    String ports =
        with(
            "        readinessProbe:\n",
            "        ports:\n        - containerPort: 9100\n          hostPort: 9100\n        readinessProbe:\n");
    t.lint(
            ports.replace(
                "  template:\n",
                "  updateStrategy:\n    rollingUpdate: {maxSurge: 1, maxUnavailable: 0}\n  template:\n"))
        .assertFindings(finding("surge-host-port", WARNING, 25, 11, C0 + ".ports[0]"));
    t.lint(ports).assertNone();
  }

  @Test
  void maxUnavailableHigh() {
    RuleTester t = RuleTester.builtin("max-unavailable-high");
    t.lint(spec("updateStrategy:\n  rollingUpdate:\n    maxUnavailable: 60%"))
        .assertFindings(
            finding(
                    "max-unavailable-high",
                    WARNING,
                    12,
                    23,
                    "spec.updateStrategy.rollingUpdate.maxUnavailable")
                .withMessage(
                    "maxUnavailable 60% lets a rollout take the agent off more than 50% of the"
                        + " nodes at once"));
    t.lint(spec("updateStrategy:\n  rollingUpdate:\n    maxUnavailable: 50%")).assertNone();
    // above 100% the API server's error is the one finding: the rule stays quiet
    t.lint(spec("updateStrategy:\n  rollingUpdate:\n    maxUnavailable: 150%"))
        .assertFindings(
            finding(
                    "FieldValueInvalid",
                    ERROR,
                    12,
                    23,
                    "spec.updateStrategy.rollingUpdate.maxUnavailable")
                .withMessage("Invalid value: \"150%\": must not be greater than 100%"));
    t.withParameter("max-unavailable-high", "maxPercent", "25")
        .lint(spec("updateStrategy:\n  rollingUpdate:\n    maxUnavailable: 30%"))
        .assertFindings(
            finding(
                "max-unavailable-high",
                WARNING,
                12,
                23,
                "spec.updateStrategy.rollingUpdate.maxUnavailable"));
    // a number is judged only with a node count
    String three = spec("updateStrategy:\n  rollingUpdate:\n    maxUnavailable: 3");
    t.lint(three).assertNone();
    t.withParameter("max-unavailable-high", "nodes", "4")
        .lint(three)
        .assertFindings(
            finding(
                    "max-unavailable-high",
                    WARNING,
                    12,
                    23,
                    "spec.updateStrategy.rollingUpdate.maxUnavailable")
                .withMessage(
                    "maxUnavailable 3 of 4 nodes lets a rollout take the agent off more than 50% of"
                        + " them at once"));
  }

  @Test
  void slowRolloutOnALargeFleet() {
    RuleTester t = RuleTester.builtin("slow-rollout");
    t.lint(CAREFUL).assertNone(); // no node count: quiet
    RuleTester fleet = t.withParameter("slow-rollout", "nodes", "2000");
    fleet
        .lint(spec("updateStrategy:\n  rollingUpdate:\n    maxUnavailable: 1"))
        .assertFindings(
            finding(
                    "slow-rollout",
                    WARNING,
                    12,
                    23,
                    "spec.updateStrategy.rollingUpdate.maxUnavailable")
                .withMessage(
                    "maxUnavailable 1 on 2000 nodes: a rollout takes 2000 steps of at least 30 s,"
                        + " about 16 hours (more than 60 minutes)"));
    // the default maxUnavailable (1) counts as well, located at the nearest written field
    fleet
        .lint(CAREFUL)
        .assertFindings(
            finding(
                "slow-rollout", WARNING, 6, 1, "spec.updateStrategy.rollingUpdate.maxUnavailable"));
    fleet.lint(spec("updateStrategy:\n  rollingUpdate:\n    maxUnavailable: 10%")).assertNone();
    fleet.lint(spec("updateStrategy:\n  rollingUpdate:\n    maxUnavailable: 50")).assertNone();
    // a surge of 1 on 2000 nodes is slow, with maxUnavailable 0 ...
    fleet
        .lint(spec("updateStrategy:\n  rollingUpdate:\n    maxSurge: 1\n    maxUnavailable: 0"))
        .assertFindings(
            finding("slow-rollout", WARNING, 12, 17, "spec.updateStrategy.rollingUpdate.maxSurge"));
    // ... but beside the defaulted maxUnavailable 1 the API server rejects maxSurge: its error
    // is the one finding on that field
    fleet
        .lint(spec("updateStrategy:\n  rollingUpdate:\n    maxSurge: 1"))
        .assertFindings(
            finding(
                    "FieldValueInvalid",
                    ERROR,
                    12,
                    17,
                    "spec.updateStrategy.rollingUpdate.maxSurge")
                .withMessage("Invalid value: 1: may not be set when maxUnavailable is non-zero"));
  }

  @Test
  void updateStrategyOnDelete() {
    RuleTester t = RuleTester.builtin("update-strategy-on-delete");
    t.lint(spec("updateStrategy:\n  type: OnDelete"))
        .assertFindings(
            finding("update-strategy-on-delete", INFO, 11, 11, "spec.updateStrategy.type"));
    t.lint(CAREFUL).assertNone();
  }

  @Test
  void revisionHistoryZero() {
    RuleTester t = RuleTester.builtin("revision-history-zero");
    t.lint(spec("revisionHistoryLimit: 0"))
        .assertFindings(
            finding("revision-history-zero", WARNING, 10, 25, "spec.revisionHistoryLimit"));
    t.lint(spec("revisionHistoryLimit: 3")).assertNone();
  }

  @Test
  void terminationGracePeriod() {
    RuleTester t = RuleTester.builtin("termination-grace-period");
    String path = "spec.template.spec.terminationGracePeriodSeconds";
    t.lint(pod("terminationGracePeriodSeconds: 0"))
        .assertFindings(finding("termination-grace-period", INFO, 16, 38, path));
    t.lint(pod("terminationGracePeriodSeconds: 600"))
        .assertFindings(finding("termination-grace-period", INFO, 16, 38, path));
    t.withParameter("termination-grace-period", "maxSeconds", "900")
        .lint(pod("terminationGracePeriodSeconds: 600"))
        .assertNone();
    t.lint(pod("terminationGracePeriodSeconds: 30")).assertNone();
  }

  @Test
  void osSelectorMissing() {
    RuleTester t = RuleTester.builtin("os-selector-missing");
    String none = with("      nodeSelector:\n        kubernetes.io/os: linux\n", "");
    t.lint(none)
        .assertFindings(
            finding("os-selector-missing", INFO, 14, 5, "spec.template.spec.nodeSelector"));
    // exclusions only still reach every other node
    t.lint(
            none.replace(
                "      containers:\n",
                "      affinity:\n        nodeAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n            nodeSelectorTerms:\n            - matchExpressions:\n              - {key: type, operator: NotIn, values: [fargate]}\n      containers:\n"))
        .assertFindings(
            finding("os-selector-missing", INFO, 14, 5, "spec.template.spec.nodeSelector"));
    // a chosen class of nodes is the author's choice
    t.lint(
            none.replace(
                "      containers:\n",
                "      affinity:\n        nodeAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n            nodeSelectorTerms:\n            - matchExpressions:\n              - {key: nvidia.com/gpu.present, operator: Exists}\n      containers:\n"))
        .assertNone();
    t.lint(CAREFUL).assertNone();
  }

  @Test
  void toleratesAllTaints() {
    RuleTester t = RuleTester.builtin("tolerates-all-taints");
    t.lint(pod("tolerations:\n- operator: Exists"))
        .assertFindings(
            finding(
                "tolerates-all-taints",
                INFO,
                17,
                19,
                "spec.template.spec.tolerations[0].operator"));
    t.lint(pod("tolerations:\n- operator: Exists\n  effect: NoExecute"))
        .assertFindings(
            finding(
                "tolerates-all-taints",
                INFO,
                17,
                19,
                "spec.template.spec.tolerations[0].operator"));
    t.lint(pod("tolerations:\n- operator: Exists\n  effect: NoSchedule")).assertNone();
    t.lint(pod("tolerations:\n- key: node-role.kubernetes.io/control-plane\n  operator: Exists"))
        .assertNone();
  }

  @Test
  void privilegedContainer() {
    RuleTester t = RuleTester.builtin("privileged-container");
    t.lint(with("          allowPrivilegeEscalation: false\n", "          privileged: true\n"))
        .assertFindings(
            finding("privileged-container", INFO, 39, 23, C0 + ".securityContext.privileged"));
    t.lint(
            with(
                "          runAsNonRoot: true\n",
                "          runAsNonRoot: true\n          privileged: false\n"))
        .assertNone();
  }

  @Test
  void capabilitiesAdded() {
    RuleTester t = RuleTester.builtin("capabilities-added");
    String caps =
        with(
            "          runAsNonRoot: true\n",
            "          runAsNonRoot: true\n          capabilities:\n            add: [NET_RAW, CAP_NET_ADMIN]\n");
    t.lint(caps)
        .assertFindings(
            finding("capabilities-added", INFO, 39, 28, C0 + ".securityContext.capabilities.add[1]")
                .withMessage(
                    "container `agent` adds NET_ADMIN: it can change the node's routes,"
                        + " interfaces and iptables rules"));
    t.withParameter("capabilities-added", "capabilities", "SYS_ADMIN").lint(caps).assertNone();
    t.lint(CAREFUL).assertNone();
  }

  @Test
  void privilegeEscalationAllowedIsOptIn() {
    String allowed = with("          allowPrivilegeEscalation: false\n", "");
    RuleTester.builtin("privilege-escalation-allowed")
        .lint(allowed)
        .assertFindings(
            finding("privilege-escalation-allowed", INFO, 36, 9, C0 + ".securityContext"));
    RuleTester.of(Linter.builder()).lint(allowed).assertNone();
  }

  @Test
  void runAsRootIsOptIn() {
    RuleTester t = RuleTester.builtin("run-as-root");
    t.lint(with("          runAsUser: 65534\n", "          runAsUser: 0\n"))
        .assertFindings(finding("run-as-root", INFO, 38, 22, C0 + ".securityContext.runAsUser"));
    String unset = with("          runAsNonRoot: true\n          runAsUser: 65534\n", "");
    t.lint(unset).assertFindings(finding("run-as-root", INFO, 36, 9, C0 + ".securityContext"));
    // the pod's securityContext counts
    t.lint(
            unset.replace(
                "      serviceAccountName: agent\n",
                "      serviceAccountName: agent\n      securityContext: {runAsNonRoot: true}\n"))
        .assertNone();
    RuleTester.of(Linter.builder()).lint(unset).assertNone();
  }

  @Test
  void readOnlyRootFilesystemIsOptIn() {
    String writable = with("          readOnlyRootFilesystem: true\n", "");
    RuleTester.builtin("read-only-root-filesystem-missing")
        .lint(writable)
        .assertFindings(
            finding("read-only-root-filesystem-missing", INFO, 36, 9, C0 + ".securityContext"));
    // not for Windows pods
    RuleTester.builtin("read-only-root-filesystem-missing")
        .lint(writable.replace("kubernetes.io/os: linux", "kubernetes.io/os: windows"))
        .assertNone();
  }

  @Test
  void hostNamespaces() {
    RuleTester.builtin("host-network")
        .lint(pod("hostNetwork: true"))
        .assertFindings(finding("host-network", INFO, 16, 20, "spec.template.spec.hostNetwork"));
    RuleTester.builtin("host-pid")
        .lint(pod("hostPID: true"))
        .assertFindings(finding("host-pid", INFO, 16, 16, "spec.template.spec.hostPID"));
    RuleTester.builtin("host-ipc")
        .lint(pod("hostIPC: true"))
        .assertFindings(finding("host-ipc", INFO, 16, 16, "spec.template.spec.hostIPC"));
    RuleTester.builtin("host-network", "host-pid", "host-ipc")
        .lint(pod("hostNetwork: false\nhostPID: false\nhostIPC: false"))
        .assertNone();
  }

  static String hostPath(String path, boolean readOnly) {
    return pod("volumes:\n- name: host\n  hostPath: {path: " + path + "}")
        .replace(
            "        securityContext:\n",
            "        volumeMounts:\n        - name: host\n          mountPath: /host\n"
                + (readOnly ? "          readOnly: true\n" : "")
                + "        securityContext:\n");
  }

  @Test
  void hostPathSensitive() {
    RuleTester t = RuleTester.builtin("host-path-sensitive");
    String at = "spec.template.spec.volumes[0].hostPath.path";
    t.lint(hostPath("/var/run/docker.sock", true))
        .assertFindings(
            finding("host-path-sensitive", INFO, 18, 26, at)
                .withMessage(
                    "hostPath /var/run/docker.sock is mounted read-only by `agent`: whoever"
                        + " controls the container runtime controls the node"));
    t.lint(hostPath("/var/run", false))
        .assertFindings(
            finding("host-path-sensitive", INFO, 18, 26, at)
                .withMessage(
                    "hostPath /var/run (a directory above /var/run/docker.sock) is mounted"
                        + " writable by `agent`: whoever controls the container runtime controls"
                        + " the node"));
    t.lint(hostPath("/var/log", false)).assertNone();
    t.lint(hostPath("/proc/sys/net", true)).assertNone();
  }

  @Test
  void hostPathWritableIsOptIn() {
    RuleTester.builtin("host-path-writable")
        .lint(hostPath("/var/log", false))
        .assertFindings(
            finding("host-path-writable", INFO, 41, 22, C0 + ".volumeMounts[0].mountPath"));
    RuleTester.builtin("host-path-writable").lint(hostPath("/var/log", true)).assertNone();
  }

  @Test
  void envSecretLiteral() {
    RuleTester t = RuleTester.builtin("env-secret-literal");
    t.lint(
            with(
                "        readinessProbe:\n",
                "        env:\n        - {name: ES_PASSWORD, value: changeme}\n        - {name: TOKEN_FILE, value: /var/run/token}\n        - {name: API_KEY, valueFrom: {secretKeyRef: {name: s, key: k}}}\n        - {name: SECRET_ENABLED, value: \"true\"}\n        readinessProbe:\n"))
        .assertFindings(finding("env-secret-literal", WARNING, 23, 38, C0 + ".env[0].value"));
    t.withParameter("env-secret-literal", "namePattern", "(?i).*token.*")
        .lint(
            with(
                "        readinessProbe:\n",
                "        env:\n        - {name: ES_PASSWORD, value: changeme}\n        readinessProbe:\n"))
        .assertNone();
    t.withParameter("env-secret-literal", "namePattern", "[")
        .lint(CAREFUL)
        .assertFindings(finding("env-secret-literal", ERROR, 4, 9, "metadata.name"));
  }

  @Test
  void namespaceDefaultIsOptIn() {
    RuleTester t = RuleTester.builtin("namespace-default");
    t.lint(with("  namespace: kube-system\n", ""))
        .assertFindings(finding("namespace-default", INFO, 3, 1, "metadata.namespace"));
    t.lint(with("namespace: kube-system", "namespace: default"))
        .assertFindings(finding("namespace-default", INFO, 5, 14, "metadata.namespace"));
    RuleTester.of(Linter.builder())
        .lint(with("namespace: kube-system", "namespace: default"))
        .assertNone();
  }

  @Test
  void serviceAccountDefaultIsOptIn() {
    RuleTester t = RuleTester.builtin("service-account-default");
    String none = with("      serviceAccountName: agent\n", "");
    t.lint(none)
        .assertFindings(
            finding(
                "service-account-default", INFO, 14, 5, "spec.template.spec.serviceAccountName"));
    t.lint(
            none.replace(
                "      nodeSelector:\n",
                "      automountServiceAccountToken: false\n      nodeSelector:\n"))
        .assertNone();
    t.lint(CAREFUL).assertNone();
  }
}
