package dev.daemonset.core.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.Severity;
import dev.daemonset.api.Span;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The API server's errors at one position keep the server's order in the linter's output, instead
 * of being re-sorted by code or message; other findings there follow them by code.
 */
class FindingOrderTest {

  /** A valid DaemonSet whose pod spec each case extends by a line or two. */
  private static final String HEAD = PolicyFailureTest.MANIFEST;

  /** The API-server errors the linter reports at {@code path}, as {@code code: message}. */
  private static List<String> errorsAt(String manifest, String path) {
    return Linter.builder().noPolicies().build().lint(manifest).stream()
        .filter(d -> d.path().equals(path))
        .map(d -> d.code() + ": " + d.message())
        .toList();
  }

  @Test
  void activeDeadlineZeroIsOutOfRangeBeforeItIsForbidden() {
    // ValidatePodTemplateSpec runs before ValidateDaemonSetSpec's own template checks
    assertThat(
            errorsAt(
                HEAD + "      activeDeadlineSeconds: 0\n",
                "spec.template.spec.activeDeadlineSeconds"))
        .containsExactly(
            "FieldValueInvalid: Invalid value: 0: must be between 1 and 2147483647, inclusive",
            "FieldValueForbidden: Forbidden: activeDeadlineSeconds in DaemonSet is not Supported");
  }

  @Test
  void anUnknownRestartPolicyFailsThePodRuleBeforeTheDaemonSetRule() {
    assertThat(
            errorsAt(HEAD + "      restartPolicy: Sometimes\n", "spec.template.spec.restartPolicy"))
        .containsExactly(
            "FieldValueNotSupported: Unsupported value: \"Sometimes\": supported values:"
                + " \"Always\", \"OnFailure\", \"Never\"",
            "FieldValueNotSupported: Unsupported value: \"Sometimes\": supported values:"
                + " \"Always\"");
  }

  @Test
  void anEmptyTopologyKeyIsRequiredBeforeItIsMalformed() {
    String manifest =
        HEAD
            + """
                  affinity:
                    podAntiAffinity:
                      requiredDuringSchedulingIgnoredDuringExecution:
                      - labelSelector: {matchLabels: {app: agent}}
                        topologyKey: ""
            """;
    assertThat(
            errorsAt(
                manifest,
                "spec.template.spec.affinity.podAntiAffinity"
                    + ".requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey"))
        .extracting(s -> s.substring(0, s.indexOf(':')))
        .containsExactly("FieldValueRequired", "FieldValueInvalid", "FieldValueInvalid");
  }

  @Test
  void atOnePositionApiServerErrorsKeepTheirOrderAndComeBeforeOtherFindings() {
    Span at = Span.at(0, 3, 5);
    Diagnostic invalid = new Diagnostic(Severity.ERROR, "FieldValueInvalid", "a", "z", at);
    Diagnostic forbidden = new Diagnostic(Severity.ERROR, "FieldValueForbidden", "a", "a", at);
    Diagnostic policyB = new Diagnostic(Severity.WARNING, "b-rule", "a", "b", at);
    Diagnostic policyA = new Diagnostic(Severity.WARNING, "a-rule", "a", "a", at);
    Diagnostic earlier = new Diagnostic(Severity.INFO, "m-rule", "b", "m", Span.at(0, 2, 9));
    List<Diagnostic> list = new ArrayList<>(List.of(policyB, invalid, policyA, forbidden, earlier));
    list.sort(Linter.BY_POSITION);
    assertThat(list).containsExactly(earlier, invalid, forbidden, policyA, policyB);
  }
}
