package dev.daemonset.core.lint;

import dev.daemonset.api.Severity;
import dev.daemonset.api.lint.Finding;
import dev.daemonset.api.lint.PolicyInput;
import dev.daemonset.api.lint.RuleInfo;
import dev.daemonset.api.model.JsonValue;
import dev.daemonset.api.model.PodSpec;
import java.util.List;

/** The default service account, with its token mounted into a pod on every node. */
final class ServiceAccountPolicy extends BuiltinPolicy {

  ServiceAccountPolicy() {
    super(
        new RuleInfo(
                "service-account-default",
                "Default service account with a mounted token",
                "The pod runs as the namespace's `default` service account and its API token is"
                    + " mounted (`automountServiceAccountToken` is not false): on every node, a"
                    + " token of an account that other workloads share, with whatever roles they"
                    + " were given. Agents that call the API should have their own account;"
                    + " agents that do not should not mount a token at all. Off by default: which"
                    + " one an agent is cannot be seen from the manifest.",
                "Give the agent its own ServiceAccount (`serviceAccountName`), or set"
                    + " `automountServiceAccountToken: false` if it does not call the API.",
                Severity.INFO)
            .withEnabledByDefault(false),
        "kube-linter `default-service-account` (off by default), Polaris"
            + " `automountServiceAccountToken`");
  }

  @Override
  public List<Finding> check(PolicyInput input) {
    PodSpec pod = input.daemonSet().spec().template().spec();
    String account = pod.serviceAccountName();
    if (account.isEmpty() && pod.other().get("serviceAccount") instanceof JsonValue.Str s) {
      account = s.value(); // the deprecated field, still honoured when the new one is unset
    }
    if (!(account.isEmpty() || account.equals("default"))
        || Boolean.FALSE.equals(PodFields.bool(pod, "automountServiceAccountToken"))) {
      return List.of();
    }
    return List.of(
        Finding.at(
            Containers.SPEC + ".serviceAccountName",
            "the pod uses the default service account and mounts its token on every node:"
                + " give it its own account, or set automountServiceAccountToken: false"));
  }
}
