package dev.daemonset.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.cli.CliTest.Result;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the commands take as input: directories, pipes, devices, links, and the config file. */
class InputsTest {

  static final String HOST_NETWORK =
      """
      apiVersion: apps/v1
      kind: DaemonSet
      metadata: {name: agent, namespace: default}
      spec:
        selector:
          matchLabels: {app: agent}
        template:
          metadata:
            labels: {app: agent}
          spec:
            hostNetwork: true
            containers:
            - {name: c, image: 'img:1'}
      """;

  @Test
  void theRulesConfigurationInALintedDirectoryIsAppliedNotLinted(@TempDir Path dir)
      throws IOException {
    Files.writeString(dir.resolve("agent.yaml"), HOST_NETWORK);
    Files.writeString(dir.resolve(".daemonset.yaml"), "rules:\n  host-network: \"off\"\n");

    Result r = CliTest.run("lint", "-o", "json", dir.toString());

    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .contains("agent.yaml")
        .doesNotContain(".daemonset.yaml")
        .doesNotContain("missing-kind")
        .doesNotContain("\"host-network\"");
    assertThat(r.exit()).isEqualTo(Main.OK);
  }

  @Test
  void aNamedPipeIsReadOnceAsAStream(@TempDir Path dir) throws Exception {
    Path fifo = dir.resolve("manifest.yaml");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(mkfifo.exitValue()).as("mkfifo").isZero();
    CompletableFuture<Void> writer =
        CompletableFuture.runAsync(
            () -> {
              try (OutputStream out = Files.newOutputStream(fifo)) {
                out.write(HOST_NETWORK.getBytes(StandardCharsets.UTF_8));
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });

    Result r = CliTest.run("lint", fifo.toString());
    writer.get(10, TimeUnit.SECONDS);

    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .contains(fifo + ":11:")
        .contains("[host-network]")
        .contains("   11 |       hostNetwork: true");
  }

  @Test
  void anEmptyDeviceIsAnEmptyInputNotAMissingFile() {
    Result r = CliTest.run("lint", "/dev/null");
    assertThat(r.err()).doesNotContain("no such file");
    assertThat(r.exit()).isEqualTo(Main.OK);
    assertThat(r.out()).contains("1 file checked");
  }

  @Test
  void aBrokenLinkInADirectoryIsAnErrorNotSkipped(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("agent.yaml"), HOST_NETWORK);
    Files.createSymbolicLink(dir.resolve("gone.yaml"), dir.resolve("nowhere.yaml"));

    Result r = CliTest.run("lint", dir.toString());

    assertThat(r.exit()).isEqualTo(Main.USAGE);
    assertThat(r.err())
        .isEqualTo(
            "daemonset: "
                + dir.resolve("gone.yaml")
                + ": a symbolic link to nothing (it points to "
                + dir.resolve("nowhere.yaml")
                + ")\n");
  }

  @Test
  void aBrokenLinkNamedAsAnOperandSaysSo(@TempDir Path dir) throws IOException {
    Path link = dir.resolve("gone.yaml");
    Files.createSymbolicLink(link, dir.resolve("nowhere.yaml"));
    Result r = CliTest.run("lint", link.toString());
    assertThat(r.exit()).isEqualTo(Main.USAGE);
    assertThat(r.err()).contains(link + ": a symbolic link to nothing");
  }

  @Test
  void aClusterFileNamedOnTheCommandLineCarriesItsOwnProblems(@TempDir Path dir)
      throws IOException {
    Path manifest = dir.resolve("agent.yaml");
    Files.writeString(manifest, HOST_NETWORK);
    Path cluster = dir.resolve("pods-only.yaml");
    Files.writeString(
        cluster, "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: default}\n");

    Result r =
        CliTest.run("lint", "-o", "json", "--cluster", cluster.toString(), manifest.toString());

    assertThat(r.out())
        .doesNotContain(".daemonset.yaml")
        .contains("\"file\" : \"" + cluster + "\"")
        .contains("the cluster files hold no Node");
  }

  @Test
  void aDirectoryGivenAsAClusterFileIsAUsageError(@TempDir Path dir) throws IOException {
    Path manifest = dir.resolve("agent.yaml");
    Files.writeString(manifest, HOST_NETWORK);
    Result r = CliTest.run("lint", "--cluster", dir.toString(), manifest.toString());
    assertThat(r.exit()).isEqualTo(Main.USAGE);
    assertThat(r.err()).isEqualTo("daemonset: " + dir + ": a directory, not a file\n");
  }

  @Test
  void quietShowsTheWarningsThatFailTheRun(@TempDir Path dir) throws IOException {
    Path manifest = dir.resolve("agent.yaml");
    Files.writeString(manifest, HOST_NETWORK);

    Result failing = CliTest.run("lint", "-q", "--fail-on", "warning", manifest.toString());
    assertThat(failing.exit()).isEqualTo(Main.FINDINGS);
    assertThat(failing.out())
        .contains("warning:")
        .contains("[resources-missing]")
        .doesNotContain("info:")
        .doesNotContain("[host-network]"); // an info finding: it does not fail the run
    assertThat(failing.out()).doesNotContain("checked");

    Result passing = CliTest.run("lint", "-q", manifest.toString());
    assertThat(passing.exit()).isEqualTo(Main.OK);
    assertThat(passing.out()).isEmpty();
  }
}
