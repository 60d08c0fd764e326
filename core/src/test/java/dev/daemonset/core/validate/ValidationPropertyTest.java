package dev.daemonset.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.SourceMap;
import dev.daemonset.api.model.Container;
import dev.daemonset.api.model.ContainerPort;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.model.DaemonSetUpdateStrategy;
import dev.daemonset.api.model.IntOrString;
import dev.daemonset.api.model.LabelSelector;
import dev.daemonset.api.model.ObjectMeta;
import dev.daemonset.api.model.PodSpec;
import dev.daemonset.api.model.RollingUpdateDaemonSet;
import dev.daemonset.api.model.Toleration;
import dev.daemonset.core.Fixtures;
import dev.daemonset.core.Seeds;
import dev.daemonset.core.defaults.Defaults;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Seeded-random DaemonSets built from valid and invalid pieces. Invariants: validation defaults
 * first (validating the defaulted object gives the same list), it is deterministic, every code is
 * an API-server error type and every path is rooted in metadata, spec or status.
 */
@ExtendWith(Seeds.class)
class ValidationPropertyTest {

  private static final long SEED = Long.getLong("validation.seed", 20261128L);

  /** Each API-server error type and how its body begins. */
  private static final Map<String, String> BODIES =
      Map.of(
          "FieldValueRequired",
          "Required value",
          "FieldValueInvalid",
          "Invalid value: ",
          "FieldValueNotSupported",
          "Unsupported value: ",
          "FieldValueDuplicate",
          "Duplicate value: ",
          "FieldValueForbidden",
          "Forbidden: ",
          "FieldValueTooLong",
          "Too long: ",
          "FieldValueTooMany",
          "Too many: ",
          "FieldValueNotFound",
          "Not found: ");

  private static final String[] STRINGS = {
    "",
    "agent",
    "Agent",
    "a.b",
    "-x",
    "x".repeat(64),
    "example.com/app",
    "a/b/c",
    "bad key",
    "0%",
    "50%",
    "101%",
    "abc",
    "5",
    "Always",
    "OnFailure",
    "Exists",
    "Equal",
    "In"
  };

  private static String pick(Random r) {
    return STRINGS[r.nextInt(STRINGS.length)];
  }

  private static IntOrString intOrString(Random r) {
    return r.nextBoolean() ? IntOrString.of(r.nextInt(5) - 1) : IntOrString.of(pick(r));
  }

  private static DaemonSet random(Random r) {
    List<Container> containers = new ArrayList<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      List<ContainerPort> ports =
          List.of(
              new ContainerPort(
                  r.nextBoolean() ? "" : pick(r),
                  r.nextInt(70000) - 10,
                  r.nextBoolean() ? 0 : 8080,
                  r.nextBoolean() ? "" : pick(r),
                  ""));
      containers.add(
          Fixtures.newContainer(pick(r), pick(r))
              .imagePullPolicy(r.nextBoolean() ? "" : pick(r))
              .ports(ports)
              .restartPolicy(r.nextInt(4) == 0 ? pick(r) : "")
              .build());
    }
    Map<String, String> labels =
        r.nextBoolean() ? Map.of("app", "agent") : Map.of(pick(r), pick(r));
    // the arguments are drawn in the order of PodSpec's components, as when it was built by its
    // constructor: a seed gives the DaemonSets it always gave
    PodSpec spec =
        Fixtures.newPodSpec(containers.toArray(Container[]::new))
            .nodeSelector(r.nextBoolean() ? Map.of() : Map.of(pick(r), pick(r)))
            .tolerations(
                List.of(
                    new Toleration(
                        pick(r), pick(r), pick(r), pick(r), r.nextBoolean() ? null : 5L)))
            .hostNetwork(r.nextBoolean())
            .restartPolicy(r.nextBoolean() ? "" : pick(r))
            .activeDeadlineSeconds(r.nextInt(4) == 0 ? (long) r.nextInt(3) : null)
            .build();
    LabelSelector selector =
        switch (r.nextInt(3)) {
          case 0 -> null;
          case 1 -> LabelSelector.of(Map.of("app", "agent"));
          default -> LabelSelector.of(Map.of(pick(r), pick(r)));
        };
    DaemonSetUpdateStrategy strategy =
        new DaemonSetUpdateStrategy(
            r.nextBoolean() ? "" : pick(r),
            r.nextBoolean()
                ? null
                : new RollingUpdateDaemonSet(
                    r.nextBoolean() ? null : intOrString(r),
                    r.nextBoolean() ? null : intOrString(r)));
    String namespace = pick(r);
    String name = pick(r);
    Map<String, String> dsLabels = Map.of(pick(r), pick(r));
    return Fixtures.daemonSet(name)
        .namespace(namespace)
        .uid("")
        .metadata(m -> m.withLabels(dsLabels))
        .selector(selector)
        .templateMetadata(ObjectMeta.EMPTY.withLabels(labels))
        .spec(spec)
        .strategy(strategy)
        .minReadySeconds(r.nextInt(3) - 1)
        .revisionHistoryLimit(r.nextBoolean() ? null : r.nextInt(3) - 1)
        .build();
  }

  @Test
  void invariantsHoldForRandomDaemonSets() {
    Seeds.use(SEED, "-Dvalidation.seed=" + SEED);
    Random r = new Random(SEED);
    int withErrors = 0;
    for (int i = 0; i < 300; i++) {
      DaemonSet ds = random(r);
      List<Diagnostic> found = DaemonSetValidator.validate(ds, SourceMap.empty());
      assertThat(DaemonSetValidator.validate(Defaults.defaulted(ds), SourceMap.empty()))
          .as("seed %d #%d", SEED, i)
          .isEqualTo(found);
      assertThat(DaemonSetValidator.validate(ds, SourceMap.empty()))
          .as("seed %d #%d", SEED, i)
          .isEqualTo(found);
      assertThat(found)
          .as("seed %d #%d", SEED, i)
          .allSatisfy(
              d -> {
                assertThat(BODIES).containsKey(d.code());
                assertThat(d.message()).startsWith(BODIES.get(d.code()));
                assertThat(d.path()).matches("(metadata|spec|status)(\\..*)?");
              });
      withErrors += found.isEmpty() ? 0 : 1;
    }
    assertThat(withErrors).as("the generator must produce invalid objects").isGreaterThan(100);
  }
}
