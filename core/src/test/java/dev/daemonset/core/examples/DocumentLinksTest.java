package dev.daemonset.core.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.core.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link in the repository's own Markdown files names a file or folder of the
 * repository: a clone (or the repository's web page) shows what the text points at. Links out of
 * the repository, such as to a sibling folder of the developers' machine, fail here.
 */
class DocumentLinksTest {
  /** {@code [text](target)}, the target without a title; images too. */
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
  /** Code, which is not Markdown: fenced blocks and inline spans (a regex there looks like a link). */
  private static final Pattern CODE = Pattern.compile("(?ms)^```.*?^```|`[^`\\n]*`");

  @Test
  void relativeLinksResolveInsideTheRepository() throws IOException {
    Path root = TestData.path("").getParent();
    List<Path> documents = new ArrayList<>();
    documents.add(root.resolve("README.md"));
    for (String folder : List.of("src", "benchmarks")) {
      try (Stream<Path> files = Files.walk(root.resolve(folder))) {
        // Third-party test data keeps its own documents as published; build output is not ours to check.
        files.filter(p -> p.toString().endsWith(".md")
                && !p.startsWith(root.resolve("src/testdata")) && !p.startsWith(root.resolve("benchmarks/target")))
            .sorted()
            .forEach(documents::add);
      }
    }
    List<String> broken = new ArrayList<>();
    int links = 0;
    for (Path document : documents) {
      Matcher m = LINK.matcher(CODE.matcher(Files.readString(document)).replaceAll(""));
      while (m.find()) {
        String target = m.group(1);
        if (target.startsWith("#") || target.matches("[a-z]+:.*")) {
          continue; // an anchor in the same page, or an address on the web
        }
        links++;
        String file = target.replaceFirst("#.*$", "");
        Path resolved = document.getParent().resolve(file).normalize();
        if (!resolved.startsWith(root) || !Files.exists(resolved)) {
          broken.add(root.relativize(document) + ": " + target);
        }
      }
    }
    assertThat(documents).hasSizeGreaterThan(3);
    assertThat(links).isGreaterThan(5);
    assertThat(broken).isEmpty();
  }
}
