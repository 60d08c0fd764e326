package dev.daemonset.cli.lsp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files of the repository that the language server tests read, found from the working directory up.
 */
final class TestFiles {
  private static final Path ROOT = locate();

  private TestFiles() {}

  /** {@code src/<relative>} of the repository. */
  static Path src(String relative) {
    return ROOT.resolve("src").resolve(relative);
  }

  /** The repository root. */
  static Path root() {
    return ROOT;
  }

  static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path locate() {
    Path start = Path.of("").toAbsolutePath();
    for (Path here = start; here != null; here = here.getParent()) {
      if (Files.isDirectory(here.resolve("src/testdata"))) {
        return here;
      }
    }
    throw new IllegalStateException("src/testdata not found in " + start + " or above");
  }
}
