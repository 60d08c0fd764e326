package dev.daemonset.core.lint;

import java.util.List;

/** The built-in policies, in reporting (and documentation) order. */
final class BuiltinPolicies {
  private BuiltinPolicies() {}

  static List<BuiltinPolicy> all() {
    return List.of(
        new ImageTagPolicy(),
        new PullPolicyDigestPolicy(),
        new ResourcesPolicy(),
        new MemoryLimitPolicy(),
        new PriorityClassPolicy(),
        new ReadinessProbePolicy(),
        new LivenessProbePolicy(),
        new SurgeHostPortPolicy(),
        new MaxUnavailablePolicy(),
        new SlowRolloutPolicy(),
        new OnDeletePolicy(),
        new RevisionHistoryPolicy(),
        new TerminationGracePolicy(),
        new OsSelectorPolicy(),
        new TolerateAllPolicy(),
        new PrivilegedPolicy(),
        new CapabilitiesPolicy(),
        new PrivilegeEscalationPolicy(),
        new RunAsRootPolicy(),
        new ReadOnlyRootPolicy(),
        HostNamespacePolicy.network(),
        HostNamespacePolicy.pid(),
        HostNamespacePolicy.ipc(),
        new HostPathPolicy(),
        new HostPathWritablePolicy(),
        new EnvSecretPolicy(),
        new NamespacePolicy(),
        new ServiceAccountPolicy(),
        PlacementPolicy.runsOn(),
        PlacementPolicy.notOn(),
        new NoExecuteTaintsPolicy(),
        new MinNodesPolicy(),
        new RolloutEmptiesPolicy());
  }
}
