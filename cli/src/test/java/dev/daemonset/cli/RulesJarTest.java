package dev.daemonset.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.lint.Policy;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A team's rule packaged as a jar of its own: a policy compiled here, at test time, against the
 * api, listed in META-INF/services and jarred into target/. The CLI finds it with --rules-jar and
 * through the configuration file, and reports what cannot be used.
 */
class RulesJarTest {

  static final Path WORK = Path.of("target/rules-jar-test").toAbsolutePath();
  static Path jar;

  static final String SOURCE =
      """
      package com.example.rules;

      import dev.daemonset.api.Severity;
      import dev.daemonset.api.lint.Finding;
      import dev.daemonset.api.lint.Policy;
      import dev.daemonset.api.lint.PolicyInput;
      import dev.daemonset.api.lint.RuleInfo;
      import java.util.List;

      public final class RequireOwnerLabel implements Policy {
        @Override
        public RuleInfo info() {
          return new RuleInfo("require-owner-label", "Owner label required",
              "Every DaemonSet names its owner.", "Add an owner label.", Severity.WARNING);
        }

        @Override
        public List<Finding> check(PolicyInput input) {
          return input.daemonSet().metadata().labels().containsKey("owner")
              ? List.of()
              : List.of(Finding.at("metadata.name", "no owner label"));
        }
      }
      """;

  static final String DS =
      """
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: agent
        namespace: kube-system
      spec:
        selector: {matchLabels: {app: agent}}
        template:
          metadata: {labels: {app: agent}}
          spec:
            priorityClassName: system-node-critical
            nodeSelector: {kubernetes.io/os: linux}
            containers:
            - name: agent
              image: agent:1.0
              resources: {requests: {cpu: 10m, memory: 32Mi}, limits: {memory: 64Mi}}
              readinessProbe: {httpGet: {path: /healthz, port: 8080}}
      """;

  @BeforeAll
  static void buildTheJar() throws IOException, URISyntaxException {
    Path src = Files.createDirectories(WORK.resolve("src/com/example/rules"));
    Path classes = Files.createDirectories(WORK.resolve("classes"));
    Path java = Files.writeString(src.resolve("RequireOwnerLabel.java"), SOURCE);
    String api =
        Path.of(Policy.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .toString();
    // the JDK's javac, as a separate process: a rule jar is built apart from the engine
    Path javac = Path.of(System.getProperty("java.home"), "bin", "javac");
    Process p =
        new ProcessBuilder(
                javac.toString(),
                "--release",
                "17",
                "-classpath",
                api,
                "-d",
                classes.toString(),
                java.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit;
    try {
      exit = p.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while compiling", e);
    }
    assertThat(exit).as("javac: " + output).isZero();
    jar = WORK.resolve("team-rules.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      add(
          out,
          "com/example/rules/RequireOwnerLabel.class",
          Files.readAllBytes(classes.resolve("com/example/rules/RequireOwnerLabel.class")));
      add(
          out,
          "META-INF/services/dev.daemonset.api.lint.Policy",
          "com.example.rules.RequireOwnerLabel\n".getBytes(StandardCharsets.UTF_8));
    }
  }

  private static void add(JarOutputStream out, String name, byte[] bytes) throws IOException {
    out.putNextEntry(new JarEntry(name));
    ((OutputStream) out).write(bytes);
    out.closeEntry();
  }

  @Test
  void theCommandLineLoadsARulesJar(@TempDir Path dir) throws IOException {
    Path ds = Files.writeString(dir.resolve("ds.yaml"), DS);
    CliTest.Result without = CliTest.run("lint", ds.toString());
    assertThat(without.out()).doesNotContain("require-owner-label");
    CliTest.Result with = CliTest.run("lint", "--rules-jar", jar.toString(), ds.toString());
    assertThat(with.err()).isEmpty();
    assertThat(with.lines()).contains(ds + ":4:9: warning: no owner label [require-owner-label]");
    assertThat(with.exit()).isZero();
  }

  @Test
  void theConfigurationNamesTheJarAndConfiguresItsRule(@TempDir Path dir) throws IOException {
    Path ds =
        Files.writeString(Files.createDirectories(dir.resolve("deploy")).resolve("ds.yaml"), DS);
    Files.writeString(
        dir.resolve(".daemonset.yaml"),
        "ruleJars: [" + jar + "]\nrules:\n  require-owner-label: error\n");
    CliTest.Result r = CliTest.run("lint", ds.toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.lines()).contains(ds + ":4:9: error: no owner label [require-owner-label]");
    assertThat(r.exit()).isEqualTo(Main.FINDINGS);
  }

  @Test
  void whatTheConfigurationCannotUseIsReportedInIt(@TempDir Path dir) throws IOException {
    Path ds = Files.writeString(dir.resolve("ds.yaml"), DS);
    Path config =
        Files.writeString(
            dir.resolve("team.yaml"),
            "ruleJars: [missing.jar]\nrules:\n  require-owner-label: error\n");
    CliTest.Result r = CliTest.run("lint", "--config", config.toString(), ds.toString());
    assertThat(r.lines())
        .contains(
            display(config)
                + ":1:12: error: cannot read the rule jar "
                + dir.resolve("missing.jar")
                + ": no such file [invalid-config]",
            display(config)
                + ":3:3: error: unknown rule `require-owner-label` (rules of the rule"
                + " jars included) [invalid-config]");
    assertThat(r.exit()).isEqualTo(Main.FINDINGS);
    assertThat(CliTest.run("lint", "--rules-jar", "nowhere.jar", ds.toString()).err())
        .isEqualTo("daemonset: nowhere.jar: no such file" + System.lineSeparator());
  }

  static String display(Path p) {
    Path cwd = Path.of("").toAbsolutePath();
    return p.startsWith(cwd) ? cwd.relativize(p).toString() : p.toString();
  }
}
