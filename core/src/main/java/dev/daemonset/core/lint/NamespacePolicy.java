package dev.daemonset.core.lint;

import dev.daemonset.api.Severity;
import dev.daemonset.api.lint.Finding;
import dev.daemonset.api.lint.PolicyInput;
import dev.daemonset.api.lint.RuleInfo;
import java.util.List;

/** A DaemonSet in the default namespace, or in whatever namespace kubectl happens to use. */
final class NamespacePolicy extends BuiltinPolicy {

  NamespacePolicy() {
    super(
        new RuleInfo(
                "namespace-default",
                "DaemonSet in the default namespace, or in none",
                "The DaemonSet names no namespace, or `default`. Without one, `kubectl apply` puts it"
                    + " in the namespace of the current context, which differs between people and CI;"
                    + " in `default` it shares RBAC, quotas and policies with everything else that"
                    + " landed there. Off by default: kustomize bases and Helm templates leave the"
                    + " namespace to the tool that renders them.",
                "Set `metadata.namespace` to the agent's own namespace (or `kube-system` for"
                    + " cluster add-ons).",
                Severity.INFO)
            .withEnabledByDefault(false),
        "kube-linter `use-namespace` (off by default)");
  }

  @Override
  public List<Finding> check(PolicyInput input) {
    String ns = input.daemonSet().metadata().namespace();
    if (ns.isEmpty()) {
      return List.of(
          Finding.at(
              "metadata.namespace",
              "no namespace: kubectl applies it to whatever namespace the current context uses"));
    }
    if (ns.equals("default")) {
      return List.of(
          Finding.at(
              "metadata.namespace",
              "in the default namespace: it shares RBAC, quotas and policies with everything"
                  + " else there"));
    }
    return List.of();
  }
}
