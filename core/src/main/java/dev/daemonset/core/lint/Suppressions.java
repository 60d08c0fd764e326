package dev.daemonset.core.lint;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.Severity;
import dev.daemonset.api.SourceMap;
import dev.daemonset.api.lint.RuleParameter;
import dev.daemonset.api.model.Container;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.core.internal.bind.DidYouMean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The suppression annotations of one DaemonSet: {@code daemonset.dev/ignore: "rule-a,rule-b"} for
 * the whole DaemonSet, {@code daemonset.dev/ignore.<container>} for the fields of one container,
 * and {@code daemonset.dev/ignore-reason} saying why. What they name is checked: an id that names
 * no policy, a container that does not exist or an unknown {@code daemonset.dev/} annotation is an
 * {@code invalid-suppression} warning at the annotation, never silently ignored.
 */
final class Suppressions {
  static final String PREFIX = "daemonset.dev/";
  static final String IGNORE = PREFIX + "ignore";
  static final String REASON = PREFIX + "ignore-reason";
  static final String INVALID = "invalid-suppression";

  /** Rule ids suppressed for the whole DaemonSet. */
  private final Set<String> everywhere;

  /** Rule ids suppressed per container path prefix ({@code spec.template.spec.containers[0]}). */
  private final Map<String, Scoped> byContainerPath;

  private final String reason;
  private final List<Diagnostic> problems;

  private record Scoped(String annotation, Set<String> ids) {}

  private Suppressions(
      Set<String> everywhere,
      Map<String, Scoped> byContainerPath,
      String reason,
      List<Diagnostic> problems) {
    this.everywhere = everywhere;
    this.byContainerPath = byContainerPath;
    this.reason = reason;
    this.problems = problems;
  }

  static Suppressions of(DaemonSet ds, SourceMap sourceMap, Set<String> known) {
    Map<String, String> annotations = ds.metadata().annotations();
    List<Diagnostic> problems = new ArrayList<>();
    Set<String> everywhere = new TreeSet<>();
    Map<String, Scoped> scoped = new LinkedHashMap<>();
    for (Map.Entry<String, String> a : annotations.entrySet()) {
      String key = a.getKey();
      if (!key.startsWith(PREFIX)) {
        continue;
      }
      String path = "metadata.annotations[" + key + "]";
      if (key.equals(IGNORE)) {
        everywhere.addAll(ids(a.getValue(), key, path, sourceMap, known, problems));
      } else if (key.startsWith(IGNORE + ".")) {
        String container = key.substring(IGNORE.length() + 1);
        List<String> paths = containerPaths(ds, container);
        Set<String> ids = ids(a.getValue(), key, path, sourceMap, known, problems);
        if (paths.isEmpty()) {
          problems.add(
              problem(
                  path,
                  key
                      + " names the container `"
                      + container
                      + "`, which this DaemonSet does not have"
                      + DidYouMean.suggestion(container, containerNames(ds)),
                  sourceMap.nearestKey(path)));
        }
        for (String p : paths) {
          scoped.put(p, new Scoped(key, ids));
        }
      } else if (!key.equals(REASON)) {
        problems.add(
            problem(
                path,
                "unknown annotation "
                    + key
                    + ": the suppression annotations are "
                    + IGNORE
                    + ", "
                    + IGNORE
                    + ".<container> and "
                    + REASON,
                sourceMap.nearestKey(path)));
      }
    }
    return new Suppressions(
        everywhere, scoped, annotations.getOrDefault(REASON, "").trim(), List.copyOf(problems));
  }

  /** The {@code invalid-suppression} warnings of the annotations. */
  List<Diagnostic> problems() {
    return problems;
  }

  /** The suppression of {@code d}, or null if no annotation suppresses it. */
  LintResult.@Nullable Suppressed suppress(Diagnostic d) {
    if (everywhere.contains(d.code())) {
      return new LintResult.Suppressed(d, IGNORE, reason);
    }
    for (Map.Entry<String, Scoped> e : byContainerPath.entrySet()) {
      String prefix = e.getKey();
      if (e.getValue().ids().contains(d.code())
          && d.path().startsWith(prefix)
          && (d.path().length() == prefix.length() || d.path().charAt(prefix.length()) == '.')) {
        return new LintResult.Suppressed(d, e.getValue().annotation(), reason);
      }
    }
    return null;
  }

  private static Set<String> ids(
      String value,
      String key,
      String path,
      SourceMap sourceMap,
      Set<String> known,
      List<Diagnostic> problems) {
    Set<String> out = new TreeSet<>();
    for (String id : RuleParameter.items(value)) {
      if (known.contains(id)) {
        out.add(id);
      } else if (Rules.isEngineRule(id)) {
        problems.add(
            problem(
                path,
                key
                    + " names "
                    + id
                    + ", a reading or API-server finding: only policy findings can be ignored",
                Linter.locate(path, sourceMap)));
      } else {
        problems.add(
            problem(
                path,
                key + " names `" + id + "`, which is no rule" + DidYouMean.suggestion(id, known),
                Linter.locate(path, sourceMap)));
      }
    }
    if (RuleParameter.items(value).isEmpty()) {
      problems.add(
          problem(
              path,
              key + " names no rule: write the rule ids, comma-separated",
              Linter.locate(path, sourceMap)));
    }
    return out;
  }

  private static List<String> containerPaths(DaemonSet ds, String name) {
    List<String> out = new ArrayList<>();
    for (Containers c : Containers.all(ds.spec().template().spec())) {
      if (c.container().name().equals(name)) {
        out.add(c.path());
      }
    }
    return out;
  }

  private static List<String> containerNames(DaemonSet ds) {
    List<String> out = new ArrayList<>();
    for (Container c : ds.spec().template().spec().initContainers()) {
      out.add(c.name());
    }
    for (Container c : ds.spec().template().spec().containers()) {
      out.add(c.name());
    }
    return out;
  }

  private static Diagnostic problem(String path, String message, dev.daemonset.api.Span span) {
    return new Diagnostic(Severity.WARNING, INVALID, path, message, span);
  }
}
