package dev.daemonset.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.Document;
import dev.daemonset.api.ReadResult;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.model.DaemonSetUpdateStrategy;
import dev.daemonset.api.model.KubernetesObject;
import dev.daemonset.api.model.Node;
import dev.daemonset.api.model.Pod;
import dev.daemonset.api.model.PodTemplateSpec;
import dev.daemonset.api.model.RollingUpdateDaemonSet;
import dev.daemonset.api.plan.Action;
import dev.daemonset.api.plan.ClusterSnapshot;
import dev.daemonset.api.plan.PlanOptions;
import dev.daemonset.core.Seeds;
import dev.daemonset.core.TestData;
import dev.daemonset.core.defaults.Defaults;
import dev.daemonset.core.read.ManifestReader;
import dev.daemonset.core.render.ManifestWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The one model to Kubernetes JSON mapping ({@code internal.json.ModelJson}), used by rendering and
 * by the revision hash: bind(render(x)) equals x for every object of seeded random clusters and of
 * the real-world corpus; every template keeps the canonical text, and so the hash, of the former
 * reflective mapping ({@link ReflectiveJson}); the hash of a fully populated template is pinned;
 * the mapping names its fields without reflection.
 *
 * <p>{@code -Dmapping.seed=N} and {@code -Dmapping.clusters=N} (default 1,000) repeat or widen a
 * run.
 */
@ExtendWith(Seeds.class)
class ModelJsonTest {
  private static final long SEED = Long.getLong("mapping.seed", 20261207L);
  private static final int CLUSTERS = Integer.getInteger("mapping.clusters", 1_000);
  private static final ManifestReader READER = ManifestReader.defaults();

  /** Pinned: the planner's computed hash of {@link FullDaemonSet#template()} (as before #18). */
  private static final String FULL_TEMPLATE_HASH = "766d88bdbc";

  @Test
  void theHashOfAFullyPopulatedTemplateIsPinned() {
    PodTemplateSpec full = FullDaemonSet.template();
    assertThat(CanonicalJson.text(CanonicalJson.template(full)))
        .isEqualTo(CanonicalJson.text(ReflectiveJson.of(full, false)));
    assertThat(Revisions.hash(full)).isEqualTo(FULL_TEMPLATE_HASH);
    PodTemplateSpec defaulted = Defaults.defaulted(FullDaemonSet.daemonSet()).spec().template();
    assertThat(CanonicalJson.text(CanonicalJson.template(defaulted)))
        .isEqualTo(CanonicalJson.text(ReflectiveJson.of(defaulted, false)));
  }

  @Test
  void everyTemplateHasTheCanonicalTextOfTheFormerMapping() throws IOException {
    Seeds.use(SEED, "-Dmapping.seed=" + SEED);
    List<PodTemplateSpec> templates = new ArrayList<>();
    for (DaemonSet ds : corpusDaemonSets()) {
      templates.add(ds.spec().template());
      templates.add(Defaults.defaulted(ds).spec().template());
    }
    for (int i = 0; i < CLUSTERS; i++) {
      RandomClusters r = new RandomClusters(SEED + i);
      DaemonSet ds = r.daemonSet(false);
      templates.add(ds.spec().template());
      templates.add(Defaults.defaulted(ds).spec().template());
      for (Pod p : r.pods(r.nodes(3), true)) {
        templates.add(new PodTemplateSpec(p.metadata(), p.spec()));
      }
    }
    assertThat(templates).hasSizeGreaterThan(3 * CLUSTERS);
    for (PodTemplateSpec t : templates) {
      assertThat(CanonicalJson.text(CanonicalJson.template(t)))
          .as("seed %d: %s", SEED, t)
          .isEqualTo(CanonicalJson.text(ReflectiveJson.of(t, false)));
    }
  }

  @Test
  void everyObjectOfRandomClustersReadsBackEqual() {
    Seeds.use(SEED, "-Dmapping.seed=" + SEED);
    int objects = 0;
    for (int i = 0; i < CLUSTERS; i++) {
      RandomClusters r = new RandomClusters(SEED + i);
      DaemonSet ds = r.daemonSet(false);
      List<Node> nodes = r.nodes(1 + r.random().nextInt(4));
      List<Pod> pods = r.pods(nodes, true);
      List<KubernetesObject> all = new ArrayList<>();
      all.add(ds);
      all.add(Defaults.defaulted(ds));
      all.addAll(nodes);
      all.addAll(pods);
      // the pods the planner makes: the controller's shape of a daemon pod
      Planner.plan(
              ds,
              ClusterSnapshot.of(nodes, pods),
              RandomClusters.NOW,
              PlanOptions.DEFAULTS.withCurrentRevisionHash("new"))
          .actions()
          .forEach(
              a -> {
                if (a instanceof Action.Create c) {
                  all.add(c.pod());
                }
              });
      for (KubernetesObject o : all) {
        assertRoundTrip(o, "seed " + (SEED + i));
        objects++;
      }
    }
    assertThat(objects).isGreaterThan(4 * CLUSTERS);
  }

  @Test
  void everyObjectOfTheRealWorldCorpusReadsBackEqual() throws IOException {
    int objects = 0;
    List<Path> manifests;
    try (Stream<Path> files = TestData.realWorldManifests()) {
      manifests = files.toList();
    }
    for (Path file : manifests) {
      for (Document d : READER.read(Files.readAllBytes(file)).documents()) {
        assertRoundTrip(d.object(), file.getFileName().toString());
        if (d.object() instanceof DaemonSet ds) {
          assertRoundTrip(Defaults.defaulted(ds), file.getFileName() + ", defaulted");
        }
        objects++;
      }
    }
    assertThat(objects).isGreaterThan(30);
  }

  @Test
  void aFullyPopulatedDaemonSetAndAnEmptyRollingUpdateReadBackEqual() {
    DaemonSet full = FullDaemonSet.daemonSet();
    assertRoundTrip(full, "full");
    assertRoundTrip(Defaults.defaulted(full), "full, defaulted");
    // rollingUpdate: {} is a set pointer in Go: written as {}, read back as present and empty
    DaemonSet emptyRolling =
        full.withSpec(
            full.spec()
                .withUpdateStrategy(
                    new DaemonSetUpdateStrategy(
                        "RollingUpdate", new RollingUpdateDaemonSet(null, null))));
    assertThat(ManifestWriter.toYaml(emptyRolling)).contains("rollingUpdate: {}");
    assertRoundTrip(emptyRolling, "rollingUpdate: {}");
  }

  @Test
  void theMappingNamesItsFieldsWithoutReflection() throws IOException {
    for (String file :
        List.of(
            "core/src/main/java/dev/daemonset/core/internal/json/ModelJson.java",
            "core/src/main/java/dev/daemonset/core/plan/CanonicalJson.java",
            "core/src/main/java/dev/daemonset/core/plan/Revisions.java")) {
      String source = Files.readString(TestData.path("../" + file), StandardCharsets.UTF_8);
      assertThat(source)
          .as(file)
          .doesNotContain("java.lang.reflect")
          .doesNotContain("getRecordComponents")
          .doesNotContain("getSimpleName");
    }
  }

  private static void assertRoundTrip(KubernetesObject object, String what) {
    String yaml = ManifestWriter.toYaml(object);
    String json = ManifestWriter.toJson(object);
    assertThat(readOne(yaml, what)).as("%s, YAML:%n%s", what, yaml).isEqualTo(object);
    assertThat(readOne(json, what)).as("%s, JSON:%n%s", what, json).isEqualTo(object);
  }

  private static KubernetesObject readOne(String text, String what) {
    ReadResult r = READER.read(text);
    assertThat(r.documents()).as("%s:%n%s", what, text).hasSize(1);
    return r.documents().get(0).object();
  }

  private static List<DaemonSet> corpusDaemonSets() throws IOException {
    List<DaemonSet> out = new ArrayList<>();
    try (Stream<Path> files = TestData.realWorldManifests()) {
      for (Path file : files.toList()) {
        out.addAll(READER.read(Files.readAllBytes(file)).daemonSets());
      }
    }
    assertThat(out).hasSizeGreaterThan(30);
    return out;
  }
}
