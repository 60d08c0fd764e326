package dev.daemonset.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real editor end to end: headless Neovim starts {@code daemonset lsp} through its built-in LSP
 * client ({@code vim.lsp.start_client}, Neovim 0.7 and newer), opens a copy of {@code
 * src/examples/broken-daemonset.yaml}, and a Lua script writes down the diagnostics Neovim
 * received, applies the rename quick fix through Neovim's own code-action request and
 * workspace-edit code, and writes the buffer back.
 *
 * <p>Neovim must be installed ({@code .ci/run} installs it); without it this test fails, unless
 * {@code -Ddaemonset.skipNeovim=true} says to skip it on purpose.
 */
class NeovimIT {

  static final ObjectMapper JSON = new ObjectMapper();

  static Optional<Path> nvim() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator, -1)) {
      Path p = Path.of(dir, "nvim");
      if (Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  @Test
  void neovimReceivesTheDiagnosticsAndAppliesAQuickFix(@TempDir Path dir) throws Exception {
    Optional<Path> nvim = nvim();
    if (nvim.isEmpty()) {
      Assumptions.assumeFalse(
          Boolean.getBoolean("daemonset.skipNeovim"),
          "skipped on request (-Ddaemonset.skipNeovim=true)");
      fail(
          "nvim is not on the PATH: install Neovim (apt-get install neovim), or skip this test on"
              + " purpose with -Ddaemonset.skipNeovim=true");
    }
    Path manifest = dir.resolve("broken-daemonset.yaml");
    Files.copy(CliProcessIT.ROOT.resolve("src/examples/broken-daemonset.yaml"), manifest);
    Path script = dir.resolve("e2e.lua");
    try (InputStream in = NeovimIT.class.getResourceAsStream("nvim/e2e.lua")) {
      Files.copy(in, script);
    }
    Path out = dir.resolve("result.json");
    Path log = dir.resolve("nvim.log");
    List<String> command = new ArrayList<>();
    command.add(nvim.get().toString());
    command.add("--headless");
    command.add("--clean");
    command.add("-c");
    command.add("luafile " + script);
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    pb.environment()
        .put("DAEMONSET_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    pb.environment().put("DAEMONSET_JAR", CliProcessIT.JAR.toAbsolutePath().toString());
    pb.environment().put("DAEMONSET_FILE", manifest.toString());
    pb.environment().put("DAEMONSET_OUT", out.toString());
    pb.environment().put("XDG_STATE_HOME", dir.resolve("state").toString());
    pb.environment().put("XDG_CACHE_HOME", dir.resolve("cache").toString());
    Process p = pb.start();
    p.getOutputStream().close();
    boolean finished = p.waitFor(180, TimeUnit.SECONDS);
    if (!finished) {
      p.destroyForcibly();
    }
    String nvimLog = Files.exists(log) ? Files.readString(log) : "";
    assertThat(finished).as("Neovim finished; its output: " + nvimLog).isTrue();
    assertThat(out).as("Neovim wrote its result; its output: " + nvimLog).exists();
    JsonNode r = JSON.readTree(out.toFile());
    assertThat(r.path("error").isMissingNode())
        .as("the script failed: " + r.path("error") + "\n" + nvimLog)
        .isTrue();
    assertThat(p.exitValue()).isZero();

    // what Neovim received: codes and positions (0-based lines and columns, as Neovim keeps them)
    List<String> got = new ArrayList<>();
    for (JsonNode d : r.path("diagnostics")) {
      got.add(
          d.path("code").asText()
              + "@"
              + d.path("lnum").asInt()
              + ":"
              + d.path("col").asInt()
              + "-"
              + d.path("end_lnum").asInt()
              + ":"
              + d.path("end_col").asInt());
    }
    assertThat(got)
        .containsExactly(
            "invalid-type@8:15-8:18",
            "yaml-ambiguous-scalar@8:15-8:18",
            "FieldValueInvalid@15:16-15:17",
            "FieldValueInvalid@19:8-19:20",
            "FieldValueRequired@20:4-20:8",
            "priority-class-missing@20:4-20:8",
            "FieldValueNotSupported@21:21-21:30",
            "duplicate-key@24:8-24:24",
            "unknown-field@25:6-25:16");
    assertThat(r.path("diagnostics").get(0).path("source").asText()).isEqualTo("daemonset");
    assertThat(r.path("actions").toString()).contains("Rename to \\\"containers\\\"");

    // after the fix: the buffer says containers, and the re-lint dropped unknown-field and the
    // missing-containers error that the typo caused
    List<String> lines = new ArrayList<>();
    r.path("lines").forEach(l -> lines.add(l.asText()));
    List<String> expected = new ArrayList<>(Files.readAllLines(manifest));
    expected.set(25, "      containers:");
    assertThat(lines).isEqualTo(expected);
    List<String> after = new ArrayList<>();
    r.path("after").forEach(d -> after.add(d.path("code").asText()));
    assertThat(after)
        .doesNotContain("unknown-field", "FieldValueRequired")
        .contains("duplicate-key");
    assertThat(r.path("hover").asText()).contains("`spec.template.spec.containers`", "(list)");
  }
}
