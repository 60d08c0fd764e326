package dev.daemonset.core.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.ReadResult;
import dev.daemonset.api.Severity;
import dev.daemonset.api.constraints.Dns1123Label;
import dev.daemonset.api.constraints.IntOrPercent;
import dev.daemonset.api.model.IntOrString;
import dev.daemonset.api.plan.ClusterSnapshot;
import dev.daemonset.api.plan.Plan;
import dev.daemonset.api.plan.PlanOptions;
import dev.daemonset.core.DaemonSetEngine;
import dev.daemonset.core.TestData;
import dev.daemonset.core.lint.Linter;
import dev.daemonset.core.testsupport.SuppressForbidden;
import dev.daemonset.core.validate.DaemonSetValidator;
import jakarta.validation.ConstraintViolation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Java examples of docs/library.md that the README's quick start does not already run. */
class LibraryGuideExamplesTest {

  /** docs/library.md: "Where to start", the engine configured, and a rejected plan. */
  @Test
  @SuppressForbidden // docs/library.md's example prints to System.out, captured here
  void configuredEngineRejectsAnInvalidDaemonSet() throws IOException {
    DaemonSetEngine engine =
        DaemonSetEngine.defaults()
            .withLinter(Linter.builder().severity("image-tag-latest", Severity.ERROR).build())
            .withPlanOptions(PlanOptions.DEFAULTS.withBurstReplicas(50));

    ReadResult manifests =
        engine.read(
            """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: agent}
            spec:
              selector: {matchLabels: {app: agent}}
              template:
                metadata: {labels: {app: agent}}
                spec:
                  containers: [{name: agent, image: "agent:latest", ports: [{containerPort: 70000}]}]
            """);
    ClusterSnapshot cluster =
        ClusterSnapshot.from(engine.read(TestData.path("examples/cluster.yaml")));
    Instant now = Instant.parse("2026-11-28T10:00:00Z");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      for (Plan plan : engine.plan(manifests, cluster, now)) {
        if (plan.outcome() == Plan.Outcome.REJECTED) {
          plan.errors().forEach(e -> System.out.println(e.span().line() + " " + e.message()));
        }
      }
    } finally {
      System.setOut(stdout);
    }
    assertThat(bytes.toString(StandardCharsets.UTF_8).lines())
        .containsExactly("9 Invalid value: 70000: must be between 1 and 65535, inclusive");
    assertThat(engine.lint(manifests))
        .extracting(d -> d.severity() + " " + d.code())
        .contains("ERROR image-tag-latest");
    assertThat(engine.planOptions().burstReplicas()).isEqualTo(50);
  }

  /** docs/library.md: "The constraint annotations, and a ready Validator". */
  record Rollout(@Dns1123Label String namespace, @IntOrPercent IntOrString maxUnavailable) {}

  @Test
  void readyValidatorChecksTheConstraintAnnotations() {
    Set<ConstraintViolation<Rollout>> violations =
        DaemonSetValidator.constraintValidator()
            .validate(new Rollout("monitoring", IntOrString.of("125%")));

    assertThat(violations)
        .extracting(v -> v.getPropertyPath() + ": " + v.getMessage())
        .containsExactly("maxUnavailable: must not be greater than 100%");
  }
}
