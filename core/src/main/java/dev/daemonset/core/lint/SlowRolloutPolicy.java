package dev.daemonset.core.lint;

import dev.daemonset.api.Severity;
import dev.daemonset.api.lint.Finding;
import dev.daemonset.api.lint.PolicyInput;
import dev.daemonset.api.lint.RuleInfo;
import dev.daemonset.api.lint.RuleParameter;
import dev.daemonset.api.model.IntOrString;
import dev.daemonset.api.model.RollingUpdateDaemonSet;
import dev.daemonset.core.internal.intstr.IntStr;
import java.util.List;
import java.util.OptionalLong;

/** A fixed, small maxUnavailable on a large fleet: a rollout that takes hours. */
final class SlowRolloutPolicy extends BuiltinPolicy {

  SlowRolloutPolicy() {
    super(
        new RuleInfo(
                "slow-rollout",
                "Rollout takes too long on this fleet",
                "A rolling update replaces at most `maxUnavailable` pods at a time (or `maxSurge`"
                    + " with surge), each step lasting at least until the new pods are available:"
                    + " `podReadySeconds` plus `minReadySeconds`. With a fixed number, such as the"
                    + " default `maxUnavailable: 1`, the steps grow with the fleet: 2,000 nodes at"
                    + " 30 s a step is more than 16 hours, during which old and new versions run"
                    + " side by side and a fix waits behind the rollout. Percentages scale with"
                    + " the fleet and are not reported. Quiet until the node count is known: from"
                    + " `nodes`, or from the configured cluster.",
                "Use a percentage (`maxUnavailable: 10%`), or a larger number, so a rollout"
                    + " finishes within `maxMinutes`.",
                Severity.WARNING)
            .withParameters(
                List.of(
                    RuleParameter.integer(
                        "nodes",
                        "",
                        "How many nodes run the DaemonSet; without it (and without a configured"
                            + " cluster) the rule is quiet."),
                    RuleParameter.integer(
                        "podReadySeconds",
                        "30",
                        "Seconds from a new pod's creation until it is ready (image pull, start,"
                            + " readiness probe)."),
                    RuleParameter.integer(
                        "maxMinutes",
                        "60",
                        "The longest rollout, in minutes, that is not reported."))),
        "");
  }

  @Override
  public List<Finding> check(PolicyInput input) {
    RollingUpdateDaemonSet rolling = Rollouts.rolling(input.defaulted());
    if (rolling == null) {
      return List.of();
    }
    boolean surge = Rollouts.surges(rolling.maxSurge());
    IntOrString unavailable = rolling.maxUnavailable();
    if (surge && unavailable != null && IntStr.intOrPercentValue(unavailable) != 0) {
      // the API server rejects maxSurge beside a non-zero maxUnavailable (may not be set when
      // maxUnavailable is non-zero): validation reports it on that field, so stay quiet
      return List.of();
    }
    IntOrString step = surge ? rolling.maxSurge() : rolling.maxUnavailable();
    OptionalLong nodes = MaxUnavailablePolicy.nodes(input);
    if (step == null || !step.isInt() || step.intValue() <= 0 || nodes.isEmpty()) {
      return List.of();
    }
    long n = nodes.getAsLong();
    long steps = (n + step.intValue() - 1) / step.intValue();
    long perStep =
        input.parameters().integer("podReadySeconds").orElse(30)
            + input.defaulted().spec().minReadySeconds();
    long minutes = steps * perStep / 60;
    long max = input.parameters().integer("maxMinutes").orElse(60);
    if (minutes <= max) {
      return List.of();
    }
    String field = surge ? "maxSurge" : "maxUnavailable";
    return List.of(
        Finding.at(
            "spec.updateStrategy.rollingUpdate." + field,
            field
                + " "
                + step.intValue()
                + " on "
                + n
                + " nodes: a rollout takes "
                + steps
                + " steps of at least "
                + perStep
                + " s, about "
                + duration(minutes)
                + " (more than "
                + max
                + " minutes)"));
  }

  private static String duration(long minutes) {
    return minutes < 120 ? minutes + " minutes" : (minutes / 60) + " hours";
  }
}
