package dev.daemonset.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.model.IntOrString;
import dev.daemonset.api.model.JsonValue;
import dev.daemonset.api.model.NodeAffinity;
import dev.daemonset.api.model.NodeSelectorRequirement;
import dev.daemonset.api.model.NodeSelectorTerm;
import dev.daemonset.api.model.SecurityContext;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The canonical form behind revision matching and the computed hash: Go's omitempty for absent
 * values, Kubernetes' nesting for the fields the model flattens, sorted keys, no whitespace.
 */
class CanonicalJsonTest {

  @Test
  @SuppressWarnings("BooleanLiteral") // Boolean.FALSE, boxed on purpose
  void scalarsFollowOmitemptyExceptExplicitBoxedZeroAndFalse() {
    assertThat(CanonicalJson.of(null, false)).isNull();
    assertThat(CanonicalJson.of("", false)).isNull();
    assertThat(CanonicalJson.of("x", false)).isEqualTo(JsonValue.of("x"));
    // a primitive false or 0 is Go's zero value and left out; a boxed one was written and stays
    assertThat(CanonicalJson.of(false, true)).isNull();
    assertThat(CanonicalJson.of(Boolean.FALSE, false)).isEqualTo(JsonValue.of(false));
    assertThat(CanonicalJson.of(true, true)).isEqualTo(JsonValue.of(true));
    assertThat(CanonicalJson.of(0, true)).isNull();
    assertThat(CanonicalJson.of(0L, true)).isNull();
    assertThat(CanonicalJson.of(0, false)).isEqualTo(JsonValue.of(0));
    assertThat(CanonicalJson.of(7, true)).isEqualTo(JsonValue.of(7));
    assertThat(CanonicalJson.of(Instant.parse("2026-01-01T00:00:00Z"), false))
        .isEqualTo(JsonValue.of("2026-01-01T00:00:00Z"));
    assertThat(CanonicalJson.of(IntOrString.of(3), false)).isEqualTo(JsonValue.of(3));
    assertThat(CanonicalJson.of(IntOrString.of("25%"), false)).isEqualTo(JsonValue.of("25%"));
  }

  @Test
  void collectionsKeepNullsAsJsonNullAndVanishWhenEmpty() {
    assertThat(CanonicalJson.of(List.of(), false)).isNull();
    assertThat(CanonicalJson.of(Map.of(), false)).isNull();
    assertThat(CanonicalJson.of(Arrays.asList("a", null, ""), false))
        .isEqualTo(new JsonValue.Arr(List.of(JsonValue.of("a"), JsonValue.NULL, JsonValue.NULL)));
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("b", "x");
    map.put("a", "");
    map.put("c", List.of());
    assertThat(CanonicalJson.of(map, false))
        .isEqualTo(new JsonValue.Obj(Map.of("b", JsonValue.of("x"))));
  }

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

    assertThat(CanonicalJson.text(CanonicalJson.of(affinity, false)))
        .isEqualTo(
            "{\"extra\":\"kept\","
                + "\"preferredDuringSchedulingIgnoredDuringExecution\":[{\"weight\":1}],"
                + "\"requiredDuringSchedulingIgnoredDuringExecution\":{\"nodeSelectorTerms\":"
                + "[{\"matchExpressions\":[{\"key\":\"zone\",\"operator\":\"In\",\"values\":[\"z1\"]}]}]}}");
    // a written but empty required selector keeps its wrapper until normalize drops the empty list
    JsonValue emptyRequired =
        CanonicalJson.of(new NodeAffinity(List.of(), List.of(), Map.of()), false);
    assertThat(emptyRequired)
        .isEqualTo(
            new JsonValue.Obj(
                Map.of(
                    "requiredDuringSchedulingIgnoredDuringExecution",
                    new JsonValue.Obj(Map.of("nodeSelectorTerms", new JsonValue.Arr(List.of()))))));
    assertThat(CanonicalJson.of(new NodeAffinity(null, List.of(), Map.of()), false)).isNull();
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
    assertThat(CanonicalJson.text(CanonicalJson.of(both, false)))
        .isEqualTo(
            "{\"allowPrivilegeEscalation\":false,"
                + "\"capabilities\":{\"add\":[\"NET_ADMIN\"],\"drop\":[\"ALL\"]},\"privileged\":true,\"runAsUser\":0,"
                + "\"seccompProfile\":{\"type\":\"RuntimeDefault\"}}");
    SecurityContext dropOnly =
        new SecurityContext(null, null, null, null, null, List.of(), List.of("ALL"), Map.of());
    assertThat(CanonicalJson.of(dropOnly, false))
        .isEqualTo(
            new JsonValue.Obj(
                Map.of(
                    "capabilities",
                    new JsonValue.Obj(
                        Map.of("drop", new JsonValue.Arr(List.of(JsonValue.of("ALL"))))))));
    assertThat(
            CanonicalJson.of(
                new SecurityContext(null, null, null, null, null, List.of(), List.of(), Map.of()),
                false))
        .isNull();
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
