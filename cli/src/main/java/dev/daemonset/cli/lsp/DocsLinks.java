package dev.daemonset.cli.lsp;

import dev.daemonset.core.lint.Linter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The link of each code to its documentation ({@code codeDescription.href}): the section of {@code
 * docs/rules.md} that describes it (a built-in rule's own section), or of {@code docs/editors.md}
 * for the server's own placement warning. The base is the {@code docsUrl} setting, else the {@code
 * docs/} folder found beside the server's jar (a checkout of the repository, as {@code
 * bin/daemonset} runs it); without either, diagnostics carry no link.
 */
final class DocsLinks {

  private static final Set<String> BUILTIN_POLICIES =
      Linter.builtinPolicies().stream().map(p -> p.info().id()).collect(Collectors.toSet());

  /** Reading and validation codes and policy-failed: the engine's own rules. */
  private static final Set<String> ENGINE_RULES =
      Linter.builder().noPolicies().build().rules().stream()
          .map(r -> r.id())
          .collect(Collectors.toSet());

  private final @Nullable String base;

  private DocsLinks(@Nullable String base) {
    this.base = base;
  }

  static DocsLinks of(String docsUrl) {
    return new DocsLinks(docsUrl.isEmpty() ? besideTheJar() : docsUrl);
  }

  /** The link for {@code code}, if its documentation is known. */
  Optional<String> href(String code) {
    String anchor = section(code);
    return base == null || anchor == null ? Optional.empty() : Optional.of(base + anchor);
  }

  /** The page and anchor that documents {@code code}, or null for a user's own policy. */
  static @Nullable String section(String code) {
    if (code.equals(Placement.CODE)) {
      return "editors.md#cluster-aware-hints";
    }
    if (code.startsWith("FieldValue")) {
      return "rules.md#api-server-validation";
    }
    if (code.equals("policy-failed")
        || code.equals("invalid-suppression")
        || code.equals("invalid-config")) {
      return "rules.md#engine";
    }
    if (BUILTIN_POLICIES.contains(code)) {
      return "rules.md#" + code; // each built-in rule has its own section, named by its id
    }
    return ENGINE_RULES.contains(code) ? "rules.md#reading" : null;
  }

  /**
   * {@code file:} URI of the {@code docs/} folder above the jar (or classes) the server runs from.
   */
  private static @Nullable String besideTheJar() {
    try {
      var source = DocsLinks.class.getProtectionDomain().getCodeSource();
      if (source == null) {
        return null;
      }
      Path here = Path.of(source.getLocation().toURI());
      for (Path p = here; p != null; p = p.getParent()) {
        Path rules = p.resolve("docs").resolve("rules.md");
        if (Files.isRegularFile(rules)) {
          URI uri = p.resolve("docs").toUri();
          String s = uri.toString();
          return s.endsWith("/") ? s : s + "/";
        }
      }
    } catch (URISyntaxException | RuntimeException e) {
      return null;
    }
    return null;
  }
}
