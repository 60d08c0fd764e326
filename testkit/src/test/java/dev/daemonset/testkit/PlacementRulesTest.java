package dev.daemonset.testkit;

import static dev.daemonset.api.Severity.ERROR;
import static dev.daemonset.api.Severity.WARNING;
import static dev.daemonset.testkit.BuiltinRulesTest.CAREFUL;
import static dev.daemonset.testkit.BuiltinRulesTest.pod;
import static dev.daemonset.testkit.BuiltinRulesTest.spec;
import static dev.daemonset.testkit.ExpectedFinding.finding;

import org.junit.jupiter.api.Test;

/**
 * The placement rules against a cluster snapshot, and the test kit's placement assertions on the
 * same cluster: the planner decides, the findings list the nodes with its reasons.
 */
class PlacementRulesTest {

  /**
   * A control-plane node (NoSchedule), two workers, a GPU node (NoExecute), a Windows node, and a
   * batch node (NoSchedule) that still runs the agent's pod.
   */
  static final String CLUSTER =
      """
      apiVersion: v1
      kind: List
      items:
      - apiVersion: v1
        kind: Node
        metadata:
          name: cp-1
          labels: {kubernetes.io/os: linux, node-role.kubernetes.io/control-plane: ""}
        spec:
          taints: [{key: node-role.kubernetes.io/control-plane, effect: NoSchedule}]
      - apiVersion: v1
        kind: Node
        metadata: {name: worker-1, labels: {kubernetes.io/os: linux, pool: general}}
      - apiVersion: v1
        kind: Node
        metadata: {name: worker-2, labels: {kubernetes.io/os: linux, pool: general}}
      - apiVersion: v1
        kind: Node
        metadata: {name: gpu-1, labels: {kubernetes.io/os: linux, pool: gpu}}
        spec:
          taints: [{key: nvidia.com/gpu, value: present, effect: NoExecute}]
      - apiVersion: v1
        kind: Node
        metadata: {name: win-1, labels: {kubernetes.io/os: windows}}
      - apiVersion: v1
        kind: Node
        metadata: {name: batch-1, labels: {kubernetes.io/os: linux, pool: batch}}
        spec:
          taints: [{key: dedicated, value: batch, effect: NoSchedule}]
      - apiVersion: v1
        kind: Pod
        metadata:
          name: agent-b1
          namespace: kube-system
          labels: {app: agent}
          ownerReferences:
          - {apiVersion: apps/v1, kind: DaemonSet, name: agent, uid: u-1, controller: true}
        spec:
          nodeName: batch-1
          containers: [{name: agent, image: "agent:1.2.3"}]
      """;

  static final String SPEC = "spec.template.spec.affinity";

  @Test
  void theKitsPlacementAssertions() {
    Placement.of(CAREFUL, CLUSTER)
        .assertRunsExactlyOn("worker-1", "worker-2")
        .assertNotOn("cp-1", "gpu-1", "win-1", "batch-1");
    Placement.of(pod("tolerations:\n- operator: Exists"), CLUSTER)
        .assertRunsExactlyOn("cp-1", "worker-1", "worker-2", "gpu-1", "batch-1");
  }

  @Test
  void runsOnEveryNodeMatchingTheSelector() {
    RuleTester t = RuleTester.builtin("placement-runs-on").withCluster(CLUSTER);
    t.lint(CAREFUL).assertNone(); // no selector: quiet
    t.withParameter("placement-runs-on", "selector", "kubernetes.io/os=linux,pool notin (gpu)")
        .lint(CAREFUL)
        .assertFindings(
            finding("placement-runs-on", WARNING, 14, 5, SPEC)
                .withMessage(
                    "2 nodes matching kubernetes.io/os=linux,pool notin (gpu) would not run the"
                        + " pod: batch-1 (The node's taint dedicated=batch:NoSchedule is not"
                        + " tolerated; running pods may stay; the toleration {key: dedicated,"
                        + " operator: Equal, value: batch, effect: NoSchedule} would tolerate it.);"
                        + " cp-1 (The node's taint node-role.kubernetes.io/control-plane:NoSchedule"
                        + " is not tolerated; running pods may stay; the toleration {key:"
                        + " node-role.kubernetes.io/control-plane, operator: Exists, effect:"
                        + " NoSchedule} would tolerate it.)"));
    t.withParameter("placement-runs-on", "selector", "pool=general").lint(CAREFUL).assertNone();
    t.withParameter("placement-runs-on", "selector", "pool in (general")
        .lint(CAREFUL)
        .assertFindings(
            finding("placement-runs-on", ERROR, 4, 9, "metadata.name")
                .withMessage(
                    "the selector of placement-runs-on does not parse: a ( is not closed"));
    // without a cluster, placement rules are quiet
    RuleTester.builtin("placement-runs-on")
        .withParameter("placement-runs-on", "selector", "pool=gpu")
        .lint(CAREFUL)
        .assertNone();
  }

  @Test
  void neverOnNodesMatchingTheSelector() {
    RuleTester t =
        RuleTester.builtin("placement-not-on")
            .withCluster(CLUSTER)
            .withParameter("placement-not-on", "selector", "node-role.kubernetes.io/control-plane");
    t.lint(CAREFUL).assertNone();
    t.lint(pod("tolerations:\n- operator: Exists"))
        .assertFindings(
            finding("placement-not-on", WARNING, 14, 5, SPEC)
                .withMessage(
                    "1 node matching node-role.kubernetes.io/control-plane would run the pod:"
                        + " cp-1"));
  }

  @Test
  void everyNoExecuteTaintOfTheClusterIsTolerated() {
    RuleTester t = RuleTester.builtin("placement-no-execute-taints").withCluster(CLUSTER);
    t.lint(CAREFUL)
        .assertFindings(
            finding("placement-no-execute-taints", WARNING, 14, 5, "spec.template.spec.tolerations")
                .withMessage(
                    "1 node would run the pod but for a NoExecute taint: gpu-1 (The node's taint"
                        + " nvidia.com/gpu=present:NoExecute is not tolerated and evicts running"
                        + " pods; the toleration {key: nvidia.com/gpu, operator: Equal, value:"
                        + " present, effect: NoExecute} would tolerate it.); tolerate {key:"
                        + " nvidia.com/gpu, operator: Equal, value: present, effect: NoExecute}"));
    t.lint(pod("tolerations:\n- {key: nvidia.com/gpu, operator: Exists}")).assertNone();
  }

  @Test
  void runsOnAtLeastNNodes() {
    RuleTester t = RuleTester.builtin("placement-min-nodes").withCluster(CLUSTER);
    t.withParameter("placement-min-nodes", "minNodes", "2").lint(CAREFUL).assertNone();
    t.withParameter("placement-min-nodes", "minNodes", "3")
        .lint(CAREFUL)
        .assertFindings(finding("placement-min-nodes", WARNING, 14, 5, SPEC));
  }

  @Test
  void aRolloutWithoutSurgeEmptiesNodesWithAnUntoleratedNoScheduleTaint() {
    RuleTester t = RuleTester.builtin("rollout-empties-nodes").withCluster(CLUSTER);
    t.lint(CAREFUL)
        .assertFindings(
            finding("rollout-empties-nodes", WARNING, 14, 5, "spec.template.spec.tolerations")
                .withMessage(
                    "the next rolling update deletes the pod on 1 node and cannot create a new one"
                        + " there: batch-1 (The node's taint dedicated=batch:NoSchedule is not"
                        + " tolerated; running pods may stay; the toleration {key: dedicated,"
                        + " operator: Equal, value: batch, effect: NoSchedule} would tolerate"
                        + " it.)"));
    t.lint(spec("updateStrategy:\n  rollingUpdate: {maxSurge: 1, maxUnavailable: 0}")).assertNone();
    t.lint(pod("tolerations:\n- {key: dedicated, operator: Exists}")).assertNone();
  }
}
