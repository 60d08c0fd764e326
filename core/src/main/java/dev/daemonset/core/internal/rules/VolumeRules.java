package dev.daemonset.core.internal.rules;

import static dev.daemonset.core.internal.rules.Views.string;
import static java.util.Objects.requireNonNull;

import dev.daemonset.api.model.JsonValue;
import dev.daemonset.api.model.Volume;
import dev.daemonset.api.model.VolumeMount;
import dev.daemonset.core.internal.quantity.Quantity;
import dev.daemonset.core.internal.validation.Formats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Volumes and volume mounts, from core's {@code validation.go}: {@code ValidateVolumes}, {@code
 * validateVolumeSource} (one source per volume), {@code validateHostPathVolumeSource}, {@code
 * validateSecretVolumeSource}, {@code validateConfigMapVolumeSource}, {@code validateKeyToPath},
 * {@code ValidateVolumeMounts}, {@code validateMountPropagation}, {@code
 * validateMountRecursiveReadOnly} and {@code validateLocalDescendingPath}.
 */
final class VolumeRules {
  private VolumeRules() {}

  static final List<String> VOLUME_SOURCES =
      List.of(
          "emptyDir",
          "hostPath",
          "gitRepo",
          "gcePersistentDisk",
          "awsElasticBlockStore",
          "secret",
          "nfs",
          "iscsi",
          "glusterfs",
          "flocker",
          "persistentVolumeClaim",
          "rbd",
          "cinder",
          "cephfs",
          "quobyte",
          "downwardAPI",
          "fc",
          "flexVolume",
          "configMap",
          "azureFile",
          "vsphereVolume",
          "photonPersistentDisk",
          "portworxVolume",
          "azureDisk",
          "storageos",
          "projected",
          "scaleIO",
          "csi",
          "ephemeral",
          "image");

  /** Each volume source's position in {@link #VOLUME_SOURCES}. */
  private static final Map<String, Integer> SOURCE_ORDER = order(VOLUME_SOURCES);

  private static Map<String, Integer> order(List<String> sources) {
    Map<String, Integer> order = new HashMap<>();
    for (int i = 0; i < sources.size(); i++) {
      order.put(sources.get(i), i);
    }
    return Map.copyOf(order);
  }

  /**
   * The volume sources {@code v} sets, in {@link #VOLUME_SOURCES}' order (upstream's: it decides
   * which one is validated and which are reported as extra). Found from the volume's few untyped
   * fields rather than by asking for each of the thirty sources.
   */
  private static List<String> sourcesOf(Volume v) {
    List<String> found = new ArrayList<>(1);
    for (String key : v.other().keySet()) {
      if (SOURCE_ORDER.containsKey(key)) {
        found.add(key);
      }
    }
    if (found.size() > 1) {
      found.sort(Comparator.comparingInt(SOURCE_ORDER::get));
    }
    return found;
  }

  /** Upstream names two sources differently in the "more than 1 volume type" path. */
  private static final Map<String, String> FORBIDDEN_SOURCE_PATH =
      Map.of("cephfs", "cephFS", "downwardAPI", "downwarAPI");

  /** {@code ValidateVolumes}: answers the names of the volumes that validated. */
  static Set<String> volumes(List<Volume> volumes, String path, Errors e) {
    Set<String> names = new HashSet<>();
    for (int i = 0; i < volumes.size(); i++) {
      Volume v = volumes.get(i);
      String p = path + "[" + i + "]";
      int before = e.size();
      int sources = 0;
      for (String source : sourcesOf(v)) {
        if (sources == 0) {
          volumeSource(source, requireNonNull(v.other().get(source), source), p + "." + source, e);
        }
        if (sources++ > 0) {
          String child = FORBIDDEN_SOURCE_PATH.getOrDefault(source, source);
          e.add(
              ErrorType.FORBIDDEN,
              p + "." + child,
              "Forbidden: may not specify more than 1 volume type",
              p + "." + source,
              true);
        }
      }
      if (sources == 0) {
        e.required(p, "must specify a volume type");
      }
      if (v.name().isEmpty()) {
        e.required(p + ".name", "");
      } else {
        e.eachInvalid(p + ".name", v.name(), Formats.dns1123Label(v.name()));
      }
      if (names.contains(v.name())) {
        e.duplicate(p + ".name", Render.goQuote(v.name()));
      }
      if (e.size() == before) {
        names.add(v.name());
      }
    }
    return names;
  }

  private static final String FILE_MODE =
      "must be a number between 0 and 0777 (octal), both inclusive";

  /**
   * {@code validateVolumeSource} for the one source a volume may have; only emptyDir ({@code
   * sizeLimit}), {@code validateHostPathVolumeSource} (with {@code validatePathNoBacksteps} and
   * {@code validateHostPathType}), {@code validateSecretVolumeSource} and {@code
   * validateConfigMapVolumeSource} have checks of their own here.
   */
  private static void volumeSource(String source, JsonValue v, String path, Errors e) {
    Map<String, JsonValue> m = v.members();
    switch (source) {
      case "emptyDir" -> {
        JsonValue limit = m.get("sizeLimit");
        if (limit != null
            && Quantity.parse(string(limit)).map(Quantity::isNegative).orElse(false)) {
          e.forbidden(path + ".sizeLimit", "SizeLimit field must be a valid resource quantity");
        }
      }
      case "hostPath" -> {
        String hostPath = string(m.get("path"));
        if (hostPath.isEmpty()) {
          e.required(path + ".path", "");
          return;
        }
        for (String part : hostPath.split("/", -1)) {
          if (part.equals("..")) {
            e.invalid(path + ".path", Render.goQuote(hostPath), "must not contain '..'");
            break;
          }
        }
        String type = string(m.get("type"));
        List<String> types =
            List.of(
                "",
                "BlockDevice",
                "CharDevice",
                "Directory",
                "DirectoryOrCreate",
                "File",
                "FileOrCreate",
                "Socket");
        if (!types.contains(type)) {
          e.notSupported(path + ".type", Render.jsonString(type), types.toArray(String[]::new));
        }
      }
      case "secret", "configMap" -> {
        String nameField = source.equals("secret") ? "secretName" : "name";
        if (string(m.get(nameField)).isEmpty()) {
          e.required(path + "." + nameField, "");
        }
        fileMode(m.get("defaultMode"), path + ".defaultMode", e);
        List<JsonValue> items = m.getOrDefault("items", JsonValue.NULL).elements();
        for (int i = 0; i < items.size(); i++) {
          keyToPath(items.get(i), path + ".items[" + i + "]", e);
        }
      }
      default -> {}
    }
  }

  private static void fileMode(
      @org.jspecify.annotations.Nullable JsonValue mode, String path, Errors e) {
    if (mode instanceof JsonValue.Num n
        && (n.decimal().signum() < 0 || n.decimal().intValue() > 0777)) {
      e.invalid(path, n.toString(), FILE_MODE);
    }
  }

  /** {@code validateKeyToPath}. */
  private static void keyToPath(JsonValue item, String path, Errors e) {
    Map<String, JsonValue> m = item.members();
    if (string(m.get("key")).isEmpty()) {
      e.required(path + ".key", "");
    }
    String p = string(m.get("path"));
    if (p.isEmpty()) {
      e.required(path + ".path", "");
    } else {
      localDescendingPath(p, path + ".path", path + ".path", e);
      if (p.startsWith("..") && !p.startsWith("../")) {
        e.invalid(path + ".path", Render.goQuote(p), "must not start with '..'");
      }
    }
    fileMode(m.get("mode"), path + ".mode", e);
  }

  /** {@code ValidateVolumeMounts}: names, mount paths, sub-paths, propagation, read-only mode. */
  static void volumeMounts(
      List<VolumeMount> mounts, Set<String> volumes, boolean privileged, String path, Errors e) {
    Set<String> mountPoints = new HashSet<>();
    for (int i = 0; i < mounts.size(); i++) {
      VolumeMount m = mounts.get(i);
      String p = path + "[" + i + "]";
      if (m.name().isEmpty()) {
        e.required(p + ".name", "");
      }
      if (!volumes.contains(m.name())) {
        e.notFound(p + ".name", Render.goQuote(m.name()));
      }
      if (m.mountPath().isEmpty()) {
        e.required(p + ".mountPath", "");
      }
      if (!mountPoints.add(m.mountPath())) {
        e.invalid(p + ".mountPath", Render.goQuote(m.mountPath()), "must be unique");
      }
      Views.Mount extras = Views.Mount.of(m);
      String subPath = extras.subPath();
      String subPathExpr = extras.subPathExpr();
      localDescendingPath(subPath, path + ".subPath", p + ".subPath", e);
      if (!subPathExpr.isEmpty()) {
        if (!subPath.isEmpty()) {
          e.invalid(
              p + ".subPathExpr",
              Render.goQuote(subPathExpr),
              "subPathExpr and subPath are mutually exclusive");
        }
        localDescendingPath(subPathExpr, path + ".subPathExpr", p + ".subPathExpr", e);
      }
      String propagation = extras.propagation();
      if (extras.propagationSet()
          && !List.of("Bidirectional", "HostToContainer", "None").contains(propagation)) {
        e.add(
            ErrorType.NOT_SUPPORTED,
            path + ".mountPropagation",
            "Unsupported value: "
                + Render.jsonString(propagation)
                + ": supported values: "
                + Render.supported("Bidirectional", "HostToContainer", "None"),
            p + ".mountPropagation",
            false);
      }
      if (propagation.equals("Bidirectional") && !privileged) {
        e.add(
            ErrorType.FORBIDDEN,
            path + ".mountPropagation",
            "Forbidden: Bidirectional mount propagation is available only to privileged containers",
            p + ".mountPropagation",
            false);
      }
      String rro = extras.recursiveReadOnly();
      if (extras.recursiveReadOnlySet()) {
        String rp = path + ".recursiveReadOnly";
        switch (rro) {
          case "Disabled" -> {}
          case "IfPossible", "Enabled" -> {
            if (!m.readOnly()) {
              e.add(
                  ErrorType.FORBIDDEN,
                  rp,
                  "Forbidden: may only be specified when readOnly is true",
                  p + ".recursiveReadOnly",
                  false);
            }
            if (!propagation.isEmpty() && !propagation.equals("None")) {
              e.add(
                  ErrorType.FORBIDDEN,
                  rp,
                  "Forbidden: may only be specified when mountPropagation is None or not specified",
                  p + ".recursiveReadOnly",
                  false);
            }
          }
          default ->
              e.add(
                  ErrorType.NOT_SUPPORTED,
                  rp,
                  "Unsupported value: "
                      + Render.jsonString(rro)
                      + ": supported values: "
                      + Render.supported("Disabled", "Enabled", "IfPossible"),
                  p + ".recursiveReadOnly",
                  false);
        }
      }
    }
  }

  /** {@code validateLocalDescendingPath}: relative, and no {@code ..} element. */
  static void localDescendingPath(String value, String path, String locate, Errors e) {
    if (value.isEmpty()) {
      return;
    }
    if (value.startsWith("/")) {
      e.invalid(path, Render.goQuote(value), "must be a relative path", locate, false);
    }
    for (String part : value.split("/", -1)) {
      if (part.equals("..")) {
        e.invalid(path, Render.goQuote(value), "must not contain '..'", locate, false);
        break;
      }
    }
  }
}
