package dev.daemonset.core.internal.tree;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.Severity;
import dev.daemonset.api.Span;
import java.util.Optional;

/**
 * Every diagnostic code the reader ({@code read}, {@code internal.bind}, {@code internal.tree})
 * reports, with its severity and meaning: the one place a reader code is spelled. A {@link Finding}
 * takes a code from here, and the few diagnostics the reader builds directly use {@link
 * #diagnostic}, so no other code can come out of reading. {@code ReaderCodeTest} produces each code
 * from an input and checks that {@code docs/rules.md} and the linter's rule list describe it.
 */
public enum ReaderCode {
  /** Text that is not well-formed YAML (including a value YAML cannot read as its tag says). */
  YAML_SYNTAX("yaml-syntax", Severity.ERROR, "text that is not well-formed YAML"),
  /** Text that is not well-formed JSON. */
  JSON_SYNTAX("json-syntax", Severity.ERROR, "text that is not well-formed JSON"),
  /** Input that is not valid UTF-8, is binary, or is UTF-16. */
  INVALID_ENCODING("invalid-encoding", Severity.ERROR, "input that is not valid UTF-8"),
  /** A field the kind does not have, with a "did you mean". */
  UNKNOWN_FIELD("unknown-field", Severity.ERROR, "a field the kind does not have"),
  /** A document without {@code kind}. */
  MISSING_KIND("missing-kind", Severity.ERROR, "a document without apiVersion or kind"),
  /** A known kind under an apiVersion Kubernetes no longer serves. */
  UNSUPPORTED_API_VERSION(
      "unsupported-api-version", Severity.ERROR, "an apiVersion Kubernetes no longer serves"),
  /** A YAML value with no JSON form ({@code .inf}, {@code .nan}). */
  UNSUPPORTED_VALUE("unsupported-value", Severity.ERROR, "a YAML value with no JSON form"),
  /** A map key kubectl cannot convert to JSON (null, or an integer of 2^63 and above). */
  UNSUPPORTED_KEY("unsupported-key", Severity.ERROR, "a map key kubectl cannot convert to JSON"),
  /** The same key twice in one mapping; the first is a related location. */
  DUPLICATE_KEY("duplicate-key", Severity.ERROR, "the same key twice in one mapping"),
  /** Content after a document's first node, which kubectl would drop silently. */
  TRAILING_CONTENT("trailing-content", Severity.ERROR, "content after a document's first node"),
  /** A value of the wrong type for its field, or a number out of its field's range. */
  INVALID_TYPE("invalid-type", Severity.ERROR, "a value of the wrong type for its field"),
  /** A plain scalar that YAML 1.1 (kubectl) and YAML 1.2 readers read differently. */
  YAML_AMBIGUOUS_SCALAR(
      "yaml-ambiguous-scalar",
      Severity.WARNING,
      "a plain scalar that kubectl and YAML 1.2 readers read differently"),
  /** A kind one letter case or a typo away from a kind we read, in that kind's apiVersion. */
  MISSPELLED_KIND(
      "misspelled-kind", Severity.ERROR, "a kind that is a typo of DaemonSet, Node or Pod"),
  /** A document of a kind that is not checked. */
  SKIPPED_KIND("skipped-kind", Severity.INFO, "a document of a kind that is not checked"),
  /** An object over the API server's request limit, or an input over the total limit. */
  DOCUMENT_TOO_LARGE("document-too-large", Severity.ERROR, "a document or input over its limit"),
  /** Mappings and sequences nested deeper than the limit. */
  NESTING_TOO_DEEP("nesting-too-deep", Severity.ERROR, "nesting deeper than the limit"),
  /** More aliases, or a larger alias expansion, than the limit. */
  TOO_MANY_ALIASES("too-many-aliases", Severity.ERROR, "more YAML aliases than the limit"),
  /** A string longer than the limit. */
  STRING_TOO_LONG("string-too-long", Severity.ERROR, "a string longer than the limit"),
  /** A number literal longer than the limit. */
  NUMBER_TOO_LONG("number-too-long", Severity.ERROR, "a number literal longer than the limit"),
  /** A custom or language-specific tag, or a tag on the wrong kind of node. */
  FORBIDDEN_TAG("forbidden-tag", Severity.ERROR, "a custom or language-specific YAML tag");

  private final String id;
  private final Severity severity;
  private final String meaning;

  ReaderCode(String id, Severity severity, String meaning) {
    this.id = id;
    this.severity = severity;
    this.meaning = meaning;
  }

  /** The code as diagnostics carry it, such as {@code yaml-syntax}. */
  public String id() {
    return id;
  }

  /** The severity every diagnostic with this code has. */
  public Severity severity() {
    return severity;
  }

  /** What the code finds, in a few words. */
  public String meaning() {
    return meaning;
  }

  /** A diagnostic with this code and its severity, no related locations. */
  public Diagnostic diagnostic(String path, String message, Span span) {
    return new Diagnostic(severity, id, path, message, span);
  }

  /** The {@link #id()}, as the code is written in diagnostics and docs. */
  @Override
  public String toString() {
    return id;
  }

  /** The code whose {@link #id()} is {@code id}, if any. */
  public static Optional<ReaderCode> byId(String id) {
    for (ReaderCode c : values()) {
      if (c.id.equals(id)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
