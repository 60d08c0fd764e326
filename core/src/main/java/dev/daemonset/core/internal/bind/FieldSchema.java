package dev.daemonset.core.internal.bind;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A read-only view of the field schema the strict reader checks against ({@code schema.json}, the
 * Kubernetes 1.35 field set): which fields an object has, what each holds, and the "did you mean"
 * of an unknown field. For editors (completion, hover, quick fixes), so that they offer exactly the
 * fields the reader accepts and suggest exactly what {@code unknown-field} suggests.
 *
 * <p>Internal: exported only to {@code dev.daemonset.cli} (the language server). Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * FieldSchema spec = FieldSchema.kind("apps/v1", "DaemonSet").flatMap(s -> s.field("spec")).get();
 * spec.fieldNames();              // [selector, template, updateStrategy, minReadySeconds, ...]
 * spec.suggestion("updateStratgy"); // Optional[updateStrategy]
 * }</pre>
 */
public final class FieldSchema {

  /** What a field holds. */
  public enum Shape {
    /** An object with known fields. */
    OBJECT,
    /** A map with free keys (labels, nodeSelector, resource lists). */
    MAP,
    /** A list. */
    LIST,
    /** A scalar: see {@link #scalar()}. */
    SCALAR
  }

  private final Type type;

  private FieldSchema(Type type) {
    this.type = type;
  }

  /** The schema of a kind the reader binds ({@code apps/v1}, {@code DaemonSet}), if it binds it. */
  public static Optional<FieldSchema> kind(String apiVersion, String kind) {
    requireNonNull(apiVersion, "apiVersion");
    requireNonNull(kind, "kind");
    Type t = Schema.kind(apiVersion + "/" + kind);
    return t == null ? Optional.empty() : Optional.of(new FieldSchema(t));
  }

  /**
   * The apiVersion Kubernetes serves {@code kind} at ({@code apps/v1} for a DaemonSet), for a kind
   * the reader binds: what {@code unsupported-api-version} asks for.
   */
  public static Optional<String> servedApiVersion(String kind) {
    return Optional.ofNullable(Binder.API_VERSIONS.get(requireNonNull(kind, "kind")));
  }

  /** What this field holds. */
  public Shape shape() {
    if (type instanceof Type.Struct) {
      return Shape.OBJECT;
    }
    if (type instanceof Type.MapOf) {
      return Shape.MAP;
    }
    return type instanceof Type.ListOf ? Shape.LIST : Shape.SCALAR;
  }

  /**
   * The scalar kind as the schema names it ({@code string}, {@code integer}, {@code boolean},
   * {@code number}, {@code time}, {@code quantity}, {@code int-or-string}, {@code any}), or the
   * shape in lower case ({@code object}, {@code map}, {@code list}) for the others.
   */
  public String scalar() {
    return type instanceof Type.Scalar s
        ? s.label
        : shape().name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The fields of an object, in Kubernetes' declaration order; empty for other shapes. */
  public List<String> fieldNames() {
    return type instanceof Type.Struct s ? List.copyOf(s.fields().keySet()) : List.of();
  }

  /** The schema of field {@code name} of an object, if it has one. */
  public Optional<FieldSchema> field(String name) {
    requireNonNull(name, "name");
    Type t = type instanceof Type.Struct s ? s.field(name) : null;
    return t == null ? Optional.empty() : Optional.of(new FieldSchema(t));
  }

  /** The schema of a list's items or a map's values; empty for objects and scalars. */
  public Optional<FieldSchema> element() {
    if (type instanceof Type.ListOf l) {
      return Optional.of(new FieldSchema(l.element()));
    }
    return type instanceof Type.MapOf m
        ? Optional.of(new FieldSchema(m.value()))
        : Optional.empty();
  }

  /**
   * The known field an unknown field {@code name} of this object most likely meant: the one {@code
   * unknown-field} names in its "did you mean" (within edit distance 2, case-insensitive, adjacent
   * swaps counted once).
   */
  public Optional<String> suggestion(String name) {
    requireNonNull(name, "name");
    return type instanceof Type.Struct s ? Optional.ofNullable(suggest(s, name)) : Optional.empty();
  }

  /** The closest known field of {@code struct} to {@code name}, or null: the one "did you mean". */
  static @Nullable String suggest(Type.Struct struct, String name) {
    String best = null;
    int bestDistance = 3;
    for (String known : struct.fields().keySet()) {
      int d = Checker.distance(name, known);
      if (d < bestDistance) {
        best = known;
        bestDistance = d;
      }
    }
    return best;
  }

  /**
   * The Kubernetes-notation path of field or map key {@code name} under {@code parent}, as source
   * maps and diagnostics write it: {@code parent.name} for a field of this object, {@code
   * parent[name]} for a map entry (or a name that is not an identifier).
   */
  public String childPath(String parent, String name) {
    requireNonNull(parent, "parent");
    requireNonNull(name, "name");
    return type instanceof Type.MapOf ? Paths.entry(parent, name) : Paths.field(parent, name);
  }

  /** The Kubernetes-notation path of list item {@code index} under {@code parent}. */
  public static String itemPath(String parent, int index) {
    return Paths.item(requireNonNull(parent, "parent"), index);
  }
}
