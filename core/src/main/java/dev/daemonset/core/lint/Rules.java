package dev.daemonset.core.lint;

import dev.daemonset.api.Severity;
import dev.daemonset.api.lint.RuleInfo;
import dev.daemonset.core.internal.tree.ReaderCode;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The rules of reading and API-server validation, described for SARIF and documentation. */
final class Rules {
  private Rules() {}

  private static RuleInfo reader(ReaderCode code, String name, String description, String help) {
    return new RuleInfo(code.id(), name, description, help, code.severity());
  }

  private static RuleInfo api(String id, String name, String description) {
    return new RuleInfo(
        id,
        name,
        description
            + " The API server rejects the object with this error"
            + " type; the message and field path are the ones it would report.",
        "Change the field named in the message as it says; `kubectl apply` fails until then.",
        Severity.ERROR);
  }

  private static final List<RuleInfo> ENGINE =
      List.of(
          reader(
              ReaderCode.YAML_SYNTAX,
              "YAML syntax error",
              "The text is not well-formed YAML.",
              "Fix the YAML at the position shown; an editor with YAML support shows the same spot."),
          reader(
              ReaderCode.JSON_SYNTAX,
              "JSON syntax error",
              "The text is not well-formed JSON.",
              "Fix the JSON at the position shown."),
          reader(
              ReaderCode.INVALID_ENCODING,
              "Not UTF-8 text",
              "The input is not valid UTF-8 text (or it is binary).",
              "Save the file as UTF-8; Kubernetes manifests are UTF-8."),
          reader(
              ReaderCode.UNKNOWN_FIELD,
              "Unknown field",
              "A field that does not exist in this kind of object"
                  + " (Kubernetes 1.35). `kubectl apply` with strict field validation rejects it; with"
                  + " lax validation it is silently dropped, which is worse.",
              "Remove the field or fix its spelling (the message suggests the closest known field)."),
          reader(
              ReaderCode.MISSING_KIND,
              "Missing apiVersion or kind",
              "A document names no `apiVersion` or no"
                  + " `kind`, so nobody can tell what it is; kubectl rejects it.",
              "Add `apiVersion` and `kind` (for a DaemonSet: `apps/v1` and `DaemonSet`)."),
          reader(
              ReaderCode.UNSUPPORTED_API_VERSION,
              "Unsupported apiVersion",
              "A DaemonSet, Node, Pod or"
                  + " ControllerRevision in an apiVersion Kubernetes no longer serves (such as"
                  + " `extensions/v1beta1` for DaemonSets).",
              "Use `apps/v1` for DaemonSets and ControllerRevisions, `v1` for Nodes and Pods."),
          reader(
              ReaderCode.UNSUPPORTED_VALUE,
              "Value kubectl cannot send",
              "A YAML value with no JSON form, such as"
                  + " `.inf` or `.nan`: kubectl fails to convert the document.",
              "Write a finite number or a quoted string."),
          reader(
              ReaderCode.UNSUPPORTED_KEY,
              "Map key kubectl cannot convert",
              "A map key kubectl cannot turn into a JSON key: null (`~`, `null`, an empty key),"
                  + " or an integer go-yaml reads as an unsigned 64-bit or big integer (2^63 and"
                  + " above). kubectl rejects the whole document (\"unsupported map key\").",
              "Quote the key to make it a string."),
          reader(
              ReaderCode.DUPLICATE_KEY,
              "Duplicate key",
              "The same key appears twice in one mapping. YAML forbids it; kubectl keeps the"
                  + " last value silently. We report it, stricter on purpose.",
              "Remove one of the two keys."),
          reader(
              ReaderCode.INVALID_TYPE,
              "Wrong value type",
              "A value has the wrong type for its field (a string"
                  + " where an integer is expected, a list where a map is expected, ...). The API server"
                  + " cannot decode the object.",
              "Write the value with the type the message names."),
          reader(
              ReaderCode.YAML_AMBIGUOUS_SCALAR,
              "Ambiguous YAML scalar",
              "kubectl reads YAML with YAML 1.1"
                  + " rules (`yes`, `on`, `0640` are a boolean and numbers) while YAML 1.2 tools read them"
                  + " differently: the value may not be what you meant.",
              "Quote the value if you mean a string; write the decimal number if you mean a number."),
          reader(
              ReaderCode.MISSPELLED_KIND,
              "Misspelt kind",
              "A kind that differs from DaemonSet, Node, Pod or ControllerRevision only in letter"
                  + " case or by a typo, in that kind's apiVersion (`apps/v1` `Daemonset`). Kinds"
                  + " are case-sensitive: kubectl fails with \"no matches for kind\". Without this"
                  + " error the document would be skipped as another kind, and nothing checked.",
              "Write the kind as the message suggests."),
          reader(
              ReaderCode.SKIPPED_KIND,
              "Document skipped",
              "A document of a kind this tool does not check"
                  + " (only DaemonSet, Node, Pod and ControllerRevision are read).",
              "Nothing to do."),
          reader(
              ReaderCode.DOCUMENT_TOO_LARGE,
              "Document too large",
              "One object is larger than the API server's"
                  + " request limit (3 MiB by default), or the input exceeds the total limit.",
              "Split the object or the input."),
          reader(
              ReaderCode.NESTING_TOO_DEEP,
              "Nesting too deep",
              "Mappings and sequences nest deeper than the limit.",
              "Flatten the structure; no Kubernetes object nests this deep."),
          reader(
              ReaderCode.TOO_MANY_ALIASES,
              "Too many YAML aliases",
              "The document uses more YAML aliases, or"
                  + " expands them further, than the limit (a billion-laughs defence).",
              "Write the values out instead of aliasing them."),
          reader(
              ReaderCode.STRING_TOO_LONG,
              "String too long",
              "A string is longer than the limit.",
              "Shorten it; no Kubernetes field takes a value this long."),
          reader(
              ReaderCode.NUMBER_TOO_LONG,
              "Number literal too long",
              "A number literal is longer than the limit.",
              "Write a shorter number."),
          reader(
              ReaderCode.FORBIDDEN_TAG,
              "Forbidden YAML tag",
              "A custom or language-specific YAML tag (such as `!foo`, `!!binary`, `!!timestamp`"
                  + " or `!!java...`), or a collection tag on the wrong kind of node (`!!str` on a"
                  + " map). kubectl ignores most of them (and decodes `!!binary`), the message says"
                  + " what it would read; we reject them on purpose: in a manifest a tag is a"
                  + " mistake, or an attack on another reader (a deserialisation gadget).",
              "Remove the tag."),
          reader(
              ReaderCode.TRAILING_CONTENT,
              "Content kubectl drops",
              "Content after the end of a document's first node, up to the next `---` (such as"
                  + " `b: 2` after ` a: 1`, or anything after `...`). kubectl reads the first node"
                  + " and silently drops the rest, applying a manifest cut short; we report it,"
                  + " stricter on purpose, naming the lines kubectl would drop.",
              "Indent the lines to belong to the node above, or start a new document with `---`."),
          new RuleInfo(
              Suppressions.INVALID,
              "Suppression annotation names nothing",
              "A `daemonset.dev/ignore` annotation names an id that is no policy (a typo, or a rule"
                  + " of a jar that is not loaded), a reading or API-server finding (which cannot be"
                  + " ignored), or a container the DaemonSet does not have; or a `daemonset.dev/`"
                  + " annotation is not one of the three the engine reads. The suppression it meant"
                  + " does not happen.",
              "Fix the id or container name (the message suggests the closest one), or remove the"
                  + " annotation.",
              Severity.WARNING),
          new RuleInfo(
              "invalid-config",
              "Configuration problem",
              "The configuration (`.daemonset.yaml`) has an entry that cannot be applied: an unknown"
                  + " key or rule id, a parameter the rule does not have, a value of the wrong type,"
                  + " or a rule jar or cluster file that cannot be read. The rest of the"
                  + " configuration is applied.",
              "Fix the entry at the position shown; the message names what is expected.",
              Severity.ERROR),
          new RuleInfo(
              Linter.POLICY_FAILED,
              "Policy failed",
              "A policy threw an exception or returned no list of findings, so the DaemonSet was not"
                  + " checked for that policy's rule; the message names the policy and what it threw."
                  + " The other policies ran as usual.",
              "Fix the policy (or report it to its authors); the DaemonSet itself may be fine.",
              Severity.ERROR),
          api("FieldValueRequired", "Required value", "A required field is missing or empty."),
          api(
              "FieldValueInvalid",
              "Invalid value",
              "A field has a value the API server does not accept."),
          api(
              "FieldValueNotSupported",
              "Unsupported value",
              "A field has a value outside its fixed set."),
          api(
              "FieldValueDuplicate",
              "Duplicate value",
              "A value that must be unique appears twice."),
          api("FieldValueForbidden", "Forbidden", "A field that may not be set here is set."),
          api("FieldValueTooLong", "Too long", "A value is longer than allowed."),
          api(
              "FieldValueNotFound",
              "Not found",
              "A reference names something that does not exist."));

  /** Where the rules are documented: docs/rules.md of the project. */
  static final String DOCS =
      "https://github.com/daemonset-engine/daemonset-engine/blob/main/docs/rules.md";

  /** The engine's rules, each linked to its table in docs/rules.md. */
  private static final List<RuleInfo> DOCUMENTED =
      ENGINE.stream().map(r -> r.withHelpUri(DOCS + "#" + section(r))).toList();

  private static String section(RuleInfo r) {
    if (RuleInfo.KUBERNETES_ERROR_TYPES.contains(r.id())) {
      return "api-server-validation";
    }
    if (r.id().equals(Linter.POLICY_FAILED)
        || r.id().equals(Suppressions.INVALID)
        || r.id().equals("invalid-config")) {
      return "engine";
    }
    return "reading";
  }

  private static final Set<String> ENGINE_IDS =
      ENGINE.stream().map(RuleInfo::id).collect(Collectors.toUnmodifiableSet());

  /** Reading rules, the engine's own, then validation's, in a stable order. */
  static List<RuleInfo> engineRules() {
    return DOCUMENTED;
  }

  /**
   * True for the ids of the engine's own rules (and every Kubernetes error type), which no policy
   * may take.
   */
  static boolean isEngineRule(String id) {
    return ENGINE_IDS.contains(id) || RuleInfo.KUBERNETES_ERROR_TYPES.contains(id);
  }
}
