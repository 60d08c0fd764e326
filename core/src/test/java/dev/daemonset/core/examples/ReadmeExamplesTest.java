package dev.daemonset.core.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.ReadResult;
import dev.daemonset.api.plan.Action;
import dev.daemonset.api.plan.ClusterSnapshot;
import dev.daemonset.api.plan.FailedPredicate;
import dev.daemonset.api.plan.NodeVerdict;
import dev.daemonset.api.plan.Plan;
import dev.daemonset.core.DaemonSetEngine;
import dev.daemonset.core.TestData;
import dev.daemonset.core.lint.Linter;
import dev.daemonset.core.report.FileReport;
import dev.daemonset.core.report.ReportFormat;
import dev.daemonset.core.report.ReportWriter;
import dev.daemonset.core.testsupport.SuppressForbidden;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Java examples of README.md and docs/*.md, compiled and run so they cannot rot. {@link
 * #everyJavaExampleOfTheDocumentationIsHere} fails when an example in the documents and its copy in
 * this package drift apart.
 */
class ReadmeExamplesTest {

  static final Path ROOT = TestData.path("").getParent();
  static final Path EXAMPLES = TestData.path("examples");

  /** README: "The library in 20 lines", then docs/library.md: "Plan" (the verdicts). */
  @Test
  @SuppressForbidden // the README's example prints to System.out, captured here
  void quickStartReadsLintsAndPlans() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      DaemonSetEngine engine = DaemonSetEngine.defaults(); // immutable, thread safe: build once
      ReadResult manifests = engine.read(TestData.path("examples/node-agent.yaml"));

      // reading, validation (as the API server) and policy findings, each with its line and column
      for (Diagnostic d : engine.lint(manifests)) {
        System.out.println(d.span().line() + ":" + d.span().column() + " " + d.code());
      }

      // what the DaemonSet controller would do on this cluster (nodes, pods, revisions), now
      ClusterSnapshot cluster =
          ClusterSnapshot.from(engine.read(TestData.path("examples/cluster.yaml")));
      for (Plan plan : engine.plan(manifests, cluster, Instant.parse("2026-11-28T10:00:00Z"))) {
        for (Action a : plan.actions()) {
          System.out.println(a.kind() + " " + a.node() + " " + a.reason() + ": " + a.message());
        }
      }

      Plan plan = engine.plan(manifests, cluster, Instant.parse("2026-11-28T10:00:00Z")).get(0);
      for (NodeVerdict v : plan.verdicts()) {
        System.out.println(v.node() + ": " + v.verdict());
        for (FailedPredicate f : v.failures()) {
          System.out.println("  " + f.message());
        }
      }
    } finally {
      System.setOut(stdout);
    }
    // node-agent.yaml lints clean: the output is the plan's actions, then the verdicts
    assertThat(bytes.toString(StandardCharsets.UTF_8).lines())
        .containsExactly(
            "CREATE worker-4 MISSING: Node worker-4 should run a daemon pod and has none.",
            "DELETE edge-1 MISSCHEDULED: Node edge-1 must not run the DaemonSet's pods, so pod"
                + " node-agent-h7d9s is deleted. "
                + AFFINITY,
            "DELETE cp-1 OUTDATED: Pod node-agent-4xk2p on node cp-1 runs an old template and is"
                + " replaced within the maxUnavailable budget of 3.",
            "cp-1: SHOULD_RUN",
            "edge-1: MUST_NOT_RUN",
            "  " + AFFINITY,
            "gpu-1: MAY_KEEP_RUNNING",
            "  The node's taint nvidia.com/gpu=present:NoSchedule is not tolerated; running pods"
                + " may stay; the toleration {key: nvidia.com/gpu, operator: Equal, value: present,"
                + " effect: NoSchedule} would tolerate it.",
            "legacy-1: MUST_NOT_RUN",
            "  nodeSelector requires label kubernetes.io/os=linux, but the node has no label"
                + " kubernetes.io/os.",
            "win-1: MUST_NOT_RUN",
            "  nodeSelector requires label kubernetes.io/os=linux, but the node has"
                + " kubernetes.io/os=windows.",
            "worker-1: SHOULD_RUN",
            "worker-2: SHOULD_RUN",
            "worker-3: SHOULD_RUN",
            "worker-4: SHOULD_RUN",
            "worker-5: SHOULD_RUN");
  }

  private static final String AFFINITY =
      "No term of the required node affinity matches: Term 0: matchExpressions[0]"
          + " (node-role.example.com/edge DoesNotExist) fails: the node has the label"
          + " node-role.example.com/edge.";

  /** docs/library.md: "Write a policy, and test it" (the policy is {@link RequireTeamLabel}). */
  @Test
  void requireTeamLabelFlagsAMissingLabel() {
    Linter linter = Linter.builder().noPolicies().policy(new RequireTeamLabel()).build();
    List<Diagnostic> findings =
        linter.lint(
            """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: agent
              labels: {app: agent}
            spec:
              selector: {matchLabels: {app: agent}}
              template:
                metadata: {labels: {app: agent}}
                spec:
                  containers: [{name: agent, image: "agent:1.0"}]
            """);
    assertThat(findings)
        .extracting(Diagnostic::code, d -> d.span().line(), d -> d.span().column())
        .containsExactly(tuple("require-team-label", 5, 11));
  }

  /** README: "First example", the same findings through the library. */
  @Test
  void lintTheMinimalExample() throws IOException {
    String yaml = Files.readString(EXAMPLES.resolve("my-daemonset.yaml"));
    List<String> lines = new ArrayList<>();
    for (Diagnostic d : Linter.defaults().lint(yaml)) {
      lines.add(
          d.span().line() + ":" + d.span().column() + " " + d.severity().label() + " " + d.code());
    }
    assertThat(lines)
        .containsExactly(
            "13:5 info os-selector-missing",
            "13:5 warning priority-class-missing",
            "14:7 info readiness-probe-missing",
            "15:9 info memory-limit-missing",
            "15:9 warning resources-missing",
            "16:16 warning image-tag-latest");
  }

  /** docs/library.md: "Report formats". */
  static String sarif(Path path) throws IOException {
    Linter linter = Linter.defaults();
    String text = Files.readString(path);
    List<FileReport> reports = List.of(new FileReport(path.toString(), text, linter.lint(text)));
    String sarif = ReportWriter.of(ReportFormat.SARIF).withRules(linter.rules()).format(reports);
    return sarif;
  }

  @Test
  void reportsInTheFormatsOfTheCommandLine() throws IOException {
    String sarif = sarif(EXAMPLES.resolve("my-daemonset.yaml"));
    assertThat(sarif)
        .contains("\"version\" : \"2.1.0\"", "\"ruleId\" : \"image-tag-latest\"")
        .containsOnlyOnce("\"ruleId\" : \"resources-missing\"");
  }

  /** A fenced Java block: its language tag is {@code java}. */
  private static final Pattern PARAGRAPH = Pattern.compile("\\n[ \\t]*\\n");

  private static final Pattern JAVA_BLOCK = Pattern.compile("(?ms)^```java\\n(.*?)^```");

  /** The documents name files from the repository root; the tests find them with TestData. */
  private static final Pattern REPOSITORY_PATH = Pattern.compile("Path\\.of\\(\"src/([^\"]*)\"\\)");

  /**
   * Where the examples live: this package, and the test kit's examples (the test kit depends on
   * core, so examples that use it are tested in its module).
   */
  static final List<String> EXAMPLE_SOURCES =
      List.of(
          "core/src/test/java/dev/daemonset/core/examples",
          "testkit/src/test/java/dev/daemonset/testkit/examples");

  /**
   * Each paragraph (lines between blank lines) of every Java block in README.md and docs/*.md
   * appears in the sources of this package or of the test kit's examples, as code: whitespace and
   * line comments aside, and with {@code Path.of("src/...")} read as {@code TestData.path("...")}.
   * A test here runs it.
   */
  @Test
  @SuppressWarnings("StringSplitter") // paragraphs; trailing empty ones do not matter
  void everyJavaExampleOfTheDocumentationIsHere() throws IOException {
    StringBuilder tests = new StringBuilder();
    for (String dir : EXAMPLE_SOURCES) {
      try (Stream<Path> sources = Files.list(ROOT.resolve(dir))) {
        for (Path source : sources.sorted().toList()) {
          tests.append(normalise(Files.readString(source))).append('\n');
        }
      }
    }
    List<String> missing = new ArrayList<>();
    int paragraphs = 0;
    for (Path document : documents()) {
      Matcher block = JAVA_BLOCK.matcher(Files.readString(document));
      while (block.find()) {
        for (String paragraph : PARAGRAPH.split(block.group(1))) {
          String code =
              normalise(REPOSITORY_PATH.matcher(paragraph).replaceAll("TestData.path(\"$1\")"));
          if (code.isEmpty()) {
            continue;
          }
          paragraphs++;
          if (tests.indexOf(code) < 0) {
            missing.add(ROOT.relativize(document) + ":\n" + paragraph);
          }
        }
      }
    }
    assertThat(paragraphs).isGreaterThan(8);
    assertThat(missing).isEmpty();
  }

  /** The dependency snippets name the version this build makes. */
  @Test
  void dependencySnippetsNameTheCurrentVersion() throws IOException {
    Matcher project =
        Pattern.compile("<artifactId>daemonset-parent</artifactId>\\s*<version>([^<]+)</version>")
            .matcher(Files.readString(ROOT.resolve("pom.xml")));
    assertThat(project.find()).isTrue();
    Pattern snippet =
        Pattern.compile(
            "<groupId>dev\\.daemonset</groupId>\\s*<artifactId>[^<]+</artifactId>\\s*<version>([^<]+)</version>");
    int snippets = 0;
    for (Path document : documents()) {
      Matcher m = snippet.matcher(Files.readString(document));
      while (m.find()) {
        snippets++;
        assertThat(m.group(1)).as(document.toString()).isEqualTo(project.group(1));
      }
    }
    assertThat(snippets).isGreaterThanOrEqualTo(2);
  }

  /** README.md and every page of docs/, in name order. */
  static List<Path> documents() throws IOException {
    List<Path> out = new ArrayList<>();
    out.add(ROOT.resolve("README.md"));
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(out::add);
    }
    return out;
  }

  /** Code without line comments and whitespace, so that formatting does not matter. */
  private static String normalise(String code) {
    return code.replaceAll("(?m)(^|\\s)//.*$", "").replaceAll("\\s+", "");
  }
}
