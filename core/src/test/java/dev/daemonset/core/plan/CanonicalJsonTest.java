package dev.daemonset.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.model.Affinity;
import dev.daemonset.api.model.JsonValue;
import dev.daemonset.api.model.NodeAffinity;
import dev.daemonset.api.model.NodeSelectorRequirement;
import dev.daemonset.api.model.NodeSelectorTerm;
import dev.daemonset.api.model.ObjectMeta;
import dev.daemonset.api.model.PodSpec;
import dev.daemonset.api.model.PodTemplateSpec;
import dev.daemonset.api.model.SecurityContext;
import dev.daemonset.core.Fixtures;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The canonical form behind revision matching and the computed hash: Go's omitempty for absent
 * values, Kubernetes' nesting for the fields the model flattens, sorted keys, no whitespace.
 */
class CanonicalJsonTest {

  @Test
  void textSortsKeysSeparatesMembersAndQuotesStrings() {
    Map<String, JsonValue> members = new LinkedHashMap<>();
    members.put("z\"q", JsonValue.of("v\n"));
    members.put(
        "b", new JsonValue.Arr(List.of(JsonValue.of(1), JsonValue.of(true), JsonValue.of("s"))));
    members.put("a", new JsonValue.Obj(Map.of("y", JsonValue.of(2), "x", JsonValue.of(false))));
    members.put("empty", new JsonValue.Arr(List.of()));
    members.put("nothing", JsonValue.NULL);

    assertThat(CanonicalJson.text(new JsonValue.Obj(members)))
        .isEqualTo("{\"a\":{\"x\":false,\"y\":2},\"b\":[1,true,\"s\"],\"z\\\"q\":\"v\\n\"}");
    assertThat(CanonicalJson.text(null)).isEqualTo("null");
    assertThat(
            CanonicalJson.text(
                new JsonValue.Arr(List.of(JsonValue.of("a"), JsonValue.NULL, JsonValue.of("b")))))
        .isEqualTo("[\"a\",null,\"b\"]");
  }

  @Test
  void nodeAffinityIsNestedAsKubernetesWritesIt() {
    NodeSelectorTerm term =
        new NodeSelectorTerm(
            List.of(new NodeSelectorRequirement("zone", "In", List.of("z1"))), List.of());
    NodeAffinity affinity =
        new NodeAffinity(
            List.of(term),
            List.of(new JsonValue.Obj(Map.of("weight", JsonValue.of(1)))),
            Map.of("extra", JsonValue.of("kept")));

    assertThat(
            CanonicalJson.text(spec(PodSpec.EMPTY.withAffinity(new Affinity(affinity, Map.of())))))
        .isEqualTo(
            "{\"spec\":{\"affinity\":{\"nodeAffinity\":{\"extra\":\"kept\","
                + "\"preferredDuringSchedulingIgnoredDuringExecution\":[{\"weight\":1}],"
                + "\"requiredDuringSchedulingIgnoredDuringExecution\":{\"nodeSelectorTerms\":"
                + "[{\"matchExpressions\":[{\"key\":\"zone\",\"operator\":\"In\",\"values\":[\"z1\"]}]}]}}}}}");
    // a written but empty required selector is dropped with the empty list it holds
    assertThat(
            spec(
                PodSpec.EMPTY.withAffinity(
                    new Affinity(new NodeAffinity(List.of(), List.of(), Map.of()), Map.of()))))
        .isNull();
  }

  @Test
  void capabilitiesAreNestedUnderOneObject() {
    SecurityContext both =
        new SecurityContext(
            true,
            0L,
            null,
            null,
            false,
            List.of("NET_ADMIN"),
            List.of("ALL"),
            Map.of(
                "seccompProfile",
                new JsonValue.Obj(Map.of("type", JsonValue.of("RuntimeDefault")))));
    assertThat(CanonicalJson.text(container(both)))
        .isEqualTo(
            "{\"spec\":{\"containers\":[{\"name\":\"c\",\"securityContext\":{\"allowPrivilegeEscalation\":false,"
                + "\"capabilities\":{\"add\":[\"NET_ADMIN\"],\"drop\":[\"ALL\"]},\"privileged\":true,\"runAsUser\":0,"
                + "\"seccompProfile\":{\"type\":\"RuntimeDefault\"}}}]}}");
    SecurityContext dropOnly =
        new SecurityContext(null, null, null, null, null, List.of(), List.of("ALL"), Map.of());
    assertThat(CanonicalJson.text(container(dropOnly)))
        .isEqualTo(
            "{\"spec\":{\"containers\":[{\"name\":\"c\",\"securityContext\":{\"capabilities\":{\"drop\":[\"ALL\"]}}}]}}");
    assertThat(
            CanonicalJson.text(
                container(
                    new SecurityContext(
                        null, null, null, null, null, List.of(), List.of(), Map.of()))))
        .isEqualTo("{\"spec\":{\"containers\":[{\"name\":\"c\"}]}}");
  }

  private static @Nullable JsonValue spec(PodSpec spec) {
    return CanonicalJson.template(new PodTemplateSpec(ObjectMeta.EMPTY, spec));
  }

  private static @Nullable JsonValue container(SecurityContext security) {
    return spec(Fixtures.podSpec(Fixtures.newContainer("c", "").securityContext(security).build()));
  }

  @Test
  void normalizeDropsEmptyValuesOnEitherSide() {
    JsonValue written =
        new JsonValue.Obj(
            Map.of(
                "a",
                JsonValue.of(""),
                "b",
                new JsonValue.Obj(Map.of("c", JsonValue.NULL)),
                "d",
                new JsonValue.Arr(List.of(new JsonValue.Obj(Map.of())))));
    assertThat(CanonicalJson.normalize(written))
        .isEqualTo(new JsonValue.Obj(Map.of("d", new JsonValue.Arr(List.of(JsonValue.NULL)))));
    assertThat(CanonicalJson.normalize(JsonValue.of(0))).isEqualTo(JsonValue.of(0));
    assertThat(CanonicalJson.normalize(JsonValue.NULL)).isNull();
  }
}
