package dev.daemonset.core.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.ReadResult;
import dev.daemonset.api.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exact positions of findings, in YAML and JSON, in the second document, and with CRLF. */
class PositionsTest {

  private static final String YAML =
      String.join(
          "\n",
          "apiVersion: v1",
          "kind: ServiceAccount",
          "metadata: {name: sa}",
          "---",
          "apiVersion: apps/v1",
          "kind: DaemonSet",
          "metadata:",
          "  name: agent",
          "  name: agent2",
          "spec:",
          "  minReadySeconds: \"5\"",
          "  template:",
          "    spec:",
          "      contianers: []",
          "");

  private static final String JSON =
      String.join(
          "\n",
          "{\"apiVersion\": \"v1\", \"kind\": \"ServiceAccount\"}",
          "{",
          "  \"apiVersion\": \"apps/v1\",",
          "  \"kind\": \"DaemonSet\",",
          "  \"metadata\": {\"name\": \"agent\", \"name\": \"agent2\"},",
          "  \"spec\": {",
          "    \"minReadySeconds\": \"5\",",
          "    \"template\": {\"spec\": {\"contianers\": []}}",
          "  }",
          "}",
          "");

  private static List<Diagnostic> errors(ReadResult r) {
    return r.diagnostics().stream().filter(Diagnostic::isError).toList();
  }

  /** The three errors both streams hold, at the given spans (document 1). */
  private static void assertErrors(
      ReadResult r, Span duplicate, Span firstKey, Span type, Span unknown) {
    List<Diagnostic> errors = errors(r);
    assertThat(errors)
        .extracting(Diagnostic::code, Diagnostic::path, Diagnostic::span)
        .containsExactly(
            tuple("duplicate-key", "metadata.name", duplicate),
            tuple("invalid-type", "spec.minReadySeconds", type),
            tuple("unknown-field", "spec.template.spec.contianers", unknown));
    assertThat(errors.get(0).related())
        .containsExactly(new Diagnostic.Related(firstKey, "first defined here"));
    assertThat(errors.get(1).message()).isEqualTo("expected an integer, found the string \"5\"");
    assertThat(errors.get(2).message())
        .isEqualTo("unknown field \"spec.template.spec.contianers\"; did you mean \"containers\"?");
  }

  private static void assertYamlPositions(ReadResult r) {
    assertErrors(
        r,
        new Span(1, 9, 3, 9, 7),
        new Span(1, 8, 3, 8, 7),
        new Span(1, 11, 20, 11, 23),
        new Span(1, 14, 7, 14, 17));
    assertThat(r.documents()).hasSize(1);
    assertThat(r.documents().get(0).index()).isEqualTo(1);
    assertThat(r.documents().get(0).sourceMap().value("metadata.name"))
        .contains(new Span(1, 9, 9, 9, 15));
    assertThat(r.documents().get(0).sourceMap().key("spec.minReadySeconds"))
        .contains(new Span(1, 11, 3, 11, 18));
  }

  @Test
  void yamlSecondDocument() {
    assertYamlPositions(ManifestReader.defaults().read(YAML));
  }

  @Test
  void yamlCrlf() {
    assertYamlPositions(ManifestReader.defaults().read(YAML.replace("\n", "\r\n")));
  }

  @Test
  void jsonSecondDocument() {
    assertErrors(
        ManifestReader.defaults().read(JSON),
        new Span(1, 5, 33, 5, 39),
        new Span(1, 5, 16, 5, 22),
        new Span(1, 7, 24, 7, 27),
        new Span(1, 8, 27, 8, 39));
  }

  @Test
  void jsonCrlf() {
    assertErrors(
        ManifestReader.defaults().read(JSON.replace("\n", "\r\n")),
        new Span(1, 5, 33, 5, 39),
        new Span(1, 5, 16, 5, 22),
        new Span(1, 7, 24, 7, 27),
        new Span(1, 8, 27, 8, 39));
  }

  @Test
  void columnsCountCodePoints() {
    ReadResult r =
        ManifestReader.defaults()
            .read(
                "{\"apiVersion\": \"apps/v1\", \"kind\": \"DaemonSet\", \"metadata\": {\"name\": \"\uD83D\uDE00\", \"x\": 1}}");
    assertThat(errors(r))
        .extracting(Diagnostic::path, Diagnostic::span)
        .containsExactly(tuple("metadata.x", new Span(0, 1, 74, 1, 77)));
  }

  @Test
  void listItemsAreDocumentsOfTheirOwn() {
    String list =
        String.join(
            "\n",
            "apiVersion: v1",
            "kind: List",
            "items:",
            "- apiVersion: v1",
            "  kind: Node",
            "  metadata: {name: n1}",
            "- apiVersion: v1",
            "  kind: Node",
            "  metadata: {name: n2, labelz: {}}",
            "");
    ReadResult r = ManifestReader.defaults().read(list);
    assertThat(r.nodes()).extracting(n -> n.metadata().name()).containsExactly("n1", "n2");
    assertThat(r.documents()).extracting(d -> d.index()).containsExactly(0, 1);
    assertThat(r.diagnostics())
        .extracting(Diagnostic::code, Diagnostic::path, Diagnostic::span)
        .containsExactly(tuple("unknown-field", "metadata.labelz", new Span(1, 9, 24, 9, 30)));
    assertThat(r.diagnostics().get(0).message()).endsWith("did you mean \"labels\"?");
  }
}
