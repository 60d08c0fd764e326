package dev.daemonset.core.render;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import dev.daemonset.api.model.JsonValue;
import dev.daemonset.api.model.KubernetesObject;
import dev.daemonset.core.internal.bind.Binder;
import dev.daemonset.core.internal.json.JacksonSupport;
import dev.daemonset.core.internal.json.ModelJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Writes model objects as Kubernetes JSON or YAML, deterministically.
 *
 * <p>Guarantees: the top-level fields come in the order {@code apiVersion}, {@code kind}, {@code
 * metadata}, {@code spec}, {@code status}; below them, fields use Kubernetes names and Kubernetes'
 * declaration order; typed fields holding Go's zero value (empty string, 0, false, empty list or
 * map, absent) are omitted as Go's {@code omitempty} would; every field kept in an {@code other}
 * map is written back in its place. YAML output quotes every string that kubectl, or a YAML 1.1
 * reader, would otherwise read as a boolean, number, null or timestamp ({@code "yes"}, {@code
 * "0640"}, {@code "1.0"}, {@code "2001-12-14"}) and writes multi-line strings as literal blocks, so
 * {@code kubectl create -f} reads back exactly what was written; reading the output with {@code
 * ManifestReader} gives an equal object. Text that is not valid Unicode (a lone surrogate) is
 * written as U+FFFD. Stateless and thread-safe.
 *
 * <p>Example: {@code String yaml = ManifestWriter.toYaml(pod);}
 *
 * @since 0.2
 */
@API(status = STABLE, since = "0.2")
public final class ManifestWriter {
  private ManifestWriter() {}

  /** The top-level fields, in the order people write them. */
  private static final List<String> TOP =
      List.of("apiVersion", "kind", "metadata", "spec", "status");

  /** The object as pretty-printed JSON (two-space indent, final newline). */
  public static String toJson(KubernetesObject object) {
    JacksonSupport.require();
    return TreeEmitter.json(tree(object));
  }

  /** The object as one YAML document (block style, two-space indent, final newline). */
  public static String toYaml(KubernetesObject object) {
    JacksonSupport.require();
    return TreeEmitter.yaml(tree(object));
  }

  /**
   * The object as a JSON tree: {@code apiVersion}, {@code kind}, {@code metadata}, {@code spec},
   * {@code status} first, everything below in Kubernetes field order.
   */
  public static JsonValue.Obj tree(KubernetesObject object) {
    requireNonNull(object, "object");
    JsonValue.Obj ordered =
        Binder.canonicalOrder(
            object.objectKind().apiVersion() + "/" + object.objectKind().kind(),
            ModelJson.of(object));
    Map<String, JsonValue> top = new LinkedHashMap<>();
    for (String key : TOP) {
      JsonValue member = ordered.members().get(key);
      if (member != null) {
        top.put(key, member);
      }
    }
    ordered.members().forEach(top::putIfAbsent);
    return new JsonValue.Obj(top);
  }
}
