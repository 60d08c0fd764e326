package dev.daemonset.core.plan;

import dev.daemonset.api.model.Affinity;
import dev.daemonset.api.model.Condition;
import dev.daemonset.api.model.Container;
import dev.daemonset.api.model.ContainerPort;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.model.DaemonSetSpec;
import dev.daemonset.api.model.DaemonSetStatus;
import dev.daemonset.api.model.DaemonSetUpdateStrategy;
import dev.daemonset.api.model.EnvVar;
import dev.daemonset.api.model.HttpGetAction;
import dev.daemonset.api.model.IntOrString;
import dev.daemonset.api.model.JsonValue;
import dev.daemonset.api.model.LabelSelector;
import dev.daemonset.api.model.NodeAffinity;
import dev.daemonset.api.model.NodeSelectorRequirement;
import dev.daemonset.api.model.NodeSelectorTerm;
import dev.daemonset.api.model.ObjectMeta;
import dev.daemonset.api.model.OwnerReference;
import dev.daemonset.api.model.PodSpec;
import dev.daemonset.api.model.PodTemplateSpec;
import dev.daemonset.api.model.Probe;
import dev.daemonset.api.model.ResourceRequirements;
import dev.daemonset.api.model.RollingUpdateDaemonSet;
import dev.daemonset.api.model.SecurityContext;
import dev.daemonset.api.model.Toleration;
import dev.daemonset.api.model.Volume;
import dev.daemonset.api.model.VolumeMount;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A DaemonSet with every component of every model record it holds set to a value that is not Go's
 * zero value: what the mapping and hash tests pin.
 */
final class FullDaemonSet {
  private FullDaemonSet() {}

  private static final Instant T = Instant.parse("2026-01-02T03:04:05Z");

  private static Map<String, JsonValue> other(String key) {
    return Map.of(key, JsonValue.of("x-" + key));
  }

  static PodTemplateSpec template() {
    Probe probe =
        new Probe(
            new HttpGetAction(
                "/healthz", IntOrString.of("http"), "localhost", "HTTP", other("httpHeaders")),
            null,
            null,
            null,
            5,
            2,
            10,
            1,
            3,
            30L,
            other("probeExtra"));
    Probe exec =
        new Probe(
            null,
            new JsonValue.Obj(Map.of("command", new JsonValue.Arr(List.of(JsonValue.of("true"))))),
            null,
            null,
            1,
            1,
            1,
            1,
            1,
            null,
            Map.of());
    Probe tcp =
        new Probe(
            null,
            null,
            new JsonValue.Obj(Map.of("port", JsonValue.of(9000))),
            null,
            0,
            0,
            0,
            0,
            0,
            null,
            Map.of());
    SecurityContext security =
        new SecurityContext(
            false,
            1000L,
            true,
            true,
            false,
            List.of("NET_ADMIN"),
            List.of("ALL"),
            other("seLinux"));
    Container container =
        new Container(
            "agent",
            "registry.example/agent:1.2.3",
            "IfNotPresent",
            List.of(new ContainerPort("http", 8080, 8080, "TCP", "0.0.0.0")),
            List.of(
                new EnvVar("MODE", "fast", null),
                new EnvVar(
                    "NODE",
                    "",
                    new JsonValue.Obj(
                        Map.of(
                            "fieldRef",
                            new JsonValue.Obj(
                                Map.of("fieldPath", JsonValue.of("spec.nodeName"))))))),
            new ResourceRequirements(
                Map.of("cpu", "200m"), Map.of("memory", "64Mi"), other("claims")),
            List.of(new VolumeMount("data", "/data", true, other("subPath"))),
            probe,
            exec,
            tcp,
            security,
            "Always",
            "/dev/termination-log",
            "File",
            other("stdin"));
    Container init =
        new Container(
            "init",
            "busybox:1",
            "Always",
            List.of(),
            List.of(),
            new ResourceRequirements(Map.of(), Map.of(), Map.of()),
            List.of(),
            null,
            null,
            null,
            null,
            "",
            "",
            "",
            Map.of());
    Affinity affinity =
        new Affinity(
            new NodeAffinity(
                List.of(
                    new NodeSelectorTerm(
                        List.of(new NodeSelectorRequirement("zone", "In", List.of("z1", "z2"))),
                        List.of(
                            new NodeSelectorRequirement(
                                "metadata.name", "NotIn", List.of("node-0"))))),
                List.of(
                    new JsonValue.Obj(
                        Map.of(
                            "weight", JsonValue.of(1), "preference", new JsonValue.Obj(Map.of())))),
                other("nodeAffinityExtra")),
            other("podAntiAffinity"));
    PodSpec spec =
        new PodSpec(
            List.of(container),
            List.of(init),
            List.of(new Volume("data", other("hostPath"))),
            "node-1",
            Map.of("kubernetes.io/os", "linux"),
            affinity,
            List.of(
                new Toleration("dedicated", "Equal", "infra", "NoSchedule", null),
                new Toleration("", "Exists", "", "NoExecute", 300L)),
            true,
            true,
            "Always",
            30L,
            600L,
            "ClusterFirstWithHostNet",
            "agent",
            "system-node-critical",
            "default-scheduler",
            other("runtimeClassName"));
    ObjectMeta meta =
        new ObjectMeta(
            "tpl",
            "tpl-",
            "kube-system",
            "tpl-uid",
            "7",
            2,
            Map.of("app", "agent"),
            Map.of("note", "template"),
            List.of(
                new OwnerReference(
                    "apps/v1", "DaemonSet", "agent", "agent-uid", true, false, other("refExtra"))),
            List.of("example.com/finalizer"),
            T,
            T.plusSeconds(60),
            30L,
            other("managedFields"));
    return new PodTemplateSpec(meta, spec);
  }

  static DaemonSet daemonSet() {
    LabelSelector selector =
        new LabelSelector(
            Map.of("app", "agent"),
            List.of(new LabelSelector.LabelSelectorRequirement("tier", "In", List.of("node"))),
            other("selectorExtra"));
    DaemonSetSpec spec =
        new DaemonSetSpec(
            selector,
            template(),
            new DaemonSetUpdateStrategy(
                "RollingUpdate",
                new RollingUpdateDaemonSet(IntOrString.of("10%"), IntOrString.of(0))),
            15,
            5,
            other("specExtra"));
    DaemonSetStatus status =
        new DaemonSetStatus(
            3,
            1,
            3,
            2,
            4,
            2,
            2,
            1,
            1,
            List.of(new Condition("Progressing", "True", T, "Rolling", "half done", other("c"))),
            other("statusExtra"));
    ObjectMeta meta =
        new ObjectMeta(
            "agent",
            "",
            "kube-system",
            "agent-uid",
            "42",
            4,
            Map.of("app", "agent"),
            Map.of("deprecated.daemonset.template.generation", "4"),
            List.of(),
            List.of(),
            T,
            null,
            null,
            Map.of());
    return new DaemonSet(meta, spec, status, other("extraTop"));
  }
}
