package dev.daemonset.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the shaded CLI jar as a separate process: exit codes, streams, stdin, directories. */
class CliProcessIT {

  static final Path JAR = Path.of(System.getProperty("daemonset.jar", "target/daemonset.jar"));
  static final Path ROOT = Path.of(System.getProperty("daemonset.root", ".."));
  static final Path EXAMPLE = ROOT.resolve("src/examples/my-daemonset.yaml");

  record Run(int exit, String out, String err) {}

  static Run run(Path dir, byte[] stdin, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(JAR.toAbsolutePath().toString());
    command.addAll(List.of(args));
    Path out = Files.createTempFile("daemonset-out", ".txt");
    Path err = Files.createTempFile("daemonset-err", ".txt");
    Process p =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    p.getOutputStream().write(stdin);
    p.getOutputStream().close();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("process finished").isTrue();
    Run run = new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    Files.delete(out);
    Files.delete(err);
    return run;
  }

  static Run run(Path dir, String... args) throws IOException, InterruptedException {
    return run(dir, new byte[0], args);
  }

  @Test
  void cleanExampleExitsZeroWithWarnings() throws Exception {
    Run r = run(ROOT, "lint", "src/examples/my-daemonset.yaml");
    assertThat(r.err()).isEmpty();
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains(
            "src/examples/my-daemonset.yaml:16:16: warning: image `my-image:latest` uses the `latest` tag")
        .contains("[image-tag-latest]")
        .endsWith("1 file checked: 0 errors, 3 warnings, 3 info\n");
  }

  @Test
  void errorsExitOneAndFailOnWarningMakesWarningsFail() throws Exception {
    Path dir = Files.createTempDirectory("daemonset-it");
    Files.writeString(
        dir.resolve("bad.yaml"), Files.readString(EXAMPLE).replace("containers:", "contianers:"));
    Run bad = run(dir, "lint", "bad.yaml");
    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.out()).contains("bad.yaml:14:7: error:").contains("[unknown-field]");

    Run warn = run(ROOT, "lint", "--fail-on", "warning", "src/examples/my-daemonset.yaml");
    assertThat(warn.exit()).isEqualTo(1);
  }

  @Test
  void readsStandardInput() throws Exception {
    Run r = run(ROOT, Files.readAllBytes(EXAMPLE), "lint", "--output", "json", "-");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains("\"file\" : \"<stdin>\"")
        .contains("\"code\" : \"image-tag-latest\"");
  }

  @Test
  void usageAndIoErrorsExitTwoWithAMessageAndNoStackTrace() throws Exception {
    Run missing = run(ROOT, "lint", "no/such/file.yaml");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err())
        .isEqualTo("daemonset: no/such/file.yaml: no such file or directory\n");
    assertThat(missing.out()).isEmpty();

    Run badOption = run(ROOT, "lint", "--output", "xml", "src/examples/my-daemonset.yaml");
    assertThat(badOption.exit()).isEqualTo(2);
    assertThat(badOption.err())
        .contains("daemonset: Invalid value for option '--output'")
        .doesNotContain("at dev.");

    Run noCommand = run(ROOT);
    assertThat(noCommand.exit()).isEqualTo(2);
    assertThat(noCommand.err()).contains("missing command");
  }

  @Test
  void directoriesAreSearchedRecursivelyInNameOrder(@TempDir Path dir) throws Exception {
    String manifest = Files.readString(EXAMPLE);
    for (int i = 0; i < 50; i++) {
      Path sub = dir.resolve("team-" + (i % 5));
      Files.createDirectories(sub);
      Files.writeString(
          sub.resolve(String.format(Locale.ROOT, "ds-%02d.yaml", i)),
          manifest.replace("my-daemonset", "ds-" + i),
          StandardCharsets.UTF_8);
    }
    Files.writeString(dir.resolve("README.md"), "not a manifest");
    Run r = run(dir, "lint", "--output", "github", ".");
    assertThat(r.exit()).isZero();
    List<String> lines = r.out().lines().toList();
    // six findings per file (OS selector, priority class, readiness probe, memory limit,
    // resources, image), files in path order
    assertThat(lines).hasSize(300);
    assertThat(lines.get(0)).startsWith("::notice file=./team-0/ds-00.yaml,line=13,col=5,");
    assertThat(lines.get(1)).startsWith("::warning file=./team-0/ds-00.yaml,line=13,col=5,");
    assertThat(lines.get(299)).startsWith("::warning file=./team-4/ds-49.yaml,line=16,col=16,");
  }

  @Test
  void theLauncherScriptRunsTheJarWithItsArchive() throws Exception {
    Process p =
        new ProcessBuilder(
                "sh",
                ROOT.resolve("bin/daemonset").toString(),
                "lint",
                "--quiet",
                "src/examples/my-daemonset.yaml")
            .directory(ROOT.toFile())
            .redirectErrorStream(true)
            .start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    assertThat(out).isEmpty();
  }

  @Test
  void versionNamesTheKubernetesSemantics() throws Exception {
    Run r = run(ROOT, "version");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).matches("daemonset \\S+ \\(Kubernetes 1\\.35 semantics\\)\\n");
  }
}
