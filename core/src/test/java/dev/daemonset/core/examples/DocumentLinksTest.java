package dev.daemonset.core.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.core.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link in the repository's own Markdown files names a file or folder of the
 * repository, and every {@code #anchor} a heading of the page it points into (as GitHub names
 * headings): a clone, or the repository's web page, shows what the text points at. Links out of the
 * repository, such as to a sibling folder of the developers' machine, fail here. Third-party test
 * data under {@code src/testdata} keeps its documents as published and is not checked.
 */
class DocumentLinksTest {
  /** {@code [text](target)} or {@code [text](<target> "title")}; images too. */
  private static final Pattern LINK =
      Pattern.compile("\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");

  /** Code, which is not Markdown: fenced blocks (indented in list items too) and inline spans. */
  private static final Pattern CODE =
      Pattern.compile("(?ms)^[ \\t]*(```|~~~).*?^[ \\t]*\\1[^\\n]*$|`[^`\\n]*`");

  private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}[ \\t]+(.+?)[ \\t#]*$");

  private final Map<Path, Set<String>> anchors = new HashMap<>();

  @Test
  void relativeLinksResolveInsideTheRepository() throws IOException {
    Path root = TestData.path("").getParent();
    List<Path> documents;
    try (Stream<Path> files = Files.walk(root)) {
      documents =
          files
              .filter(p -> p.toString().endsWith(".md"))
              .filter(
                  p ->
                      !p.startsWith(root.resolve("src/testdata"))
                          && !p.startsWith(root.resolve(".git")))
              .filter(p -> !root.relativize(p).toString().matches("(.*/)?target/.*"))
              .sorted()
              .toList();
    }
    List<String> broken = new ArrayList<>();
    int links = 0;
    for (Path document : documents) {
      Matcher m = LINK.matcher(prose(document));
      while (m.find()) {
        String target = m.group(1);
        if (target.matches("[a-z]+:.*")) {
          continue; // an address on the web
        }
        links++;
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        Path resolved = file.isEmpty() ? document : document.getParent().resolve(file).normalize();
        if (!resolved.startsWith(root) || !Files.exists(resolved)) {
          broken.add(
              root.relativize(document) + ": " + target + " (no such file in the repository)");
        } else if (hash >= 0
            && resolved.toString().endsWith(".md")
            && !anchorsOf(resolved).contains(target.substring(hash + 1))) {
          broken.add(root.relativize(document) + ": " + target + " (no such heading)");
        }
      }
    }
    assertThat(documents)
        .contains(
            root.resolve("README.md"),
            root.resolve("benchmarks/README.md"),
            root.resolve("benchmarks/HISTORY.md"))
        .containsAll(ReadmeExamplesTest.documents());
    assertThat(links).isGreaterThan(10);
    assertThat(broken).isEmpty();
  }

  @Test
  void headingsAreNamedAsGitHubNamesThem() {
    assertThat(
            slugs(
                List.of(
                    "Read + validate",
                    "Plan",
                    "Plan",
                    "`PlanRatio` and *JMH*",
                    "Why t(65,000) ≤ 15")))
        .containsExactly("read--validate", "plan", "plan-1", "planratio-and-jmh", "why-t65000--15");
  }

  /** The document without its code. */
  private static String prose(Path document) {
    try {
      return CODE.matcher(Files.readString(document)).replaceAll("");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Set<String> anchorsOf(Path document) {
    return anchors.computeIfAbsent(
        document,
        d -> {
          List<String> headings = new ArrayList<>();
          Matcher m = HEADING.matcher(prose(d));
          while (m.find()) {
            headings.add(m.group(1));
          }
          return new HashSet<>(slugs(headings));
        });
  }

  /**
   * GitHub's anchors for headings: lower case, without markup and punctuation (letters, digits,
   * spaces, hyphens and underscores stay), spaces as hyphens; a repeated one gets -1, -2, ...
   */
  private static List<String> slugs(List<String> headings) {
    Map<String, Integer> seen = new HashMap<>();
    List<String> out = new ArrayList<>();
    for (String heading : headings) {
      String slug =
          heading
              .replaceAll("[`*]", "")
              .toLowerCase(Locale.ROOT)
              .replaceAll("[^\\p{L}\\p{N} _-]", "")
              .replace(' ', '-');
      int n = seen.merge(slug, 1, Integer::sum) - 1;
      out.add(n == 0 ? slug : slug + "-" + n);
    }
    return out;
  }
}
