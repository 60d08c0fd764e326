package dev.daemonset.core.config;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.Severity;
import dev.daemonset.api.SourceMap;
import dev.daemonset.api.Span;
import dev.daemonset.core.config.LintConfig.RuleSetting;
import dev.daemonset.core.internal.bind.DidYouMean;
import dev.daemonset.core.internal.tree.ReaderCode;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Parses {@code .daemonset.yaml} with SnakeYAML's node graph (which keeps every mark), checking the
 * shape of each entry as it goes. A configuration file is not a manifest: it is read as plain YAML
 * (no kubectl typing), and every scalar is taken as the text it was written as.
 */
final class ConfigParser {
  static final List<String> TOP_LEVEL = List.of("rules", "ruleJars", "cluster");
  static final List<String> SEVERITIES = List.of("error", "warning", "info");

  private final Path file;
  private final List<Diagnostic> problems = new ArrayList<>();
  private final Map<String, Span> values = new HashMap<>();
  private final Map<String, Span> keys = new HashMap<>();
  private final List<RuleSetting> rules = new ArrayList<>();
  private final List<Path> ruleJars = new ArrayList<>();
  private final List<Path> clusterFiles = new ArrayList<>();

  private ConfigParser(Path file) {
    this.file = file;
  }

  static LintConfig parse(String text, Path file) {
    ConfigParser p = new ConfigParser(file);
    p.parse(text);
    SourceMap positions = new SourceMap(p.values, p.keys, Span.at(0, 1, 1));
    List<Diagnostic> sorted = new ArrayList<>(p.problems);
    sorted.sort(dev.daemonset.core.lint.Linter.BY_POSITION);
    return new LintConfig(file, p.rules, p.ruleJars, p.clusterFiles, true, positions, sorted);
  }

  private void parse(String text) {
    Node root;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(true); // reported below, with both positions
      options.setMaxAliasesForCollections(10);
      options.setCodePointLimit(1 << 20);
      root = new Yaml(options).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      problems.add(
          new Diagnostic(
              Severity.ERROR,
              ReaderCode.YAML_SYNTAX.id(),
              "",
              oneLine(e.getProblem() != null ? e.getProblem() : e.getMessage()),
              m == null ? Span.at(0, 1, 1) : at(m)));
      return;
    } catch (YAMLException e) {
      problems.add(
          new Diagnostic(
              Severity.ERROR,
              ReaderCode.YAML_SYNTAX.id(),
              "",
              oneLine(e.getMessage()),
              Span.at(0, 1, 1)));
      return;
    }
    if (root == null) {
      return; // an empty file: the defaults
    }
    if (!(root instanceof MappingNode map)) {
      problem("", "the configuration is a mapping with the keys " + TOP_LEVEL, span(root));
      return;
    }
    for (NodeTuple t : entries(map, "")) {
      String key = text(t.getKeyNode());
      Node value = t.getValueNode();
      keys.put(key, span(t.getKeyNode()));
      values.put(key, span(value));
      switch (key) {
        case "rules" -> rules(value);
        case "ruleJars" -> paths(value, "ruleJars", ruleJars);
        case "cluster" -> paths(value, "cluster", clusterFiles);
        default ->
            problem(
                key,
                "unknown key `"
                    + key
                    + "`"
                    + DidYouMean.suggestion(key, TOP_LEVEL)
                    + "; the keys are "
                    + String.join(", ", TOP_LEVEL),
                span(t.getKeyNode()));
      }
    }
  }

  private void rules(Node node) {
    if (isNull(node)) {
      return;
    }
    if (!(node instanceof MappingNode map)) {
      problem("rules", "`rules` maps rule ids to settings", span(node));
      return;
    }
    for (NodeTuple t : entries(map, "rules")) {
      String id = text(t.getKeyNode());
      String path = "rules[" + id + "]";
      keys.put(path, span(t.getKeyNode()));
      values.put(path, span(t.getValueNode()));
      RuleSetting setting = setting(id, path, t.getValueNode());
      if (setting != null) {
        rules.add(setting);
      }
    }
  }

  /** One rule's value: a word ({@code off}, {@code warning}, ...) or a mapping. */
  private @Nullable RuleSetting setting(String id, String path, Node node) {
    if (node instanceof ScalarNode s) {
      String word = s.getValue().trim().toLowerCase(Locale.ROOT);
      switch (word) {
        case "off", "false" -> {
          return new RuleSetting(id, false, null, Map.of());
        }
        case "on", "true" -> {
          return new RuleSetting(id, true, null, Map.of());
        }
        default -> {
          Severity severity = severity(s, path);
          return severity == null ? null : new RuleSetting(id, null, severity, Map.of());
        }
      }
    }
    if (isNull(node)) {
      return new RuleSetting(id, null, null, Map.of());
    }
    if (!(node instanceof MappingNode map)) {
      problem(
          path,
          "a rule's setting is off, on, error, warning, info, or a mapping of `enabled`,"
              + " `severity` and the rule's parameters",
          span(node));
      return null;
    }
    Boolean enabled = null;
    Severity severity = null;
    Map<String, String> parameters = new LinkedHashMap<>();
    for (NodeTuple t : entries(map, path)) {
      String key = text(t.getKeyNode());
      String at = path + "." + key;
      Node value = t.getValueNode();
      keys.put(at, span(t.getKeyNode()));
      values.put(at, span(value));
      switch (key) {
        case "enabled" -> {
          String v = value instanceof ScalarNode s ? s.getValue().trim() : "";
          if (v.equals("true") || v.equals("on")) {
            enabled = true;
          } else if (v.equals("false") || v.equals("off")) {
            enabled = false;
          } else {
            problem(at, "`enabled` is true or false", span(value));
          }
        }
        case "severity" -> {
          if (value instanceof ScalarNode s) {
            severity = severity(s, at);
          } else {
            problem(at, "`severity` is one of " + String.join(", ", SEVERITIES), span(value));
          }
        }
        default -> {
          String v = parameterValue(value, at);
          if (v != null) {
            parameters.put(key, v);
          }
        }
      }
    }
    return new RuleSetting(id, enabled, severity, parameters);
  }

  private @Nullable Severity severity(ScalarNode s, String path) {
    String word = s.getValue().trim().toLowerCase(Locale.ROOT);
    if (SEVERITIES.contains(word)) {
      return Severity.valueOf(word.toUpperCase(Locale.ROOT));
    }
    problem(
        path,
        "`"
            + s.getValue()
            + "` is not a setting: write off, on, or a severity ("
            + String.join(", ", SEVERITIES)
            + ")"
            + DidYouMean.suggestion(word, List.of("off", "on", "error", "warning", "info")),
        span(s));
    return null;
  }

  /** A parameter's text: a scalar as written, a list of scalars joined with commas. */
  private @Nullable String parameterValue(Node value, String path) {
    if (value instanceof ScalarNode s) {
      return isNull(s) ? "" : s.getValue();
    }
    if (value instanceof SequenceNode q) {
      List<String> items = new ArrayList<>();
      for (Node item : q.getValue()) {
        if (!(item instanceof ScalarNode s) || s.getValue().contains(",")) {
          problem(path, "a list parameter holds plain values without commas", span(item));
          return null;
        }
        items.add(s.getValue());
      }
      return String.join(",", items);
    }
    problem(path, "a parameter is a value or a list of values", span(value));
    return null;
  }

  private void paths(Node node, String key, List<Path> out) {
    if (isNull(node)) {
      return;
    }
    List<Node> items =
        node instanceof SequenceNode q
            ? q.getValue()
            : node instanceof ScalarNode ? List.of(node) : null;
    if (items == null) {
      problem(key, "`" + key + "` is a list of file names", span(node));
      return;
    }
    Path dir = file.getParent();
    for (Node item : items) {
      String path = key + "[" + out.size() + "]";
      if (!(item instanceof ScalarNode s) || s.getValue().isBlank()) {
        problem(key, "`" + key + "` is a list of file names", span(item));
        continue;
      }
      values.put(path, span(item));
      Path p;
      try {
        p = Path.of(s.getValue().trim());
      } catch (java.nio.file.InvalidPathException e) {
        problem(path, "not a valid file name: " + e.getReason(), span(item));
        continue;
      }
      out.add((dir == null ? p : dir.resolve(p)).toAbsolutePath().normalize());
    }
  }

  /** The entries of a mapping, each key once: a repeated key is reported and the first kept. */
  private List<NodeTuple> entries(MappingNode map, String path) {
    List<NodeTuple> out = new ArrayList<>();
    Map<String, Span> seen = new HashMap<>();
    Set<String> reported = new HashSet<>();
    for (NodeTuple t : map.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode)) {
        problem(path, "keys are plain names", span(t.getKeyNode()));
        continue;
      }
      String key = text(t.getKeyNode());
      Span first = seen.putIfAbsent(key, span(t.getKeyNode()));
      if (first != null) {
        if (reported.add(key)) {
          problems.add(
              new Diagnostic(
                  Severity.ERROR,
                  ReaderCode.DUPLICATE_KEY.id(),
                  path.isEmpty() ? key : path + "." + key,
                  "duplicate key \"" + key + "\": the first one counts",
                  span(t.getKeyNode()),
                  List.of(new Diagnostic.Related(first, "first defined here"))));
        }
        continue;
      }
      out.add(t);
    }
    return out;
  }

  private static String text(Node n) {
    return ((ScalarNode) n).getValue();
  }

  private static boolean isNull(Node n) {
    return n instanceof ScalarNode s
        && s.getTag().getValue().equals("tag:yaml.org,2002:null")
        && (s.getValue().isEmpty() || s.getValue().equals("~") || s.getValue().equals("null"));
  }

  private void problem(String path, String message, Span span) {
    problems.add(LintConfig.problem(Severity.ERROR, path, message, span));
  }

  private static Span span(Node n) {
    Mark start = n.getStartMark();
    Mark end = n.getEndMark();
    if (start == null) {
      return Span.at(0, 1, 1);
    }
    if (end == null) {
      return at(start);
    }
    return new Span(
        0, start.getLine() + 1, start.getColumn() + 1, end.getLine() + 1, end.getColumn() + 1);
  }

  private static Span at(Mark m) {
    return Span.at(0, m.getLine() + 1, m.getColumn() + 1);
  }

  private static String oneLine(@Nullable String s) {
    return s == null ? "not well-formed YAML" : s.replaceAll("\\s+", " ").trim();
  }
}
