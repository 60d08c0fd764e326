package dev.daemonset.core.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.Severity;
import dev.daemonset.api.lint.RuleInfo;
import dev.daemonset.core.read.ManifestReader;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Suppression annotations, and the builder's switches that configuration files use. */
class SuppressionTest {

  /** Two containers, each with a floating image and no requests; annotations spliced in. */
  static String manifest(String annotations) {
    return String.format(
        Locale.ROOT,
        """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: agent
          namespace: kube-system
          annotations:
        %s
        spec:
          selector: {matchLabels: {app: agent}}
          template:
            metadata: {labels: {app: agent}}
            spec:
              priorityClassName: system-node-critical
              containers:
              - {name: agent, image: "agent:latest"}
              - {name: sidecar, image: "sidecar:latest"}
        """,
        annotations.indent(4).stripTrailing());
  }

  static List<String> codes(List<Diagnostic> diagnostics, String... codes) {
    List<String> wanted = List.of(codes);
    return diagnostics.stream()
        .filter(d -> wanted.contains(d.code()))
        .map(d -> d.code() + " " + d.path() + " " + d.span().line() + ":" + d.span().column())
        .toList();
  }

  static LintResult check(String annotations) {
    return Linter.builder().build().check(ManifestReader.defaults().read(manifest(annotations)));
  }

  @Test
  void theDaemonSetAnnotationIgnoresARuleEverywhereAndKeepsTheFindings() {
    LintResult r =
        check(
            """
            daemonset.dev/ignore: "image-tag-latest, resources-missing"
            daemonset.dev/ignore-reason: images are pinned by the release pipeline""");
    assertThat(codes(r.diagnostics(), "image-tag-latest", "resources-missing")).isEmpty();
    assertThat(r.suppressed())
        .extracting(
            s -> s.diagnostic().code() + " " + s.diagnostic().path(),
            LintResult.Suppressed::annotation,
            LintResult.Suppressed::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "resources-missing spec.template.spec.containers[0].resources",
                "daemonset.dev/ignore",
                "images are pinned by the release pipeline"),
            org.assertj.core.groups.Tuple.tuple(
                "image-tag-latest spec.template.spec.containers[0].image",
                "daemonset.dev/ignore",
                "images are pinned by the release pipeline"),
            org.assertj.core.groups.Tuple.tuple(
                "resources-missing spec.template.spec.containers[1].resources",
                "daemonset.dev/ignore",
                "images are pinned by the release pipeline"),
            org.assertj.core.groups.Tuple.tuple(
                "image-tag-latest spec.template.spec.containers[1].image",
                "daemonset.dev/ignore",
                "images are pinned by the release pipeline"));
    // lint() leaves them out; check() keeps them
    assertThat(codes(Linter.defaults().lint(manifest("a: b")), "image-tag-latest")).hasSize(2);
  }

  @Test
  void aContainerAnnotationIgnoresOnlyThatContainer() {
    LintResult r = check("daemonset.dev/ignore.sidecar: image-tag-latest");
    assertThat(codes(r.diagnostics(), "image-tag-latest"))
        .containsExactly("image-tag-latest spec.template.spec.containers[0].image 15:30");
    assertThat(r.suppressed())
        .extracting(s -> s.diagnostic().path(), LintResult.Suppressed::annotation)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "spec.template.spec.containers[1].image", "daemonset.dev/ignore.sidecar"));
  }

  @Test
  void whatNamesNothingIsReportedNotIgnored() {
    LintResult r =
        check(
            """
            daemonset.dev/ignore: "image-tag-lates,FieldValueInvalid"
            daemonset.dev/ignore.side-car: image-tag-latest
            daemonset.dev/ignored: resources-missing
            daemonset.dev/ignore.agent: \"\"""");
    assertThat(r.suppressed()).isEmpty();
    assertThat(
            r.diagnostics().stream()
                .filter(d -> d.code().equals("invalid-suppression"))
                .map(
                    d ->
                        d.severity()
                            + " "
                            + d.span().line()
                            + ":"
                            + d.span().column()
                            + " "
                            + d.message()))
        .containsExactly(
            "WARNING 7:27 daemonset.dev/ignore names FieldValueInvalid, a reading or API-server"
                + " finding: only policy findings can be ignored",
            "WARNING 7:27 daemonset.dev/ignore names `image-tag-lates`, which is no rule; did you"
                + " mean `image-tag-latest`?",
            "WARNING 8:5 daemonset.dev/ignore.side-car names the container `side-car`, which this"
                + " DaemonSet does not have; did you mean `sidecar`?",
            "WARNING 9:5 unknown annotation daemonset.dev/ignored: the suppression annotations are"
                + " daemonset.dev/ignore, daemonset.dev/ignore.<container> and"
                + " daemonset.dev/ignore-reason",
            "WARNING 10:33 daemonset.dev/ignore.agent names no rule: write the rule ids,"
                + " comma-separated");
  }

  @Test
  void aDisabledRuleStaysKnownAndCanBeEnabledAgain() {
    Linter.Builder b = Linter.builder().disable("image-tag-latest");
    assertThat(b.build().rules()).extracting(RuleInfo::id).doesNotContain("image-tag-latest");
    // an annotation naming a disabled rule is not a typo
    LintResult r =
        b.build()
            .check(
                ManifestReader.defaults().read(manifest("daemonset.dev/ignore: image-tag-latest")));
    assertThat(codes(r.diagnostics(), "invalid-suppression")).isEmpty();
    Linter.Builder copy =
        b.copy().enable("image-tag-latest").severity("image-tag-latest", Severity.ERROR);
    assertThat(copy.build().rules())
        .filteredOn(i -> i.id().equals("image-tag-latest"))
        .extracting(RuleInfo::defaultSeverity)
        .containsExactly(Severity.ERROR);
    assertThat(b.build().rules()).extracting(RuleInfo::id).doesNotContain("image-tag-latest");
  }

  @Test
  void parametersAreCheckedAsTheyAreSet() {
    assertThatThrownBy(() -> Linter.builder().parameter("image-tag-latest", "nope", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("policy image-tag-latest has no parameter \"nope\"");
    assertThatThrownBy(() -> Linter.builder().parameter("no-such-rule", "x", "y"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown policy id \"no-such-rule\"");
  }

  @Test
  void everyBuiltinRuleLinksToItsSectionOfTheRulesPage() {
    for (RuleInfo r : Linter.defaults().rules()) {
      assertThat(r.helpUri())
          .as(r.id())
          .startsWith(
              "https://github.com/daemonset-engine/daemonset-engine/blob/main/docs/rules.md#");
    }
  }
}
