package dev.daemonset.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.Severity;
import dev.daemonset.api.Span;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A diagnostic without a position (an object built in code, a rejected plan's errors) is reported
 * as such in every format: no caret under the first character, no 1:1 anywhere.
 */
class UnknownSpanTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static final Diagnostic NOWHERE =
      new Diagnostic(
          Severity.ERROR,
          "FieldValueInvalid",
          "spec.minReadySeconds",
          "Invalid value: -1: must be greater than or equal to 0",
          Span.UNKNOWN,
          List.of(new Diagnostic.Related(Span.unknown(0), "defined here")));

  static final List<FileReport> REPORTS =
      List.of(
          new FileReport("ds.yaml", "apiVersion: apps/v1\nkind: DaemonSet\n", List.of(NOWHERE)));

  static String format(ReportFormat format) {
    return ReportWriter.of(format).withBaseDirectory(Path.of("/work/repo")).format(REPORTS);
  }

  @Test
  void textPrintsNoPositionAndNoCaret() {
    assertThat(format(ReportFormat.TEXT))
        .isEqualTo(
            String.join(
                "\n",
                "ds.yaml: error: spec.minReadySeconds: Invalid value: -1: must be greater than or"
                    + " equal to 0 [FieldValueInvalid]",
                "    ds.yaml: note: defined here",
                "1 file checked: 1 error, 0 warnings, 0 info",
                ""));
  }

  @Test
  void githubAnnotatesTheWholeFile() {
    assertThat(format(ReportFormat.GITHUB))
        .isEqualTo(
            "::error file=ds.yaml,title=FieldValueInvalid::spec.minReadySeconds: Invalid value: -1:"
                + " must be greater than or equal to 0\n");
  }

  @Test
  void jsonWritesZerosWhichNoRealPositionHas() throws Exception {
    JsonNode d =
        MAPPER
            .readTree(format(ReportFormat.JSON))
            .path("files")
            .path(0)
            .path("diagnostics")
            .path(0);
    assertThat(
            List.of(
                d.path("line").asInt(-1),
                d.path("column").asInt(-1),
                d.path("endLine").asInt(-1),
                d.path("endColumn").asInt(-1),
                d.path("document").asInt(-1)))
        .containsExactly(0, 0, 0, 0, 0);
  }

  @Test
  void sarifHasNoRegionAndStillValidates() throws Exception {
    JsonNode sarif = MAPPER.readTree(format(ReportFormat.SARIF));
    assertThat(FormatTest.schema().validate(sarif)).isEmpty();
    JsonNode result = sarif.path("runs").path(0).path("results").path(0);
    assertThat(result.path("locations").path(0).path("physicalLocation").toString())
        .isEqualTo("{\"artifactLocation\":{\"uri\":\"ds.yaml\",\"uriBaseId\":\"%SRCROOT%\"}}");
    assertThat(result.path("relatedLocations").path(0).path("physicalLocation").has("region"))
        .isFalse();
  }
}
