package dev.daemonset.core.internal.bind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Derives {@code schema.json} from the kubernetes/api round-trip fixtures, which set every field of
 * a type once with placeholder values. The rules:
 *
 * <ul>
 *   <li>an object whose only key is {@code <field>Key} is a free-keyed map of that field (the
 *       fixtures name map keys that way: {@code labels: {labelsKey: labelsValue}});
 *   <li>an empty object is free JSON ({@code any}: managedFields' fieldsV1);
 *   <li>a string {@code "0"} is a quantity, an RFC 3339 string a timestamp;
 *   <li>the int-or-string fields (the fixtures give them a string) are named in {@link
 *       #INT_OR_STRING} by their last two path segments;
 *   <li>an integer field is {@code int32} when its name is in {@link #INT32} (the fixtures write
 *       every integer alike; the Go type comes from types.go), else {@code integer} (int64);
 *   <li>ControllerRevision has no fixture: it is ObjectMeta plus {@code data} (a RawExtension,
 *       {@code any}) and {@code revision} (int64), from apps/v1 types.go.
 * </ul>
 */
final class SchemaDerivation {
  private SchemaDerivation() {}

  static final String SOURCE =
      "derived from kubernetes/api testdata (commit 10b39a39bcee, HEAD), Apache-2.0; see README.md";

  static final Set<String> INT_OR_STRING =
      Set.of(
          "httpGet.port",
          "tcpSocket.port",
          "rollingUpdate.maxUnavailable",
          "rollingUpdate.maxSurge");

  /**
   * The json names of the int32 fields of core/v1, apps/v1 and meta/v1 types.go (Kubernetes 1.35).
   * No name here is an int64 field in the four kinds' schemas ({@code timeoutSeconds} is int64 only
   * in ListOptions, which no kind embeds).
   */
  static final Set<String> INT32 =
      Set.of(
          "Port",
          "availableReplicas",
          "collisionCount",
          "containerPort",
          "currentNumberScheduled",
          "defaultMode",
          "desiredNumberScheduled",
          "exitCode",
          "failureThreshold",
          "hostPort",
          "initialDelaySeconds",
          "lun",
          "maxSkew",
          "minDomains",
          "minReadySeconds",
          "mode",
          "numberAvailable",
          "numberMisscheduled",
          "numberReady",
          "numberUnavailable",
          "periodSeconds",
          "port",
          "priority",
          "restartCount",
          "revisionHistoryLimit",
          "signal",
          "successThreshold",
          "timeoutSeconds",
          "updatedNumberScheduled",
          "weight");

  private static final Pattern TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  static ObjectNode derive(Path fixtures) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode kinds = F.objectNode();
    JsonNode ds = mapper.readTree(Files.readString(fixtures.resolve("apps.v1.DaemonSet.json")));
    kinds.set("apps/v1/DaemonSet", type(ds, "", ""));
    kinds.set(
        "v1/Node",
        type(mapper.readTree(Files.readString(fixtures.resolve("core.v1.Node.json"))), "", ""));
    kinds.set(
        "v1/Pod",
        type(mapper.readTree(Files.readString(fixtures.resolve("core.v1.Pod.json"))), "", ""));
    ObjectNode cr = F.objectNode();
    cr.put("kind", "string");
    cr.put("apiVersion", "string");
    cr.set("metadata", type(ds.get("metadata"), "metadata", ""));
    cr.put("data", "any");
    cr.put("revision", "integer");
    kinds.set("apps/v1/ControllerRevision", cr);
    ObjectNode root = F.objectNode();
    root.put("source", SOURCE);
    root.set("kinds", kinds);
    return root;
  }

  private static JsonNode type(JsonNode v, String field, String parent) {
    if (v.isObject()) {
      if (v.isEmpty()) {
        return TextNode.valueOf("any");
      }
      if (v.size() == 1 && v.has(field + "Key")) {
        ObjectNode map = F.objectNode();
        map.set("*", type(v.get(field + "Key"), field, parent));
        return map;
      }
      ObjectNode struct = F.objectNode();
      for (Map.Entry<String, JsonNode> e : v.properties()) {
        struct.set(e.getKey(), type(e.getValue(), e.getKey(), field));
      }
      return struct;
    }
    if (v.isArray()) {
      ArrayNode list = F.arrayNode();
      list.add(type(v.get(0), field, parent));
      return list;
    }
    if (v.isTextual()) {
      if (INT_OR_STRING.contains(parent + "." + field)) {
        return TextNode.valueOf("int-or-string");
      }
      if (v.asText().equals("0")) {
        return TextNode.valueOf("quantity");
      }
      return TextNode.valueOf(TIME.matcher(v.asText()).matches() ? "time" : "string");
    }
    if (v.isBoolean()) {
      return TextNode.valueOf("boolean");
    }
    if (v.isIntegralNumber()) {
      return TextNode.valueOf(INT32.contains(field) ? "int32" : "integer");
    }
    if (v.isNumber()) {
      return TextNode.valueOf("number");
    }
    return TextNode.valueOf("any");
  }
}
