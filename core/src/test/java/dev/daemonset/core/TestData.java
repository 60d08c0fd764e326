package dev.daemonset.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Files under the repository's {@code src/} folder that tests read: the examples, the conformance
 * cases and the third-party test data in {@code src/testdata} (its sources and licences are noted
 * there). Found from the working directory upwards, so that a test runs the same whether started in
 * the module (as Maven starts it) or in the repository root.
 */
public final class TestData {
  private static final Path SRC = locate();

  private TestData() {}

  /** {@code src/<relative>} of the repository. */
  public static Path path(String relative) {
    return SRC.resolve(relative);
  }

  /** The real-world manifests ({@code src/testdata/real-world/*.yaml}), in name order. */
  public static Stream<Path> realWorldManifests() throws IOException {
    try (Stream<Path> files = Files.list(path("testdata/real-world"))) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  private static Path locate() {
    Path start = Path.of("").toAbsolutePath();
    for (Path here = start; here != null; here = here.getParent()) {
      if (Files.isDirectory(here.resolve("src/testdata"))) {
        return here.resolve("src");
      }
    }
    throw new IllegalStateException("src/testdata not found in " + start + " or above");
  }
}
