package dev.daemonset.cli.lsp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Where the cursor is in block-style YAML, from the text alone (it is usually broken while the user
 * types): the keys and list items above it by indentation, and whether it is on a key or a value.
 * Flow style and JSON give no context.
 *
 * @param steps the path from the document root to the mapping the cursor is in: keys, and {@code
 *     "[]"} for a list item
 * @param key the key the cursor's value belongs to; null when the cursor is on a key
 * @param partial what was typed of the key or value before the cursor
 * @param partialStart the string offset where {@code partial} starts
 * @param keyColumn the 0-based column of the keys of the mapping the cursor is in
 * @param siblings the keys already written in that mapping
 * @param apiVersion the document's apiVersion, or ""
 * @param kind the document's kind, or ""
 */
record YamlContext(
    List<String> steps,
    @Nullable String key,
    String partial,
    int partialStart,
    int keyColumn,
    List<String> siblings,
    String apiVersion,
    String kind) {

  /** A list-item step. */
  static final String ITEM = "[]";

  private static final Pattern VALUE =
      Pattern.compile(
          "^( *)((?:- +)*)([^\\s:#\"'{}\\[\\],][^:#]*?):[ \\t]+([^\\s#\"'{}\\[\\],]*)$");
  private static final Pattern KEY = Pattern.compile("^( *)((?:- +)*)([^\\s:#\"'{}\\[\\],]*)$");
  private static final Pattern LINE =
      Pattern.compile("^( *)((?:- +)*)([^\\s:#\"'{}\\[\\],][^:#]*?)?(:(?:[ \\t]+(.*))?)?$");
  private static final Pattern TOP =
      Pattern.compile("^(apiVersion|kind)[ \\t]*:[ \\t]*[\"']?([^\"'#\\s]+)[\"']?");

  /** The context at string offset {@code offset}, or null where none can be told. */
  static @Nullable YamlContext at(TextLines lines, int offset) {
    int l = lines.lineOf(offset);
    String line = lines.line(l);
    int cursor = offset - lines.lineStart(l);
    if (cursor < 0 || cursor > line.length()) {
      return null;
    }
    String before = line.substring(0, cursor);
    String key = null;
    String partial;
    int keyColumn;
    int dashColumn = -1;
    Matcher v = VALUE.matcher(before);
    Matcher k = KEY.matcher(before);
    if (v.matches()) {
      key = v.group(3).strip();
      partial = v.group(4);
      keyColumn = v.group(1).length() + v.group(2).length();
      if (!v.group(2).isEmpty()) {
        dashColumn = lastDash(v.group(1).length(), v.group(2));
      }
    } else if (k.matches()) {
      partial = k.group(3);
      keyColumn = k.group(1).length() + k.group(2).length();
      if (!k.group(2).isEmpty()) {
        dashColumn = lastDash(k.group(1).length(), k.group(2));
      }
    } else {
      return null;
    }
    int start = lines.lineStart(l);
    int docStart = l;
    while (docStart > 0 && !isMarker(lines.line(docStart - 1))) {
      docStart--;
    }
    int docEnd = l;
    while (docEnd + 1 < lines.lineCount() && !isMarker(lines.line(docEnd + 1))) {
      docEnd++;
    }
    String apiVersion = "";
    String kind = "";
    for (int i = docStart; i <= docEnd; i++) {
      Matcher t = TOP.matcher(lines.line(i));
      if (t.find()) {
        if (t.group(1).equals("kind")) {
          kind = t.group(2);
        } else {
          apiVersion = t.group(2);
        }
      }
    }
    List<String> steps = new ArrayList<>();
    int want = keyColumn;
    boolean seqParent = false;
    if (dashColumn >= 0) {
      steps.add(ITEM);
      want = dashColumn;
      seqParent = true;
    }
    List<String> siblings = new ArrayList<>();
    boolean collecting = dashColumn < 0;
    for (int i = l - 1; i >= docStart; i--) {
      Parsed p = parse(lines.line(i));
      if (p == null) {
        continue;
      }
      if (!seqParent) {
        if (p.keyColumn == want && p.dashColumn < 0 && p.key != null && collecting) {
          siblings.add(p.key);
          continue;
        }
        if (p.keyColumn == want && p.dashColumn >= 0 && p.dashColumn < want) {
          // the first line of the list item this mapping belongs to
          if (p.key != null && collecting) {
            siblings.add(p.key);
          }
          collecting = false;
          steps.add(ITEM);
          want = p.dashColumn;
          seqParent = true;
          continue;
        }
        if (p.keyColumn >= want) {
          continue;
        }
        if (p.key == null || !p.emptyValue) {
          return null; // not a parent key: a block scalar, flow style or broken text
        }
        collecting = false;
        steps.add(p.key);
        want = p.keyColumn;
        if (p.dashColumn >= 0) {
          // "- key:" opens a mapping inside a list item
          steps.add(ITEM);
          want = p.dashColumn;
          seqParent = true;
        }
      } else {
        if (p.dashColumn == want || p.keyColumn > want) {
          continue; // a sibling item or its content
        }
        if (p.key == null || !p.emptyValue || p.keyColumn > want) {
          return null;
        }
        steps.add(p.key);
        want = p.keyColumn;
        seqParent = false;
        collecting = false;
        if (p.dashColumn >= 0) {
          steps.add(ITEM);
          want = p.dashColumn;
          seqParent = true;
        }
      }
    }
    if (want != 0 || seqParent) {
      return null; // the walk up did not end at the root mapping, at column 0
    }
    if (key == null) {
      for (int i = l + 1; i <= docEnd; i++) {
        Parsed p = parse(lines.line(i));
        if (p == null) {
          continue;
        }
        if (p.keyColumn < keyColumn || (p.dashColumn >= 0 && p.dashColumn < keyColumn)) {
          break;
        }
        if (p.keyColumn == keyColumn && p.key != null && p.dashColumn < 0) {
          siblings.add(p.key);
        }
      }
    }
    Collections.reverse(steps);
    int partialStart = start + cursor - partial.length();
    return new YamlContext(
        List.copyOf(steps),
        key,
        partial,
        partialStart,
        keyColumn,
        List.copyOf(siblings),
        apiVersion,
        kind);
  }

  private static int lastDash(int indent, String dashes) {
    int col = indent;
    int last = indent;
    for (int i = 0; i < dashes.length(); i++) {
      if (dashes.charAt(i) == '-') {
        last = col + i;
      }
    }
    return last;
  }

  private static boolean isMarker(String line) {
    return line.startsWith("---") && (line.length() == 3 || Character.isWhitespace(line.charAt(3)));
  }

  /** One line's shape: where its key starts, its list dash, its key, whether its value is empty. */
  private record Parsed(int keyColumn, int dashColumn, @Nullable String key, boolean emptyValue) {}

  private static @Nullable Parsed parse(String line) {
    String t = line.stripTrailing();
    String trimmed = t.strip();
    if (trimmed.isEmpty() || trimmed.startsWith("#")) {
      return null;
    }
    Matcher m = LINE.matcher(t);
    if (!m.matches()) {
      int indent = t.length() - t.stripLeading().length();
      return new Parsed(indent, -1, null, false);
    }
    int indent = m.group(1).length();
    int dash = m.group(2).isEmpty() ? -1 : lastDash(indent, m.group(2));
    int keyColumn = indent + m.group(2).length();
    String key = m.group(3) == null || m.group(4) == null ? null : m.group(3).strip();
    String value = m.group(5);
    boolean empty = value == null || value.isBlank() || value.strip().startsWith("#");
    return new Parsed(keyColumn, dash, key, empty);
  }
}
