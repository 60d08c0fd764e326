package dev.daemonset.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.Severity;
import dev.daemonset.api.Span;
import dev.daemonset.core.TestData;
import dev.daemonset.core.lint.Linter;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormatTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static final Path BASE = Path.of("/work/repo").toAbsolutePath();

  static final String YAML = "metadata:\n  name: x\n\tlabels: {}\nspec:\n  image: ÿ:latest\n";

  static final Diagnostic UNKNOWN =
      new Diagnostic(
          Severity.ERROR,
          "unknown-field",
          "spec.contianers",
          "unknown field \"contianers\"",
          new Span(0, 4, 3, 4, 13));
  static final Diagnostic DUPLICATE =
      new Diagnostic(
          Severity.ERROR,
          "duplicate-key",
          "metadata.name",
          "duplicate key \"name\"",
          new Span(0, 2, 3, 2, 7),
          List.of(new Diagnostic.Related(new Span(0, 1, 1, 1, 9), "first defined here")));
  static final Diagnostic LATEST =
      new Diagnostic(
          Severity.WARNING,
          "image-tag-latest",
          "spec.image",
          "image uses latest, 100% sure: pin it",
          new Span(0, 5, 10, 5, 18));

  static List<FileReport> reports() {
    return List.of(new FileReport("dir/my ds.yaml", YAML, List.of(DUPLICATE, UNKNOWN, LATEST)));
  }

  @Test
  void caretUnderlinesTheSpanAndKeepsTabs() {
    assertThat(TextFormat.caret("\tlabels: {}", new Span(0, 3, 2, 3, 8))).isEqualTo("\t^~~~~~");
    // columns count code points: ÿ is one column
    assertThat(TextFormat.caret("  image: ÿ:latest", new Span(0, 5, 10, 5, 18)))
        .isEqualTo("         ^~~~~~~~");
    // a span that runs past the line ends at the line's end
    assertThat(TextFormat.caret("ab", new Span(0, 1, 2, 3, 1))).isEqualTo(" ^");
  }

  @Test
  void textIsCompilerStyleWithSourceLineAndSummary() {
    StringWriter sw = new StringWriter();
    new TextFormat(false, null, false).write(reports(), new PrintWriter(sw));
    assertThat(sw.toString())
        .isEqualTo(
            String.join(
                "\n",
                "dir/my ds.yaml:2:3: error: duplicate key \"name\" [duplicate-key]",
                "    2 |   name: x",
                "      |   ^~~~",
                "    dir/my ds.yaml:1:1: note: first defined here",
                "dir/my ds.yaml:4:3: error: unknown field \"contianers\" [unknown-field]",
                "    4 | spec:",
                "      |   ^~~",
                "dir/my ds.yaml:5:10: warning: image uses latest, 100% sure: pin it [image-tag-latest]",
                "    5 |   image: ÿ:latest",
                "      |          ^~~~~~~~",
                "1 file checked: 2 errors, 1 warning, 0 info",
                ""));
  }

  @Test
  void skippedDocumentsAreCountedNotListedExceptInJson() throws Exception {
    Diagnostic skipped =
        new Diagnostic(
            Severity.INFO, "skipped-kind", "", "skipped Service/x", new Span(1, 1, 1, 1, 8));
    List<FileReport> reports =
        List.of(new FileReport("a.yaml", "kind: Service\n", List.of(skipped, skipped)));
    StringWriter text = new StringWriter();
    new TextFormat(false, null, false).write(reports, new PrintWriter(text));
    assertThat(text.toString())
        .isEqualTo("1 file checked: no problems (2 documents of other kinds skipped)\n");
    StringWriter github = new StringWriter();
    GithubFormat.write(reports, new PrintWriter(github));
    assertThat(github.toString()).isEmpty();
    StringWriter sarif = new StringWriter();
    SarifFormat.write(reports, List.of(), "1", BASE, new PrintWriter(sarif));
    assertThat(MAPPER.readTree(sarif.toString()).path("runs").path(0).path("results")).isEmpty();
    StringWriter json = new StringWriter();
    JsonFormat.write(reports, new PrintWriter(json));
    assertThat(MAPPER.readTree(json.toString()).path("files").path(0).path("diagnostics"))
        .hasSize(2);
  }

  @Test
  void quietPrintsOnlyErrorsAndNoSummary() {
    StringWriter sw = new StringWriter();
    new TextFormat(false, Severity.ERROR, false).write(reports(), new PrintWriter(sw));
    assertThat(sw.toString())
        .doesNotContain("warning")
        .doesNotContain("checked")
        .contains("[duplicate-key]")
        .contains("[unknown-field]");
  }

  @Test
  void githubCommandsEscapeDataAndProperties() {
    StringWriter sw = new StringWriter();
    GithubFormat.write(reports(), new PrintWriter(sw));
    assertThat(sw.toString().split("\n"))
        .containsExactly(
            "::error file=dir/my ds.yaml,line=2,col=3,endLine=2,endColumn=7,title=duplicate-key::duplicate key \"name\"",
            "::error file=dir/my ds.yaml,line=4,col=3,endLine=4,endColumn=13,title=unknown-field::unknown field \"contianers\"",
            "::warning file=dir/my ds.yaml,line=5,col=10,endLine=5,endColumn=18,title=image-tag-latest::image uses latest, 100%25 sure: pin it");
    assertThat(GithubFormat.property("a:b,c%\n")).isEqualTo("a%3Ab%2Cc%25%0A");
  }

  @Test
  void apiServerErrorsReadAsTheApiServerPrintsThem() {
    Diagnostic required =
        new Diagnostic(
            Severity.ERROR,
            "FieldValueRequired",
            "spec.template.spec.containers",
            "Required value",
            new Span(0, 4, 1, 4, 5));
    assertThat(Messages.display(required))
        .isEqualTo("spec.template.spec.containers: Required value");
    assertThat(Messages.display(UNKNOWN)).isEqualTo("unknown field \"contianers\"");
  }

  @Test
  void jsonFollowsTheDesignContract() throws Exception {
    StringWriter sw = new StringWriter();
    JsonFormat.write(reports(), new PrintWriter(sw));
    JsonNode root = MAPPER.readTree(sw.toString());
    JsonNode d = root.path("files").path(0).path("diagnostics").path(1);
    assertThat(root.path("files").path(0).path("file").asText()).isEqualTo("dir/my ds.yaml");
    assertThat(d.path("severity").asText()).isEqualTo("error");
    assertThat(d.path("code").asText()).isEqualTo("unknown-field");
    assertThat(d.path("path").asText()).isEqualTo("spec.contianers");
    assertThat(
            List.of(
                d.path("line").asInt(),
                d.path("column").asInt(),
                d.path("endLine").asInt(),
                d.path("endColumn").asInt(),
                d.path("document").asInt()))
        .containsExactly(4, 3, 4, 13, 0);
  }

  @Test
  void sarifValidatesAgainstTheOasisSchemaAndDescribesEveryRule() throws Exception {
    StringWriter sw = new StringWriter();
    SarifFormat.write(reports(), Linter.defaults().rules(), "1.2.3", BASE, new PrintWriter(sw));
    JsonNode sarif = MAPPER.readTree(sw.toString());

    List<Error> errors = schema().validate(sarif);
    assertThat(errors).isEmpty();

    JsonNode run = sarif.path("runs").path(0);
    JsonNode rules = run.path("tool").path("driver").path("rules");
    for (JsonNode result : run.path("results")) {
      int index = result.path("ruleIndex").asInt(-1);
      assertThat(rules.path(index).path("id").asText()).isEqualTo(result.path("ruleId").asText());
      assertThat(rules.path(index).path("shortDescription").path("text").asText()).isNotBlank();
      assertThat(rules.path(index).path("help").path("text").asText()).isNotBlank();
      JsonNode location = result.path("locations").path(0).path("physicalLocation");
      assertThat(location.path("artifactLocation").path("uri").asText())
          .isEqualTo("dir/my%20ds.yaml");
      assertThat(location.path("artifactLocation").path("uriBaseId").asText())
          .isEqualTo("%SRCROOT%");
      assertThat(result.path("partialFingerprints").path(SarifFormat.FINGERPRINT_KEY).asText())
          .hasSize(32);
    }
    JsonNode duplicate = run.path("results").path(0);
    assertThat(
            duplicate.path("locations").path(0).path("physicalLocation").path("region").toString())
        .isEqualTo("{\"startLine\":2,\"startColumn\":3,\"endLine\":2,\"endColumn\":7}");
    assertThat(
            duplicate
                .path("relatedLocations")
                .path(0)
                .path("physicalLocation")
                .path("region")
                .path("startLine")
                .asInt())
        .isEqualTo(1);
    assertThat(run.path("results").path(2).path("level").asText()).isEqualTo("warning");
  }

  static Schema schema() throws java.io.IOException {
    try (InputStream in =
        Files.newInputStream(TestData.path("testdata/sarif/sarif-schema-2.1.0.json"))) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
          .getSchema(MAPPER.readTree(in));
    }
  }

  @Test
  void fingerprintsIgnoreLineNumbersButNotContent() {
    String a = SarifFormat.fingerprint(UNKNOWN, "a.yaml");
    assertThat(SarifFormat.fingerprint(UNKNOWN.withSpan(new Span(0, 40, 3, 40, 13)), "a.yaml"))
        .isEqualTo(a);
    assertThat(SarifFormat.fingerprint(UNKNOWN, "b.yaml")).isNotEqualTo(a);
  }
}
