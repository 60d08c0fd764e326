package dev.daemonset.cli.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.core.lint.Linter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every code the server can report links to a heading that exists: a renamed section of {@code
 * docs/} would otherwise leave editors with links that open the top of the page.
 */
class DocsLinksTest {

  @Test
  void everyCodeLinksToAnExistingHeading() {
    List<String> codes = new ArrayList<>();
    Linter.defaults().rules().forEach(r -> codes.add(r.id()));
    codes.add(Placement.CODE);
    codes.add("invalid-config");
    assertThat(codes).contains("unknown-field", "FieldValueInvalid", "priority-class-missing");
    for (String code : codes) {
      String section = DocsLinks.section(code);
      assertThat(section).as(code).isNotNull();
      int hash = section.indexOf('#');
      String page = section.substring(0, hash);
      assertThat(headings(page)).as(code + " -> " + section).contains(section.substring(hash + 1));
    }
  }

  /** The anchors GitHub gives the headings of {@code docs/<page>} (outside code blocks). */
  private static Set<String> headings(String page) {
    Set<String> out = new HashSet<>();
    boolean code = false;
    for (String line :
        TestFiles.read(TestFiles.root().resolve("docs").resolve(page)).lines().toList()) {
      if (line.startsWith("```")) {
        code = !code;
      } else if (!code && line.startsWith("#")) {
        out.add(
            line.replaceFirst("^#+\\s*", "")
                .replaceAll("[`*]", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N} _-]", "")
                .replace(' ', '-'));
      }
    }
    return out;
  }
}
