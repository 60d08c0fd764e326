package dev.daemonset.core.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.ReadResult;
import dev.daemonset.api.model.Container;
import dev.daemonset.api.model.ContainerPort;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.model.DaemonSetUpdateStrategy;
import dev.daemonset.api.model.EnvVar;
import dev.daemonset.api.model.HttpGetAction;
import dev.daemonset.api.model.IntOrString;
import dev.daemonset.api.model.JsonValue;
import dev.daemonset.api.model.ObjectMeta;
import dev.daemonset.api.model.PodSpec;
import dev.daemonset.api.model.Probe;
import dev.daemonset.api.model.ResourceRequirements;
import dev.daemonset.api.model.RollingUpdateDaemonSet;
import dev.daemonset.api.model.Volume;
import dev.daemonset.core.Fixtures;
import dev.daemonset.core.read.ManifestReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The API server's defaults, D1-D15. */
class DefaultsTest {

  /** A DaemonSet with nothing to default around it: no selector, no labels, no strategy. */
  private static final DaemonSet BARE =
      Fixtures.daemonSet("ds")
          .namespace("ns")
          .uid("")
          .selector(null)
          .templateMetadata(ObjectMeta.EMPTY)
          .spec(Fixtures.podSpec(Container.of("c", "i:1")))
          .build();

  @Test
  void strategyAndHistory() {
    DaemonSet d = Defaults.defaulted(BARE);
    assertThat(d.spec().updateStrategy())
        .isEqualTo(
            new DaemonSetUpdateStrategy(
                "RollingUpdate", new RollingUpdateDaemonSet(IntOrString.of(1), IntOrString.of(0))));
    assertThat(d.spec().revisionHistoryLimit()).isEqualTo(10);
  }

  @Test
  void writtenValuesWinAndOnDeleteIsLeftAlone() {
    DaemonSet ds = BARE;
    ds =
        ds.withSpec(
            ds.spec()
                .withRevisionHistoryLimit(0)
                .withUpdateStrategy(new DaemonSetUpdateStrategy("OnDelete", null)));
    DaemonSet d = Defaults.defaulted(ds);
    assertThat(d.spec().updateStrategy()).isEqualTo(new DaemonSetUpdateStrategy("OnDelete", null));
    assertThat(d.spec().revisionHistoryLimit()).isZero();
  }

  @Test
  void podSpecDefaults() {
    PodSpec s = Defaults.defaulted(BARE).spec().template().spec();
    assertThat(List.of(s.dnsPolicy(), s.restartPolicy(), s.schedulerName()))
        .containsExactly("ClusterFirst", "Always", "default-scheduler");
    assertThat(s.terminationGracePeriodSeconds()).isEqualTo(30L);
    assertThat(s.other()).containsEntry("securityContext", new JsonValue.Obj(Map.of()));
  }

  @Test
  void containerDefaults() {
    Probe probe =
        new Probe(
            new HttpGetAction("", IntOrString.of(80), "", "", Map.of()),
            null,
            null,
            null,
            0,
            0,
            0,
            0,
            0,
            null,
            Map.of());
    Container c =
        Fixtures.newContainer("c", "i:1")
            .ports(List.of(new ContainerPort("", 80, 0, "", "")))
            .env(
                List.of(
                    new EnvVar(
                        "N",
                        "",
                        new JsonValue.Obj(
                            Map.of(
                                "fieldRef",
                                new JsonValue.Obj(
                                    Map.of("fieldPath", JsonValue.of("spec.nodeName"))))))))
            .livenessProbe(probe)
            .build();
    Container d = Defaults.container(c);
    assertThat(d.imagePullPolicy()).isEqualTo("IfNotPresent");
    assertThat(d.terminationMessagePath()).isEqualTo("/dev/termination-log");
    assertThat(d.terminationMessagePolicy()).isEqualTo("File");
    assertThat(d.ports().get(0).protocol()).isEqualTo("TCP");
    assertThat(d.env().get(0).valueFrom().members().get("fieldRef").members())
        .containsEntry("apiVersion", JsonValue.of("v1"));
    Probe p = d.livenessProbe();
    assertThat(
            List.of(
                p.timeoutSeconds(), p.periodSeconds(), p.successThreshold(), p.failureThreshold()))
        .containsExactly(1, 10, 1, 3);
    assertThat(List.of(p.httpGet().path(), p.httpGet().scheme())).containsExactly("/", "HTTP");
  }

  @Test
  void volumeDefaults() {
    PodSpec spec =
        Fixtures.newPodSpec(Container.of("c", "i:1"))
            .volumes(
                List.of(
                    new Volume("scratch", Map.of()),
                    new Volume(
                        "cfg",
                        Map.of(
                            "configMap", new JsonValue.Obj(Map.of("name", JsonValue.of("cfg")))))))
            .build();
    List<Volume> v = Defaults.podSpec(spec).volumes();
    assertThat(v.get(0).other())
        .containsExactly(Map.entry("emptyDir", new JsonValue.Obj(Map.of())));
    assertThat(v.get(1).other().get("configMap").members())
        .containsEntry("defaultMode", JsonValue.of(420));
  }

  @Test
  void idempotentAndPure() {
    DaemonSet ds =
        Fixtures.daemonSet(BARE).spec(Fixtures.podSpec(Container.of("c", "busybox"))).build();
    DaemonSet once = Defaults.defaulted(ds);
    assertThat(Defaults.defaulted(once)).isEqualTo(once);
    assertThat(ds.spec().template().spec().restartPolicy()).isEmpty();
  }

  private static DaemonSet read(String resource) throws IOException {
    try (InputStream in = DefaultsTest.class.getResourceAsStream(resource)) {
      ReadResult result = ManifestReader.defaults().read(in);
      assertThat(result.diagnostics()).isEmpty();
      return result.daemonSets().get(0);
    }
  }

  /**
   * A plain manifest, defaulted, is exactly what the API server stores for it (and D1-D15 are
   * idempotent).
   */
  @Test
  void plainManifestBecomesTheServerForm() throws IOException {
    DaemonSet server = read("manifest.yaml");
    DaemonSet expected = read("server-form.yaml");
    DaemonSet defaulted = Defaults.defaulted(server);
    assertThat(defaulted.spec().template().spec().containers())
        .isEqualTo(expected.spec().template().spec().containers());
    assertThat(defaulted.spec().template().spec().initContainers())
        .isEqualTo(expected.spec().template().spec().initContainers());
    assertThat(defaulted.spec().template().spec().volumes())
        .isEqualTo(expected.spec().template().spec().volumes());
    assertThat(defaulted.spec()).isEqualTo(expected.spec());
    assertThat(Defaults.defaulted(defaulted)).isEqualTo(defaulted);
    assertThat(Defaults.defaulted(expected)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "0.5, 500m",
    "1.5Gi, 1536Mi",
    "1e3, 1e3", // the string keeps its exponent notation
    "not-a-quantity, not-a-quantity",
  })
  void containerQuantitiesAreStoredCanonical(String written, String stored) {
    Container c =
        Fixtures.newContainer("c", "i:1")
            .resources(
                new ResourceRequirements(
                    Map.of("cpu", written), Map.of("memory", written), Map.of()))
            .build();
    ResourceRequirements r =
        Defaults.defaulted(Fixtures.daemonSet(BARE).spec(Fixtures.podSpec(c)).build())
            .spec()
            .template()
            .spec()
            .containers()
            .get(0)
            .resources();
    assertThat(r.limits()).containsExactly(Map.entry("cpu", stored));
    assertThat(r.requests()).containsExactly(Map.entry("memory", stored));
  }
}
