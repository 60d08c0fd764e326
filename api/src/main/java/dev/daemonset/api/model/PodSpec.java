package dev.daemonset.api.model;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A pod's {@code spec} (of a Pod, or of a DaemonSet's pod template).
 *
 * @param containers the containers, in order
 * @param initContainers the init containers, in order
 * @param volumes the volumes, in order
 * @param nodeName the node the pod is bound to, "" if unscheduled
 * @param nodeSelector labels a node must have, sorted
 * @param affinity scheduling affinity, if written
 * @param tolerations tolerations, in order
 * @param hostNetwork true to use the node's network namespace
 * @param hostPID true to use the node's PID namespace
 * @param restartPolicy {@code Always}, {@code OnFailure}, {@code Never}; "" before defaulting
 * @param terminationGracePeriodSeconds grace period, if set
 * @param activeDeadlineSeconds deadline, if set (forbidden for DaemonSets)
 * @param dnsPolicy "" before defaulting
 * @param serviceAccountName the service account
 * @param priorityClassName the priority class
 * @param schedulerName "" before defaulting
 * @param other untyped fields (securityContext, hostIPC, dnsConfig, ephemeralContainers, ...)
 * @since 0.2
 */
@API(status = STABLE, since = "0.2")
public record PodSpec(
    List<Container> containers,
    List<Container> initContainers,
    List<Volume> volumes,
    String nodeName,
    Map<String, String> nodeSelector,
    @Nullable Affinity affinity,
    List<Toleration> tolerations,
    boolean hostNetwork,
    boolean hostPID,
    String restartPolicy,
    @Nullable Long terminationGracePeriodSeconds,
    @Nullable Long activeDeadlineSeconds,
    String dnsPolicy,
    String serviceAccountName,
    String priorityClassName,
    String schedulerName,
    Map<String, JsonValue> other) {

  /** A spec with nothing set. */
  /** The {@code Always} restart policy, the only one a DaemonSet's pod template may have. */
  public static final String RESTART_ALWAYS = "Always";

  /** The {@code OnFailure} restart policy. */
  public static final String RESTART_ON_FAILURE = "OnFailure";

  /** The {@code Never} restart policy. */
  public static final String RESTART_NEVER = "Never";

  public static final PodSpec EMPTY =
      new PodSpec(
          List.of(), List.of(), List.of(), "", Map.of(), null, List.of(), false, false, "", null,
          null, "", "", "", "", Map.of());

  public PodSpec {
    containers = Copies.list(containers, "containers");
    initContainers = Copies.list(initContainers, "initContainers");
    volumes = Copies.list(volumes, "volumes");
    nodeName = Copies.str(nodeName, "nodeName");
    nodeSelector = Copies.sorted(nodeSelector, "nodeSelector");
    tolerations = Copies.list(tolerations, "tolerations");
    restartPolicy = Copies.str(restartPolicy, "restartPolicy");
    dnsPolicy = Copies.str(dnsPolicy, "dnsPolicy");
    serviceAccountName = Copies.str(serviceAccountName, "serviceAccountName");
    priorityClassName = Copies.str(priorityClassName, "priorityClassName");
    schedulerName = Copies.str(schedulerName, "schedulerName");
    other = Copies.other(other, "other");
  }

  /** A spec with only these containers. */
  public static PodSpec of(List<Container> containers) {
    return EMPTY.withContainers(containers);
  }

  /** The terms of the required node affinity, or {@code null} when none is written. */
  public @Nullable List<NodeSelectorTerm> requiredNodeAffinityTerms() {
    if (affinity == null || affinity.nodeAffinity() == null) {
      return null;
    }
    return affinity.nodeAffinity().requiredTerms();
  }

  public PodSpec withContainers(List<Container> newContainers) {
    return new PodSpec(
        newContainers,
        initContainers,
        volumes,
        nodeName,
        nodeSelector,
        affinity,
        tolerations,
        hostNetwork,
        hostPID,
        restartPolicy,
        terminationGracePeriodSeconds,
        activeDeadlineSeconds,
        dnsPolicy,
        serviceAccountName,
        priorityClassName,
        schedulerName,
        other);
  }

  public PodSpec withNodeName(String newNodeName) {
    return new PodSpec(
        containers,
        initContainers,
        volumes,
        newNodeName,
        nodeSelector,
        affinity,
        tolerations,
        hostNetwork,
        hostPID,
        restartPolicy,
        terminationGracePeriodSeconds,
        activeDeadlineSeconds,
        dnsPolicy,
        serviceAccountName,
        priorityClassName,
        schedulerName,
        other);
  }

  public PodSpec withNodeSelector(Map<String, String> newNodeSelector) {
    return new PodSpec(
        containers,
        initContainers,
        volumes,
        nodeName,
        newNodeSelector,
        affinity,
        tolerations,
        hostNetwork,
        hostPID,
        restartPolicy,
        terminationGracePeriodSeconds,
        activeDeadlineSeconds,
        dnsPolicy,
        serviceAccountName,
        priorityClassName,
        schedulerName,
        other);
  }

  public PodSpec withAffinity(@Nullable Affinity newAffinity) {
    return new PodSpec(
        containers,
        initContainers,
        volumes,
        nodeName,
        nodeSelector,
        newAffinity,
        tolerations,
        hostNetwork,
        hostPID,
        restartPolicy,
        terminationGracePeriodSeconds,
        activeDeadlineSeconds,
        dnsPolicy,
        serviceAccountName,
        priorityClassName,
        schedulerName,
        other);
  }

  public PodSpec withTolerations(List<Toleration> newTolerations) {
    return new PodSpec(
        containers,
        initContainers,
        volumes,
        nodeName,
        nodeSelector,
        affinity,
        newTolerations,
        hostNetwork,
        hostPID,
        restartPolicy,
        terminationGracePeriodSeconds,
        activeDeadlineSeconds,
        dnsPolicy,
        serviceAccountName,
        priorityClassName,
        schedulerName,
        other);
  }

  public PodSpec withHostNetwork(boolean newHostNetwork) {
    return new PodSpec(
        containers,
        initContainers,
        volumes,
        nodeName,
        nodeSelector,
        affinity,
        tolerations,
        newHostNetwork,
        hostPID,
        restartPolicy,
        terminationGracePeriodSeconds,
        activeDeadlineSeconds,
        dnsPolicy,
        serviceAccountName,
        priorityClassName,
        schedulerName,
        other);
  }
}
