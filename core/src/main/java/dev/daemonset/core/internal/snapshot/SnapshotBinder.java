package dev.daemonset.core.internal.snapshot;

import dev.daemonset.api.model.Condition;
import dev.daemonset.api.model.ControllerRevision;
import dev.daemonset.api.model.JsonValue;
import dev.daemonset.api.model.KubernetesObject;
import dev.daemonset.api.model.Node;
import dev.daemonset.api.model.NodeSelectorRequirement;
import dev.daemonset.api.model.NodeSelectorTerm;
import dev.daemonset.api.model.ObjectMeta;
import dev.daemonset.api.model.OwnerReference;
import dev.daemonset.api.model.Pod;
import dev.daemonset.api.model.PodSpec;
import dev.daemonset.api.model.PodStatus;
import dev.daemonset.api.model.Taint;
import dev.daemonset.core.internal.snapshot.Tokens.Token;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Binds Nodes, Pods and ControllerRevisions straight from {@link Tokens} into the model, keeping
 * only what {@link Slim} keeps and skipping everything else unread (managedFields, images,
 * container specs and statuses, ...).
 *
 * <p>It reads exactly what the full reader reads for the fields it keeps, where the full reader
 * reports nothing about them: the same lenient values ({@code null} is the zero value, a {@code
 * null} list item an empty object), the same timestamps and numbers. Where the full reader would
 * report something about a kept field (a wrong type, an invalid timestamp, a duplicate key, a
 * number out of range), or where the object's kind comes after another field, it throws {@link
 * Anomaly} and the caller reads the object with the full reader. Unknown and skipped fields are
 * never looked at: kubectl output of a newer server has fields this version does not know.
 *
 * <p>Not thread-safe: one per token stream.
 */
public final class SnapshotBinder {

  private static final BigInteger MIN_LONG = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger MAX_LONG = BigInteger.valueOf(Long.MAX_VALUE);

  private final Tokens tokens;
  private final Strings strings;
  private final int maxDepth;

  // Values that many objects of a cluster hold alike, shared: the labels of the pods of one
  // workload, their owner, the times of their conditions.
  private final Map<Map<String, String>, Map<String, String>> labelMaps = bounded();
  private final Map<List<OwnerReference>, List<OwnerReference>> ownerLists = bounded();
  private final Instant[] times = new Instant[1 << 12];

  /**
   * @param tokens the object's tokens
   * @param strings where kept strings are shared
   * @param maxDepth the deepest nesting kept as free JSON (a revision's data); deeper is an anomaly
   */
  public SnapshotBinder(Tokens tokens, Strings strings, int maxDepth) {
    this.tokens = tokens;
    this.strings = strings;
    this.maxDepth = maxDepth;
  }

  private static <K, V> Map<K, V> bounded() {
    return new LinkedHashMap<>(64, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > 256;
      }
    };
  }

  /**
   * True for the kinds bound here ({@code v1} Node and Pod, {@code apps/v1} ControllerRevision).
   */
  public static boolean binds(@Nullable String apiVersion, @Nullable String kind) {
    if (apiVersion == null || kind == null) {
      return false;
    }
    return switch (kind) {
      case "Node", "Pod" -> apiVersion.equals("v1");
      case "ControllerRevision" -> apiVersion.equals("apps/v1");
      default -> false;
    };
  }

  /**
   * Binds the object whose {@link Token#START_MAP} was just read: {@code apiVersion} and {@code
   * kind} come first (as kubectl writes them), then the rest.
   *
   * @throws Anomaly when another field comes first, for other kinds, and where the class comment
   *     says
   */
  public KubernetesObject object() {
    String apiVersion = null;
    String kind = null;
    while (true) {
      String key = nextKey();
      if (key != null && key.equals("apiVersion") && apiVersion == null) {
        apiVersion = str();
      } else if (key != null && key.equals("kind") && kind == null) {
        kind = str();
      } else if (apiVersion != null && kind != null && binds(apiVersion, kind)) {
        return bind(apiVersion, kind, key);
      } else {
        throw Anomaly.INSTANCE;
      }
    }
  }

  /**
   * Binds the rest of an object of a kind that {@link #binds}: its header has been read, and {@code
   * pending} is a key already read (null if the object's end was).
   */
  public KubernetesObject bind(String apiVersion, String kind, @Nullable String pending) {
    if (!binds(apiVersion, kind)) {
      throw Anomaly.INSTANCE;
    }
    return switch (kind) {
      case "Node" -> node(pending);
      case "Pod" -> pod(pending);
      default -> revision(pending);
    };
  }

  private Node node(@Nullable String pending) {
    ObjectMeta meta = ObjectMeta.EMPTY;
    boolean unschedulable = false;
    List<Taint> taints = List.of();
    int seen = 0;
    for (String key = pending; key != null; key = nextKey()) {
      switch (key) {
        case "metadata" -> {
          seen = once(seen, 1);
          meta = nodeMeta();
        }
        case "spec" -> {
          seen = once(seen, 2);
          if (map()) {
            int specSeen = 0;
            for (String k = nextKey(); k != null; k = nextKey()) {
              if (k.equals("unschedulable")) {
                specSeen = once(specSeen, 1);
                unschedulable = bool();
              } else if (k.equals("taints")) {
                specSeen = once(specSeen, 2);
                taints = taints();
              } else {
                tokens.skipValue();
              }
            }
          }
        }
        case "apiVersion", "kind" -> throw Anomaly.INSTANCE; // a duplicate
        default -> tokens.skipValue();
      }
    }
    return new Node(meta, unschedulable, taints, List.of(), Map.of(), Map.of(), Map.of());
  }

  private Pod pod(@Nullable String pending) {
    ObjectMeta meta = ObjectMeta.EMPTY;
    String nodeName = "";
    @Nullable List<NodeSelectorTerm> pinning = null;
    String phase = "";
    List<Condition> conditions = List.of();
    int seen = 0;
    for (String key = pending; key != null; key = nextKey()) {
      switch (key) {
        case "metadata" -> {
          seen = once(seen, 1);
          meta = meta();
        }
        case "spec" -> {
          seen = once(seen, 2);
          if (map()) {
            int specSeen = 0;
            for (String k = nextKey(); k != null; k = nextKey()) {
              if (k.equals("nodeName")) {
                specSeen = once(specSeen, 1);
                nodeName = strings.name(str());
              } else if (k.equals("affinity")) {
                specSeen = once(specSeen, 2);
                pinning = affinity();
              } else {
                tokens.skipValue();
              }
            }
          }
        }
        case "status" -> {
          seen = once(seen, 4);
          if (map()) {
            int statusSeen = 0;
            for (String k = nextKey(); k != null; k = nextKey()) {
              if (k.equals("phase")) {
                statusSeen = once(statusSeen, 1);
                phase = str();
              } else if (k.equals("conditions")) {
                statusSeen = once(statusSeen, 2);
                conditions = conditions();
              } else {
                tokens.skipValue();
              }
            }
          }
        }
        case "apiVersion", "kind" -> throw Anomaly.INSTANCE;
        default -> tokens.skipValue();
      }
    }
    PodSpec spec = PodSpec.EMPTY.withNodeName(nodeName);
    if (pinning != null) {
      spec = spec.withAffinity(Slim.pinning(pinning));
    }
    return new Pod(meta, spec, new PodStatus(phase, conditions, Map.of()), Map.of());
  }

  private ControllerRevision revision(@Nullable String pending) {
    ObjectMeta meta = ObjectMeta.EMPTY;
    long revision = 0;
    JsonValue data = JsonValue.NULL;
    int seen = 0;
    for (String key = pending; key != null; key = nextKey()) {
      switch (key) {
        case "metadata" -> {
          seen = once(seen, 1);
          meta = meta();
        }
        case "revision" -> {
          seen = once(seen, 2);
          revision = i64();
        }
        case "data" -> {
          seen = once(seen, 4);
          data = json(tokens.next(), 2); // the root object is depth 1
        }
        case "apiVersion", "kind" -> throw Anomaly.INSTANCE;
        default -> tokens.skipValue();
      }
    }
    return new ControllerRevision(meta, revision, data, Map.of());
  }

  private ObjectMeta meta() {
    if (!map()) {
      return ObjectMeta.EMPTY;
    }
    String name = "";
    String namespace = "";
    String uid = "";
    Map<String, String> labels = Map.of();
    List<OwnerReference> owners = List.of();
    Instant created = null;
    Instant deleted = null;
    int seen = 0;
    for (String key = nextKey(); key != null; key = nextKey()) {
      switch (key) {
        case "name" -> {
          seen = once(seen, 1);
          name = str();
        }
        case "namespace" -> {
          seen = once(seen, 2);
          namespace = str();
        }
        case "uid" -> {
          seen = once(seen, 4);
          uid = str();
        }
        case "labels" -> {
          seen = once(seen, 8);
          labels = labels();
        }
        case "ownerReferences" -> {
          seen = once(seen, 16);
          owners = owners();
        }
        case "creationTimestamp" -> {
          seen = once(seen, 32);
          created = time();
        }
        case "deletionTimestamp" -> {
          seen = once(seen, 64);
          deleted = time();
        }
        default -> tokens.skipValue();
      }
    }
    return new ObjectMeta(
        name, "", namespace, uid, "", 0, labels, Map.of(), owners, List.of(), created, deleted,
        null, Map.of());
  }

  /** Metadata as {@link #meta()} reads it, with a Node's name shared with its pods'. */
  private ObjectMeta nodeMeta() {
    ObjectMeta meta = meta();
    return meta.name().isEmpty() ? meta : meta.withName(strings.name(meta.name()));
  }

  private Map<String, String> labels() {
    if (!map()) {
      return Map.of();
    }
    Map<String, String> labels = new HashMap<>();
    for (String key = nextKey(); key != null; key = nextKey()) {
      if (labels.put(key, str()) != null) {
        throw Anomaly.INSTANCE; // a duplicate key
      }
    }
    Map<String, String> shared = labelMaps.get(labels);
    if (shared == null) {
      shared = ObjectMeta.EMPTY.withLabels(labels).labels(); // the model's own sorted copy
      labelMaps.put(shared, shared);
    }
    return shared;
  }

  private List<OwnerReference> owners() {
    if (!list()) {
      return List.of();
    }
    List<OwnerReference> owners = new ArrayList<>(1);
    for (Token t = tokens.next(); t != Token.END_LIST; t = tokens.next()) {
      String apiVersion = "";
      String kind = "";
      String name = "";
      String uid = "";
      Boolean controller = null;
      Boolean block = null;
      if (item(t)) {
        int seen = 0;
        for (String key = nextKey(); key != null; key = nextKey()) {
          switch (key) {
            case "apiVersion" -> {
              seen = once(seen, 1);
              apiVersion = str();
            }
            case "kind" -> {
              seen = once(seen, 2);
              kind = str();
            }
            case "name" -> {
              seen = once(seen, 4);
              name = str();
            }
            case "uid" -> {
              seen = once(seen, 8);
              uid = str();
            }
            case "controller" -> {
              seen = once(seen, 16);
              controller = optBool();
            }
            case "blockOwnerDeletion" -> {
              seen = once(seen, 32);
              block = optBool();
            }
            default -> tokens.skipValue();
          }
        }
      }
      owners.add(new OwnerReference(apiVersion, kind, name, uid, controller, block, Map.of()));
    }
    List<OwnerReference> shared = ownerLists.get(owners);
    if (shared == null) {
      shared = List.copyOf(owners); // the model keeps an immutable list as it is
      ownerLists.put(shared, shared);
    }
    return shared;
  }

  private List<Taint> taints() {
    if (!list()) {
      return List.of();
    }
    List<Taint> taints = new ArrayList<>(2);
    for (Token t = tokens.next(); t != Token.END_LIST; t = tokens.next()) {
      String key = "";
      String value = "";
      String effect = "";
      Instant added = null;
      if (item(t)) {
        int seen = 0;
        for (String k = nextKey(); k != null; k = nextKey()) {
          switch (k) {
            case "key" -> {
              seen = once(seen, 1);
              key = str();
            }
            case "value" -> {
              seen = once(seen, 2);
              value = str();
            }
            case "effect" -> {
              seen = once(seen, 4);
              effect = str();
            }
            case "timeAdded" -> {
              seen = once(seen, 8);
              added = time();
            }
            default -> tokens.skipValue();
          }
        }
      }
      taints.add(new Taint(key, value, effect, added));
    }
    return taints;
  }

  private List<Condition> conditions() {
    if (!list()) {
      return List.of();
    }
    List<Condition> conditions = new ArrayList<>(4);
    for (Token t = tokens.next(); t != Token.END_LIST; t = tokens.next()) {
      String type = "";
      String status = "";
      Instant since = null;
      String reason = "";
      String message = "";
      if (item(t)) {
        int seen = 0;
        for (String k = nextKey(); k != null; k = nextKey()) {
          switch (k) {
            case "type" -> {
              seen = once(seen, 1);
              type = str();
            }
            case "status" -> {
              seen = once(seen, 2);
              status = str();
            }
            case "lastTransitionTime" -> {
              seen = once(seen, 4);
              since = time();
            }
            case "reason" -> {
              seen = once(seen, 8);
              reason = str();
            }
            case "message" -> {
              seen = once(seen, 16);
              message = str();
            }
            default -> tokens.skipValue();
          }
        }
      }
      conditions.add(new Condition(type, status, since, reason, message, Map.of()));
    }
    return conditions;
  }

  /**
   * {@code spec.affinity}: the terms of its required node affinity (null when there are none to
   * keep), the one part of a pod's affinity that planning reads (the pinning of a daemon pod).
   */
  private @Nullable List<NodeSelectorTerm> affinity() {
    if (!map()) {
      return null;
    }
    List<NodeSelectorTerm> terms = null;
    int seen = 0;
    for (String key = nextKey(); key != null; key = nextKey()) {
      if (!key.equals("nodeAffinity")) {
        tokens.skipValue();
        continue;
      }
      seen = once(seen, 1);
      if (!map()) {
        continue;
      }
      int nodeSeen = 0;
      for (String k = nextKey(); k != null; k = nextKey()) {
        if (!k.equals("requiredDuringSchedulingIgnoredDuringExecution")) {
          tokens.skipValue();
          continue;
        }
        nodeSeen = once(nodeSeen, 1);
        if (!map()) {
          continue;
        }
        terms = List.of();
        int requiredSeen = 0;
        for (String r = nextKey(); r != null; r = nextKey()) {
          if (r.equals("nodeSelectorTerms")) {
            requiredSeen = once(requiredSeen, 1);
            terms = terms();
          } else {
            tokens.skipValue();
          }
        }
      }
    }
    return terms;
  }

  private List<NodeSelectorTerm> terms() {
    if (!list()) {
      return List.of();
    }
    List<NodeSelectorTerm> terms = new ArrayList<>(1);
    for (Token t = tokens.next(); t != Token.END_LIST; t = tokens.next()) {
      List<NodeSelectorRequirement> expressions = List.of();
      List<NodeSelectorRequirement> fields = List.of();
      if (item(t)) {
        int seen = 0;
        for (String k = nextKey(); k != null; k = nextKey()) {
          if (k.equals("matchExpressions")) {
            seen = once(seen, 1);
            expressions = requirements();
          } else if (k.equals("matchFields")) {
            seen = once(seen, 2);
            fields = requirements();
          } else {
            tokens.skipValue();
          }
        }
      }
      terms.add(new NodeSelectorTerm(expressions, fields));
    }
    return terms;
  }

  private List<NodeSelectorRequirement> requirements() {
    if (!list()) {
      return List.of();
    }
    List<NodeSelectorRequirement> out = new ArrayList<>(1);
    for (Token t = tokens.next(); t != Token.END_LIST; t = tokens.next()) {
      String key = "";
      String operator = "";
      List<String> values = List.of();
      if (item(t)) {
        int seen = 0;
        for (String k = nextKey(); k != null; k = nextKey()) {
          switch (k) {
            case "key" -> {
              seen = once(seen, 1);
              key = str();
            }
            case "operator" -> {
              seen = once(seen, 2);
              operator = str();
            }
            case "values" -> {
              seen = once(seen, 4);
              values = strList().stream().map(strings::name).toList();
            }
            default -> tokens.skipValue();
          }
        }
      }
      out.add(new NodeSelectorRequirement(key, operator, values));
    }
    return out;
  }

  /** A list of strings; {@code null} items are dropped, as the full reader drops them. */
  private List<String> strList() {
    if (!list()) {
      return List.of();
    }
    List<String> out = new ArrayList<>(1);
    for (Token t = tokens.next(); t != Token.END_LIST; t = tokens.next()) {
      if (t == Token.STRING) {
        out.add(strings.of(tokens.text()));
      } else if (t != Token.NULL) {
        throw Anomaly.INSTANCE;
      }
    }
    return out;
  }

  /** Free JSON (a revision's data), from its first token, as the full reader's tree gives it. */
  private JsonValue json(Token first, int depth) {
    return switch (first) {
      case STRING -> JsonValue.of(tokens.text());
      case NUMBER -> new JsonValue.Num(tokens.text());
      case TRUE -> JsonValue.of(true);
      case FALSE -> JsonValue.of(false);
      case NULL -> JsonValue.NULL;
      case START_LIST -> {
        checkDepth(depth);
        List<JsonValue> items = new ArrayList<>();
        for (Token t = tokens.next(); t != Token.END_LIST; t = tokens.next()) {
          items.add(json(t, depth + 1));
        }
        yield new JsonValue.Arr(items);
      }
      case START_MAP -> {
        checkDepth(depth);
        Map<String, JsonValue> members = new LinkedHashMap<>();
        for (String key = nextKey(); key != null; key = nextKey()) {
          if (members.put(key, json(tokens.next(), depth + 1)) != null) {
            throw Anomaly.INSTANCE;
          }
        }
        yield new JsonValue.Obj(members);
      }
      default -> throw Anomaly.INSTANCE;
    };
  }

  private void checkDepth(int depth) {
    if (depth > maxDepth) {
      throw Anomaly.INSTANCE; // the full reader reports the nesting
    }
  }

  // ---- values of the kept fields: exactly what the full reader's lenient getters give ----

  /** The next key of the current map, or null at its end. */
  private @Nullable String nextKey() {
    Token t = tokens.next();
    if (t == Token.KEY) {
      return tokens.key();
    }
    if (t == Token.END_MAP) {
      return null;
    }
    throw Anomaly.INSTANCE;
  }

  /**
   * Marks a field as seen; a field seen twice is a duplicate key, which the full reader reports.
   */
  private static int once(int seen, int bit) {
    if ((seen & bit) != 0) {
      throw Anomaly.INSTANCE;
    }
    return seen | bit;
  }

  /** Starts a map value: true for a map, false for null (an empty object). */
  private boolean map() {
    Token t = tokens.next();
    if (t == Token.START_MAP) {
      return true;
    }
    if (t == Token.NULL) {
      return false;
    }
    throw Anomaly.INSTANCE;
  }

  /** Starts a list value: true for a list, false for null (an empty list). */
  private boolean list() {
    Token t = tokens.next();
    if (t == Token.START_LIST) {
      return true;
    }
    if (t == Token.NULL) {
      return false;
    }
    throw Anomaly.INSTANCE;
  }

  /** A list item of objects: true for a map, false for null (an object with every field zero). */
  private static boolean item(Token t) {
    if (t == Token.START_MAP) {
      return true;
    }
    if (t == Token.NULL) {
      return false;
    }
    throw Anomaly.INSTANCE;
  }

  private String str() {
    Token t = tokens.next();
    if (t == Token.STRING) {
      return strings.of(tokens.text());
    }
    if (t == Token.NULL) {
      return "";
    }
    throw Anomaly.INSTANCE;
  }

  private boolean bool() {
    Boolean b = optBool();
    return b != null && b;
  }

  private @Nullable Boolean optBool() {
    return switch (tokens.next()) {
      case TRUE -> Boolean.TRUE;
      case FALSE -> Boolean.FALSE;
      case NULL -> null;
      default -> throw Anomaly.INSTANCE;
    };
  }

  private @Nullable Instant time() {
    Token t = tokens.next();
    if (t == Token.NULL) {
      return null;
    }
    if (t != Token.STRING) {
      throw Anomaly.INSTANCE;
    }
    Instant parsed = Times.parse(tokens.text());
    if (parsed == null) {
      throw Anomaly.INSTANCE; // not RFC 3339: the full reader says so
    }
    long seconds = parsed.getEpochSecond();
    int slot = (int) (seconds ^ (seconds >>> 29)) & (times.length - 1);
    Instant known = times[slot];
    if (parsed.equals(known)) {
      return known;
    }
    times[slot] = parsed;
    return parsed;
  }

  /** An integer in the int64 range, as the full reader takes one; null is 0. */
  private long i64() {
    Token t = tokens.next();
    if (t == Token.NULL) {
      return 0;
    }
    if (t != Token.NUMBER) {
      throw Anomaly.INSTANCE;
    }
    String literal = tokens.text();
    if (literal.indexOf('.') >= 0 || literal.indexOf('e') >= 0 || literal.indexOf('E') >= 0) {
      throw Anomaly.INSTANCE;
    }
    BigInteger b = new BigInteger(literal);
    if (b.compareTo(MIN_LONG) < 0 || b.compareTo(MAX_LONG) > 0) {
      throw Anomaly.INSTANCE;
    }
    return new BigDecimal(literal).longValue();
  }
}
