package dev.daemonset.core.internal.bind;

import dev.daemonset.api.Span;
import dev.daemonset.api.model.IntOrString;
import dev.daemonset.api.model.JsonValue;
import dev.daemonset.core.internal.intstr.IntStr;
import dev.daemonset.core.internal.tree.Tree;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A lenient view of one object while it is bound: typed getters take fields (a value of the wrong
 * type reads as absent: the {@link Checker} has already reported it) and {@link #other()} returns
 * every field not taken, in written order, so nothing is lost.
 */
final class Fields {

  private static final Tree.MapNode EMPTY = new Tree.MapNode(List.of(), Span.UNKNOWN, 0, 0, 1);

  private final Tree.MapNode node;

  /** Which entries were taken, by position: cheaper than a set of names for these small maps. */
  private final boolean[] taken;

  private Fields(Tree.MapNode node) {
    this.node = node;
    this.taken = new boolean[node.entries().size()];
  }

  /** Marks the field {@code name} as taken and returns its value, or null if it is absent. */
  private @Nullable Tree claim(String name) {
    List<Tree.Entry> entries = node.entries();
    for (int i = 0; i < entries.size(); i++) {
      if (entries.get(i).key().equals(name)) {
        taken[i] = true;
        return entries.get(i).value();
      }
    }
    return null;
  }

  static Fields of(@Nullable Tree tree) {
    return new Fields(tree instanceof Tree.MapNode m ? m : EMPTY);
  }

  private @Nullable JsonValue scalar(String name) {
    return claim(name) instanceof Tree.Scalar s ? s.value() : null;
  }

  /** Marks a field as bound without reading it. */
  void take(String name) {
    claim(name);
  }

  String str(String name) {
    return scalar(name) instanceof JsonValue.Str s ? s.value() : "";
  }

  boolean bool(String name) {
    return scalar(name) instanceof JsonValue.Bool b && b.value();
  }

  @Nullable Boolean optBool(String name) {
    return scalar(name) instanceof JsonValue.Bool b ? b.value() : null;
  }

  int i32(String name) {
    Integer v = optI32(name);
    return v == null ? 0 : v;
  }

  long i64(String name) {
    Long v = optI64(name);
    return v == null ? 0 : v;
  }

  /** An int32 field; one out of range reads as absent (the {@link Checker} reported it). */
  @Nullable Integer optI32(String name) {
    JsonValue v = scalar(name);
    return v instanceof JsonValue.Num n && Checker.isInt32(n)
        ? Integer.parseInt(n.literal())
        : null;
  }

  @Nullable Long optI64(String name) {
    JsonValue v = scalar(name);
    return v instanceof JsonValue.Num n && Checker.isInteger(n)
        ? Long.parseLong(n.literal())
        : null;
  }

  @Nullable Instant time(String name) {
    if (scalar(name) instanceof JsonValue.Str s) {
      try {
        return OffsetDateTime.parse(s.value()).toInstant();
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    return null;
  }

  @Nullable IntOrString intOrString(String name) {
    JsonValue v = scalar(name);
    if (v instanceof JsonValue.Str s) {
      return IntOrString.of(s.value());
    }
    return IntStr.fromJson(v);
  }

  /** A map of strings; numbers (quantities) keep their literal. */
  Map<String, String> strMap(String name) {
    Tree value = claim(name);
    Map<String, String> out = new LinkedHashMap<>();
    if (value instanceof Tree.MapNode m) {
      for (Tree.Entry e : m.entries()) {
        if (e.value() instanceof Tree.Scalar s) {
          JsonValue v = s.value();
          if (v instanceof JsonValue.Str str) {
            out.put(e.key(), str.value());
          } else if (v instanceof JsonValue.Num n) {
            out.put(e.key(), n.literal());
          } else if (v instanceof JsonValue.Null) {
            out.put(e.key(), "");
          }
        }
      }
    }
    return out;
  }

  List<String> strList(String name) {
    Tree value = claim(name);
    if (!(value instanceof Tree.SeqNode q) || q.items().isEmpty()) {
      return List.of(); // most such lists are absent: no list made for them
    }
    List<String> out = new ArrayList<>(q.items().size());
    for (Tree t : q.items()) {
      if (t instanceof Tree.Scalar s && s.value() instanceof JsonValue.Str str) {
        out.add(str.value());
      }
    }
    return out;
  }

  /** The object field {@code name} (an empty view if absent). */
  Fields obj(String name) {
    return of(claim(name));
  }

  /** The object field {@code name} bound by {@code binder}, or null if absent or null. */
  <T> @Nullable T optObj(String name, Function<Fields, T> binder) {
    return claim(name) instanceof Tree.MapNode m ? binder.apply(new Fields(m)) : null;
  }

  /** The list of objects {@code name}, each bound by {@code binder}. */
  <T> List<T> list(String name, Function<Fields, T> binder) {
    Tree value = claim(name);
    if (!(value instanceof Tree.SeqNode q) || q.items().isEmpty()) {
      return List.of();
    }
    List<T> out = new ArrayList<>(q.items().size());
    for (Tree t : q.items()) {
      out.add(binder.apply(of(t)));
    }
    return out;
  }

  /** The field as free JSON, or null if absent or null. */
  @Nullable JsonValue json(String name) {
    Tree t = claim(name);
    if (t == null || (t instanceof Tree.Scalar s && s.value() instanceof JsonValue.Null)) {
      return null;
    }
    return t.toJson();
  }

  List<JsonValue> jsonList(String name) {
    JsonValue v = json(name);
    return v == null ? List.of() : v.elements();
  }

  /** Every field not taken, in written order. */
  Map<String, JsonValue> other() {
    Map<String, JsonValue> out = null; // most objects have no field left over
    List<Tree.Entry> entries = node.entries();
    for (int i = 0; i < entries.size(); i++) {
      if (!taken[i]) {
        if (out == null) {
          out = new LinkedHashMap<>();
        }
        out.put(entries.get(i).key(), entries.get(i).value().toJson());
      }
    }
    return out == null ? Map.of() : out;
  }
}
