package dev.daemonset.core.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.ReadResult;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.core.read.ManifestReader;
import dev.daemonset.core.render.ManifestWriter;
import dev.daemonset.core.testsupport.SuppressForbidden;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The reading example of the documentation, compiled and run so it cannot rot. */
class ReadingExampleTest {

  /** docs/library.md: "Read". */
  @SuppressForbidden // docs/library.md's example, word for word (its output has no digits to
  // localise)
  static String example(Path path, PrintStream out) throws IOException {
    ReadResult result = ManifestReader.defaults().read(path);
    for (Diagnostic d : result.diagnostics()) {
      out.printf(
          "%s:%d:%d: %s: %s [%s]%n",
          path, d.span().line(), d.span().column(), d.severity().label(), d.message(), d.code());
    }
    for (DaemonSet ds : result.daemonSets()) {
      out.println(
          ds.qualifiedName()
              + " runs "
              + ds.spec().template().spec().containers().size()
              + " container(s)");
    }
    String yaml =
        ManifestWriter.toYaml(result.daemonSets().get(0)); // write it back: nothing is lost
    return yaml;
  }

  @Test
  void printsDiagnosticsAndDaemonSets() throws IOException {
    Path file = Files.createTempFile("ds", ".yaml");
    Files.writeString(
        file,
        "apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: agent}\n"
            + "spec:\n  template:\n    spec:\n      contianers: []\n");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    String yaml = example(file, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    Files.delete(file);
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            file
                + ":7:7: error: unknown field "
                + "\"spec.template.spec.contianers\"; did you mean \"containers\"? [unknown-field]\n"
                + "default/agent runs 0 container(s)\n");
    // apiVersion, kind, metadata, spec first, Kubernetes field order below; the unknown field is
    // kept
    assertThat(yaml)
        .isEqualTo(
            "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\n"
                + "spec:\n  template:\n    spec:\n      contianers: []\n");
  }
}
