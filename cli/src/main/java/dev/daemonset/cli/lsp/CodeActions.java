package dev.daemonset.cli.lsp;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.Document;
import dev.daemonset.api.Span;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.model.JsonValue;
import dev.daemonset.api.model.LabelSelector;
import dev.daemonset.core.defaults.Defaults;
import dev.daemonset.core.internal.bind.FieldSchema;
import dev.daemonset.core.render.ManifestWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.jspecify.annotations.Nullable;

/**
 * Quick fixes where the fix is certain, each derived from the diagnostic, the source map and the
 * reader's field schema: rename an unknown field to the one {@code unknown-field} suggests; quote
 * an ambiguous scalar in a string field (or write the boolean kubectl reads in a boolean field);
 * remove the earlier of two duplicate keys (the later is the one kubectl keeps); replace a removed
 * apiVersion; add the selector's labels missing from the template's labels. And one refactoring:
 * write the API server's defaults of the object at the cursor explicitly.
 *
 * <p>Edits are block-style YAML; where the text is flow style or JSON and an edit could not be made
 * safely, no action is offered.
 */
final class CodeActions {
  private CodeActions() {}

  private static final Pattern BOOLEAN_TRUE =
      Pattern.compile("y|Y|yes|Yes|YES|true|True|TRUE|on|On|ON");
  private static final Pattern BOOLEAN_FALSE =
      Pattern.compile("n|N|no|No|NO|false|False|FALSE|off|Off|OFF");
  private static final Pattern KIND =
      Pattern.compile("^[ \\t]*[\"']?kind[\"']?[ \\t]*:[ \\t]*[\"']?(\\w+)[\"']?");

  static List<CodeAction> actions(
      DaemonSetLanguageServer.Features f,
      Range range,
      @Nullable CodeActionContext context,
      DocsLinks links) {
    Analysis a = f.current();
    List<String> only = context == null ? null : context.getOnly();
    boolean quickFixes = wants(only, CodeActionKind.QuickFix);
    boolean refactors = wants(only, CodeActionKind.RefactorRewrite);
    List<CodeAction> out = new ArrayList<>();
    if (quickFixes && a.holdsDaemonSet) {
      for (Diagnostic d : a.diagnostics) {
        Range r = LspDiagnostics.range(d.span(), a, f.encoding());
        if (!overlaps(r, range)) {
          continue;
        }
        org.eclipse.lsp4j.Diagnostic lsp = LspDiagnostics.of(d, a, f.uri(), f.encoding(), links);
        for (Fix fix : fixes(d, a)) {
          CodeAction action = new CodeAction(fix.title());
          action.setKind(CodeActionKind.QuickFix);
          action.setDiagnostics(List.of(lsp));
          action.setIsPreferred(fix.preferred());
          action.setEdit(edit(f, a, fix.edits()));
          out.add(action);
        }
      }
    }
    if (refactors && a.holdsDaemonSet) {
      defaults(a, range, f).ifPresent(out::add);
    }
    return out;
  }

  private static boolean wants(@Nullable List<String> only, String kind) {
    if (only == null || only.isEmpty()) {
      return true;
    }
    for (String o : only) {
      if (kind.equals(o) || kind.startsWith(o + ".")) {
        return true;
      }
    }
    return false;
  }

  /** A text edit by string offsets. */
  record Edit(int start, int end, String text) {}

  record Fix(String title, boolean preferred, List<Edit> edits) {}

  private static WorkspaceEdit edit(
      DaemonSetLanguageServer.Features f, Analysis a, List<Edit> edits) {
    List<TextEdit> text = new ArrayList<>();
    for (Edit e : edits) {
      text.add(
          new TextEdit(
              new Range(
                  a.lines.position(e.start(), f.encoding()),
                  a.lines.position(e.end(), f.encoding())),
              e.text()));
    }
    return new WorkspaceEdit(Map.of(f.uri(), text));
  }

  static List<Fix> fixes(Diagnostic d, Analysis a) {
    if (!d.span().isKnown()) {
      return List.of();
    }
    return switch (d.code()) {
      case "unknown-field" -> rename(d, a);
      case "yaml-ambiguous-scalar" -> ambiguous(d, a);
      case "duplicate-key" -> duplicate(d, a);
      case "unsupported-api-version" -> apiVersion(d, a);
      case "FieldValueInvalid" -> selectorLabels(d, a);
      default -> List.of();
    };
  }

  // ------------------------------------------------------------ unknown-field

  private static List<Fix> rename(Diagnostic d, Analysis a) {
    List<String> steps = Paths.steps(d.path());
    if (steps.isEmpty()) {
      return List.of();
    }
    String name = steps.get(steps.size() - 1);
    Optional<Document> doc = Analysis.document(a.read(), d.span().document());
    String apiVersion = doc.map(x -> x.object().objectKind().apiVersion()).orElse("apps/v1");
    String kind = doc.map(x -> x.object().objectKind().kind()).orElse("DaemonSet");
    Optional<FieldSchema> parent =
        Paths.schema(apiVersion, kind, steps.subList(0, steps.size() - 1));
    Optional<String> suggestion = parent.flatMap(p -> p.suggestion(name));
    if (suggestion.isEmpty()) {
      return List.of();
    }
    String parentPath = d.path().substring(0, Math.max(0, d.path().length() - name.length()));
    if (parentPath.endsWith(".")) {
      parentPath = parentPath.substring(0, parentPath.length() - 1);
    }
    String sibling = parent.get().childPath(parentPath, suggestion.get());
    if (doc.isPresent() && doc.get().sourceMap().key(sibling).isPresent()) {
      return List.of(); // renaming would write the key twice
    }
    int start = a.lines.offset(d.span().line(), d.span().column());
    int end = a.lines.offset(d.span().endLine(), d.span().endColumn());
    if (!a.lines.text().substring(start, end).equals(name)) {
      return List.of(); // a quoted key, say: not the plain text the rename would replace
    }
    return List.of(
        new Fix(
            "Rename to \"" + suggestion.get() + "\"",
            true,
            List.of(new Edit(start, end, suggestion.get()))));
  }

  // ------------------------------------------------------------ yaml-ambiguous-scalar

  private static List<Fix> ambiguous(Diagnostic d, Analysis a) {
    int start = a.lines.offset(d.span().line(), d.span().column());
    int end = a.lines.offset(d.span().endLine(), d.span().endColumn());
    String text = a.lines.text().substring(start, end);
    if (text.isEmpty() || text.contains("\n")) {
      return List.of();
    }
    Optional<Document> doc = Analysis.document(a.read(), d.span().document());
    String apiVersion = doc.map(x -> x.object().objectKind().apiVersion()).orElse("apps/v1");
    String kind = doc.map(x -> x.object().objectKind().kind()).orElse("DaemonSet");
    String type =
        Paths.schema(apiVersion, kind, Paths.steps(d.path())).map(FieldSchema::scalar).orElse("");
    if (type.equals("boolean")) {
      String b =
          BOOLEAN_TRUE.matcher(text).matches()
              ? "true"
              : BOOLEAN_FALSE.matcher(text).matches() ? "false" : null;
      return b == null || b.equals(text)
          ? List.of()
          : List.of(
              new Fix(
                  "Write " + b + " (what kubectl reads)", true, List.of(new Edit(start, end, b))));
    }
    if (type.equals("string") || type.equals("int-or-string") || type.equals("quantity")) {
      String quoted = YamlText.json(text);
      return List.of(
          new Fix("Quote as the string " + quoted, true, List.of(new Edit(start, end, quoted))));
    }
    return List.of();
  }

  // ------------------------------------------------------------ duplicate-key

  private static List<Fix> duplicate(Diagnostic d, Analysis a) {
    if (d.related().isEmpty() || !d.related().get(0).span().isKnown()) {
      return List.of();
    }
    Span first = d.related().get(0).span();
    int[] extent = blockEntry(a.lines, first);
    if (extent == null) {
      return List.of();
    }
    String key =
        a.lines
            .text()
            .substring(
                a.lines.offset(first.line(), first.column()),
                a.lines.offset(first.endLine(), first.endColumn()));
    return List.of(
        new Fix(
            "Remove the first " + key + " (the later value is the one kubectl applies)",
            true,
            List.of(new Edit(extent[0], extent[1], ""))));
  }

  /**
   * The string offsets of a block mapping entry whose key is at {@code key}: from the start of its
   * line to the start of the first line after its value (trailing blank lines and comments stay).
   * Null if the key is not alone at the start of its line (a list item's first key, flow style).
   */
  static int @Nullable [] blockEntry(TextLines lines, Span key) {
    int keyLine = key.line() - 1;
    String line = lines.line(keyLine);
    int keyCol = key.column() - 1;
    if (keyCol > line.length() || !line.substring(0, Math.min(keyCol, line.length())).isBlank()) {
      return null;
    }
    boolean emptyValue = line.stripTrailing().endsWith(":");
    int last = keyLine;
    for (int i = keyLine + 1; i < lines.lineCount(); i++) {
      String t = lines.line(i);
      if (t.isBlank() || t.strip().startsWith("#")) {
        continue;
      }
      int indent = t.length() - t.stripLeading().length();
      if (indent > keyCol
          || (emptyValue && indent == keyCol && t.stripLeading().startsWith("- "))) {
        last = i;
        continue;
      }
      break;
    }
    int start = lines.lineStart(keyLine);
    int end = last + 1 < lines.lineCount() ? lines.lineStart(last + 1) : lines.text().length();
    return new int[] {start, end};
  }

  // ------------------------------------------------------------ unsupported-api-version

  private static List<Fix> apiVersion(Diagnostic d, Analysis a) {
    String kind = kindAround(a.lines, d.span().line() - 1);
    Optional<String> served = kind == null ? Optional.empty() : FieldSchema.servedApiVersion(kind);
    if (served.isEmpty()) {
      return List.of();
    }
    int start = a.lines.offset(d.span().line(), d.span().column());
    int end = a.lines.offset(d.span().endLine(), d.span().endColumn());
    String old = a.lines.text().substring(start, end);
    String replacement =
        old.startsWith("\"") || old.startsWith("'") ? YamlText.json(served.get()) : served.get();
    return List.of(
        new Fix("Replace with " + served.get(), true, List.of(new Edit(start, end, replacement))));
  }

  /** The kind written in the YAML document around 0-based line {@code line}, or null. */
  private static @Nullable String kindAround(TextLines lines, int line) {
    int from = line;
    while (from > 0 && !lines.line(from - 1).startsWith("---")) {
      from--;
    }
    for (int i = from; i < lines.lineCount(); i++) {
      String t = lines.line(i);
      if (i > line && t.startsWith("---")) {
        break;
      }
      Matcher m = KIND.matcher(t);
      if (m.find()) {
        return m.group(1);
      }
    }
    return null;
  }

  // ------------------------------------------------------------ selector vs template labels

  private static List<Fix> selectorLabels(Diagnostic d, Analysis a) {
    if (!d.path().equals("spec.template.metadata.labels") || !d.message().contains("`selector`")) {
      return List.of();
    }
    Optional<Document> doc = Analysis.document(a.read(), d.span().document());
    if (doc.isEmpty() || !(doc.get().object() instanceof DaemonSet ds)) {
      return List.of();
    }
    LabelSelector selector = ds.spec().selector();
    if (selector == null || !selector.matchExpressions().isEmpty()) {
      return List.of();
    }
    Map<String, String> labels = ds.spec().template().metadata().labels();
    Map<String, String> missing = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : selector.matchLabels().entrySet()) {
      String have = labels.get(e.getKey());
      if (have == null) {
        missing.put(e.getKey(), e.getValue());
      } else if (!have.equals(e.getValue())) {
        return List.of(); // a different value: which one is wrong is not certain
      }
    }
    if (missing.isEmpty()) {
      return List.of();
    }
    var sm = doc.get().sourceMap();
    FieldIndex index = a.index(doc.get());
    // before the first label written, at its column
    Optional<FieldIndex.Entry> firstLabel =
        index.entries().stream()
            .filter(e -> e.path().startsWith("spec.template.metadata.labels[") && e.key() != null)
            .findFirst();
    StringBuilder text = new StringBuilder();
    int at;
    if (firstLabel.isPresent()) {
      Span k = firstLabel.get().key();
      if (blockEntry(a.lines, k) == null) {
        return List.of();
      }
      for (Map.Entry<String, String> e : missing.entrySet()) {
        text.append(" ".repeat(k.column() - 1))
            .append(YamlText.scalar(e.getKey()))
            .append(": ")
            .append(YamlText.scalar(e.getValue()))
            .append('\n');
      }
      at = a.lines.lineStart(k.line() - 1);
    } else {
      Optional<FieldIndex.Entry> firstMeta =
          index.entries().stream()
              .filter(
                  e ->
                      e.key() != null
                          && e.path().startsWith("spec.template.metadata.")
                          && Paths.steps(e.path()).size() == 4)
              .findFirst();
      if (firstMeta.isEmpty()
          || sm.key("spec.template.metadata.labels").isPresent()
          || blockEntry(a.lines, firstMeta.get().key()) == null) {
        return List.of();
      }
      int col = firstMeta.get().key().column() - 1;
      text.append(" ".repeat(col)).append("labels:\n");
      for (Map.Entry<String, String> e : missing.entrySet()) {
        text.append(" ".repeat(col + 2))
            .append(YamlText.scalar(e.getKey()))
            .append(": ")
            .append(YamlText.scalar(e.getValue()))
            .append('\n');
      }
      at = a.lines.lineStart(firstMeta.get().key().line() - 1);
    }
    return List.of(
        new Fix(
            "Add the selector's labels to the template: " + String.join(", ", missing.keySet()),
            true,
            List.of(new Edit(at, at, text.toString()))));
  }

  // ------------------------------------------------------------ the API server's defaults

  /** Writes the defaults the API server would add to the object at the start of {@code range}. */
  private static Optional<CodeAction> defaults(
      Analysis a, Range range, DaemonSetLanguageServer.Features f) {
    Position p = range.getStart();
    int offset = a.lines.offset(p, f.encoding());
    int line = a.lines.lineOf(offset) + 1;
    int column = a.lines.column(offset);
    Optional<Document> doc = a.documentAt(line);
    if (doc.isEmpty() || !(doc.get().object() instanceof DaemonSet ds)) {
      return Optional.empty();
    }
    FieldIndex index = a.index(doc.get());
    Optional<FieldIndex.Entry> hit = index.at(line, column);
    if (hit.isEmpty()
        || hit.get().key() == null
        || hit.get().schema() == null
        || hit.get().schema().shape() != FieldSchema.Shape.OBJECT) {
      return Optional.empty();
    }
    FieldIndex.Entry e = hit.get();
    JsonValue defaulted = Hovers.at(ManifestWriter.tree(Defaults.defaulted(ds)), e.segments());
    JsonValue written = Hovers.at(ManifestWriter.tree(ds), e.segments());
    if (!(defaulted instanceof JsonValue.Obj d) || !(written instanceof JsonValue.Obj w)) {
      return Optional.empty();
    }
    Set<String> have = w.members().keySet();
    Map<String, JsonValue> missing = new LinkedHashMap<>();
    d.members()
        .forEach(
            (k, v) -> {
              if (!have.contains(k)) {
                missing.put(k, v);
              }
            });
    if (missing.isEmpty()) {
      return Optional.empty();
    }
    int[] extent = blockEntry(a.lines, e.key());
    if (extent == null || !a.lines.line(e.key().line() - 1).stripTrailing().endsWith(":")) {
      return Optional.empty(); // flow style or a list item's first key: no safe place
    }
    int childColumn = e.key().column() - 1 + 2;
    for (FieldIndex.Entry c : index.entries()) {
      if (c.key() != null
          && c.path().startsWith(e.path() + ".")
          && Paths.steps(c.path()).size() == Paths.steps(e.path()).size() + 1) {
        childColumn = c.key().column() - 1;
        break;
      }
    }
    // after the entry's last line that is not blank or a comment
    int end = extent[1];
    String text = YamlText.block(missing, childColumn);
    CodeAction action =
        new CodeAction(
            "Write the API server's defaults of "
                + e.path()
                + ": "
                + String.join(", ", missing.keySet()));
    action.setKind(CodeActionKind.RefactorRewrite);
    int insertAt = end;
    if (end > 0 && end == a.lines.text().length() && !a.lines.text().endsWith("\n")) {
      text = "\n" + text;
    }
    action.setEdit(edit(f, a, List.of(new Edit(insertAt, insertAt, text))));
    return Optional.of(action);
  }

  private static boolean overlaps(Range a, Range b) {
    return compare(a.getStart(), b.getEnd()) <= 0 && compare(b.getStart(), a.getEnd()) <= 0;
  }

  private static int compare(Position a, Position b) {
    return a.getLine() != b.getLine()
        ? Integer.compare(a.getLine(), b.getLine())
        : Integer.compare(a.getCharacter(), b.getCharacter());
  }
}
