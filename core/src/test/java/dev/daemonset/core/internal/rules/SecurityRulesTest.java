package dev.daemonset.core.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.model.JsonValue;
import dev.daemonset.api.model.SecurityContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A container's {@code securityContext} fields outside the typed model ({@code runAsGroup}, {@code
 * procMount}, the profiles), read through {@link Views.Security}: the cases the validation
 * conformance inputs do not reach (no input there sets {@code runAsGroup} or {@code procMount}).
 */
class SecurityRulesTest {
  private static final String PATH = "spec.template.spec.containers[0].securityContext";

  private static SecurityContext with(Map<String, JsonValue> other) {
    return new SecurityContext(null, null, null, null, null, List.of(), List.of(), other);
  }

  private static List<String> errors(SecurityContext sc, boolean hostUsers) {
    Errors e = new Errors();
    SecurityRules.container(sc, hostUsers, PATH, e);
    return e.list().stream()
        .map(f -> f.type().name() + " " + f.path().substring(PATH.length()) + ": " + f.message())
        .toList();
  }

  @Test
  void runAsGroupIsAnIdInRangeWhenANumber() {
    String range = "must be between 0 and 2147483647, inclusive";
    assertThat(errors(with(Map.of("runAsGroup", JsonValue.of(-1))), true))
        .containsExactly("INVALID .runAsGroup: Invalid value: -1: " + range);
    assertThat(errors(with(Map.of("runAsGroup", JsonValue.of(2147483648L))), true))
        .containsExactly("INVALID .runAsGroup: Invalid value: 2147483648: " + range);
    assertThat(errors(with(Map.of("runAsGroup", JsonValue.of(2147483647L))), true)).isEmpty();
    assertThat(errors(with(Map.of("runAsGroup", JsonValue.of(0))), true)).isEmpty();
    assertThat(errors(with(Map.of("runAsGroup", JsonValue.of("x"))), true)).isEmpty();
  }

  @Test
  void procMountWrittenMustBeDefaultOrUnmaskedAndUnmaskedNeedsOwnUsers() {
    String supported = "supported values: \"Default\", \"Unmasked\"";
    assertThat(errors(with(Map.of()), true)).isEmpty();
    // null decodes to a nil pointer, which upstream's `if sc.ProcMount != nil` leaves alone
    assertThat(errors(with(Map.of("procMount", JsonValue.NULL)), true)).isEmpty();
    assertThat(errors(with(Map.of("procMount", JsonValue.of("Default"))), true)).isEmpty();
    assertThat(errors(with(Map.of("procMount", JsonValue.of("Unmasked"))), false)).isEmpty();
    assertThat(errors(with(Map.of("procMount", JsonValue.of("Unmasked"))), true))
        .containsExactly(
            "INVALID .procMount: Invalid value: \"Unmasked\": "
                + "`hostUsers` must be false to use `Unmasked`");
    assertThat(errors(with(Map.of("procMount", JsonValue.of("Custom"))), true))
        .containsExactly("NOT_SUPPORTED .procMount: Unsupported value: \"Custom\": " + supported);
  }

  @Test
  void profilesAreCheckedFromTheirOwnFields() {
    Map<String, JsonValue> other = new LinkedHashMap<>();
    other.put("seccompProfile", new JsonValue.Obj(Map.of("type", JsonValue.of("Localhost"))));
    other.put("appArmorProfile", new JsonValue.Obj(Map.of("type", JsonValue.of("Custom"))));
    assertThat(errors(with(other), true))
        .containsExactly(
            "REQUIRED .seccompProfile.localhostProfile: Required value: "
                + "must be set when seccomp type is Localhost",
            "NOT_SUPPORTED .appArmorProfile.type: Unsupported value: \"Custom\": "
                + "supported values: \"Localhost\", \"RuntimeDefault\", \"Unconfined\"");
  }

  @Test
  void theBadValueIsTheWholeContextInGoFieldOrder() {
    Map<String, JsonValue> other = new LinkedHashMap<>();
    other.put("procMount", JsonValue.of("Default"));
    other.put("runAsGroup", JsonValue.of(7));
    other.put("seLinuxOptions", new JsonValue.Obj(Map.of("user", JsonValue.of("u"))));
    other.put("seccompProfile", new JsonValue.Obj(Map.of("type", JsonValue.of("RuntimeDefault"))));
    SecurityContext sc =
        new SecurityContext(true, null, null, null, false, List.of(), List.of(), other);
    assertThat(SecurityRules.json(sc))
        .isEqualTo(
            "{\"Capabilities\":null,\"Privileged\":true,"
                + "\"SELinuxOptions\":{\"User\":\"u\",\"Role\":\"\",\"Type\":\"\",\"Level\":\"\"},"
                + "\"WindowsOptions\":null,\"RunAsUser\":null,\"RunAsGroup\":7,"
                + "\"RunAsNonRoot\":null,\"ReadOnlyRootFilesystem\":null,"
                + "\"AllowPrivilegeEscalation\":false,\"ProcMount\":\"Default\","
                + "\"SeccompProfile\":{\"Type\":\"RuntimeDefault\",\"LocalhostProfile\":null},"
                + "\"AppArmorProfile\":null}");
    assertThat(SecurityRules.json(with(Map.of())))
        .contains("\"RunAsGroup\":null,")
        .contains("\"ProcMount\":null,");
  }
}
