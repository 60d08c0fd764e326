package dev.daemonset.core.internal.rules;

import dev.daemonset.api.model.ObjectMeta;
import dev.daemonset.api.model.OwnerReference;
import dev.daemonset.core.internal.validation.Formats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Object metadata, labels and annotations: apimachinery's {@code ValidateObjectMetaAccessor},
 * {@code ValidateLabels}, {@code ValidateAnnotations}, owner references and finalizers, core's
 * finalizer-name check, and {@code ValidateObjectMetaAccessorUpdate} (rules R1–R13, R64–R67).
 */
final class MetaRules {
  private MetaRules() {}

  static final long TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;
  private static final Set<String> STANDARD_FINALIZERS =
      Set.of("kubernetes", "orphan", "foregroundDeletion");

  /**
   * {@code ValidateObjectMeta} for a namespaced object named by a DNS subdomain. An empty namespace
   * is taken as "filled in from the request", as kubectl does (R4 never fires for manifests).
   */
  static void objectMeta(ObjectMeta meta, String path, Errors e) {
    if (!meta.generateName().isEmpty()) {
      e.eachInvalid(
          path + ".generateName",
          meta.generateName(),
          Formats.nameIsDnsSubdomain(meta.generateName(), true));
    }
    if (meta.name().isEmpty()) {
      if (meta.generateName().isEmpty()) {
        e.required(path + ".name", "name or generateName is required");
      }
    } else {
      e.eachInvalid(path + ".name", meta.name(), Formats.nameIsDnsSubdomain(meta.name(), false));
    }
    if (!meta.namespace().isEmpty()) {
      e.eachInvalid(path + ".namespace", meta.namespace(), Formats.dns1123Label(meta.namespace()));
    }
    e.nonNegative(meta.generation(), path + ".generation");
    labels(meta.labels(), path + ".labels", path + ".labels", e);
    annotations(meta.annotations(), path + ".annotations", path + ".annotations", e);
    ownerReferences(meta.ownerReferences(), path + ".ownerReferences", e);
    finalizers(meta.finalizers(), path + ".finalizers", e);
    for (int i = 0; i < meta.finalizers().size(); i++) {
      kubeFinalizerName(meta.finalizers().get(i), path + ".finalizers[" + i + "]", e);
    }
  }

  /**
   * {@code ValidateLabels}: errors on the map's path (no key), positioned on the offending entry of
   * {@code source} (the written map, which may differ from the rendered path).
   */
  static void labels(Map<String, String> labels, String path, String source, Errors e) {
    labels.forEach(
        (k, v) -> {
          String entry = source + "[" + k + "]";
          for (String msg : Formats.qualifiedName(k)) {
            e.invalid(path, Render.goQuote(k), msg, entry, true);
          }
          for (String msg : Formats.labelValue(v)) {
            e.invalid(path, Render.goQuote(v), msg, entry, false);
          }
        });
  }

  private static long totalBytes(Map<String, String> annotations) {
    long total = 0;
    for (Map.Entry<String, String> a : annotations.entrySet()) {
      total += Formats.byteLength(a.getKey()) + Formats.byteLength(a.getValue());
    }
    return total;
  }

  /** {@code ValidateAnnotations}: keys are qualified names once lower-cased; 256 KiB in total. */
  static void annotations(Map<String, String> annotations, String path, String source, Errors e) {
    long atMost = 0; // three bytes per char at most: count bytes only when that could be too many
    for (Map.Entry<String, String> a : annotations.entrySet()) {
      for (String msg : Formats.annotationKey(a.getKey())) {
        e.invalid(path, Render.goQuote(a.getKey()), msg, source + "[" + a.getKey() + "]", true);
      }
      atMost += 3L * (a.getKey().length() + a.getValue().length());
    }
    if (atMost > TOTAL_ANNOTATION_SIZE_LIMIT
        && totalBytes(annotations) > TOTAL_ANNOTATION_SIZE_LIMIT) {
      // TooLong never shows the value; 1.34+ says "byte" only for a limit of 1
      e.add(
          ErrorType.TOO_LONG,
          path,
          "Too long: may not be more than " + TOTAL_ANNOTATION_SIZE_LIMIT + " bytes",
          source,
          true);
    }
  }

  private static void ownerReferences(List<OwnerReference> refs, String path, Errors e) {
    String firstController = "";
    for (int i = 0; i < refs.size(); i++) {
      OwnerReference ref = refs.get(i);
      String[] gv = groupVersion(ref.apiVersion());
      String version = gv == null ? "" : gv[1];
      String kind = ref.kind();
      String loc = path + "[" + i + "]";
      if (version.isEmpty()) {
        e.invalid(
            path + ".apiVersion",
            Render.goQuote(ref.apiVersion()),
            "version must not be empty",
            loc + ".apiVersion",
            false);
      }
      if (kind.isEmpty()) {
        e.invalid(
            path + ".kind", Render.goQuote(ref.kind()), "must not be empty", loc + ".kind", false);
      }
      if (ref.name().isEmpty()) {
        e.invalid(
            path + ".name", Render.goQuote(ref.name()), "must not be empty", loc + ".name", false);
      }
      if (ref.uid().isEmpty()) {
        e.invalid(
            path + ".uid", Render.goQuote(ref.uid()), "must not be empty", loc + ".uid", false);
      }
      if (gv != null && gv[0].isEmpty() && "v1".equals(version) && "Event".equals(kind)) {
        e.invalid(
            path,
            ownerReferenceJson(ref),
            "/v1, Kind=Event is disallowed from being an owner",
            loc,
            false);
      }
      if (ref.isController()) {
        String current = ref.kind() + "/" + ref.name();
        if (!firstController.isEmpty()) {
          e.invalid(
              path,
              ownerReferencesJson(refs),
              "Only one reference can have Controller set to true. Found \"true\" in references for "
                  + firstController
                  + " and "
                  + current,
              loc,
              false);
        } else {
          firstController = current;
        }
      }
    }
  }

  /** {@code schema.ParseGroupVersion}: {group, version}, or null when it does not parse. */
  private static String @org.jspecify.annotations.Nullable [] groupVersion(String apiVersion) {
    if (apiVersion.isEmpty()) {
      return new String[] {"", ""};
    }
    int slash = apiVersion.indexOf('/');
    if (slash < 0) {
      return new String[] {"", apiVersion};
    }
    if (apiVersion.indexOf('/', slash + 1) >= 0) {
      return null;
    }
    return new String[] {apiVersion.substring(0, slash), apiVersion.substring(slash + 1)};
  }

  private static String ownerReferenceJson(OwnerReference r) {
    StringBuilder b =
        new StringBuilder("{\"apiVersion\":")
            .append(Render.jsonString(r.apiVersion()))
            .append(",\"kind\":")
            .append(Render.jsonString(r.kind()))
            .append(",\"name\":")
            .append(Render.jsonString(r.name()))
            .append(",\"uid\":")
            .append(Render.jsonString(r.uid()));
    if (r.controller() != null) {
      b.append(",\"controller\":").append(r.controller());
    }
    if (r.blockOwnerDeletion() != null) {
      b.append(",\"blockOwnerDeletion\":").append(r.blockOwnerDeletion());
    }
    return b.append('}').toString();
  }

  private static String ownerReferencesJson(List<OwnerReference> refs) {
    List<String> parts = new ArrayList<>();
    refs.forEach(r -> parts.add(ownerReferenceJson(r)));
    return "[" + String.join(",", parts) + "]";
  }

  /**
   * apimachinery {@code ValidateFinalizers}: qualified names (path without index), orphan vs
   * foreground.
   */
  private static void finalizers(List<String> finalizers, String path, Errors e) {
    for (int i = 0; i < finalizers.size(); i++) {
      String f = finalizers.get(i);
      for (String msg : Formats.qualifiedName(f)) {
        e.invalid(path, Render.goQuote(f), msg, path + "[" + i + "]", false);
      }
    }
    if (finalizers.contains("orphan") && finalizers.contains("foregroundDeletion")) {
      e.invalid(
          path,
          Render.json(finalizers),
          "finalizer orphan and foregroundDeletion cannot be both set");
    }
  }

  /**
   * Core {@code validateKubeFinalizerName}: the qualified-name errors again, or the standard-name
   * rule.
   */
  private static void kubeFinalizerName(String f, String path, Errors e) {
    List<String> msgs = Formats.qualifiedName(f);
    if (!msgs.isEmpty()) {
      e.eachInvalid(path, f, msgs);
    } else if (f.indexOf('/') < 0 && !STANDARD_FINALIZERS.contains(f)) {
      e.invalid(
          path,
          Render.goQuote(f),
          "name is neither a standard finalizer name nor is it fully qualified");
    }
  }

  /**
   * {@code ValidateObjectMetaAccessorUpdate} (R64–R67, then labels, annotations and owners again).
   */
  static void objectMetaUpdate(ObjectMeta now, ObjectMeta old, String path, Errors e) {
    if (old.isDeleting()) {
      Set<String> added = new TreeSet<>(now.finalizers());
      added.removeAll(old.finalizers());
      if (!added.isEmpty()) {
        List<String> quoted = new ArrayList<>();
        added.forEach(f -> quoted.add(Render.goQuote(f)));
        e.forbidden(
            path + ".finalizers",
            "no new finalizers can be added if the object is being deleted, found new finalizers []string{"
                + String.join(", ", quoted)
                + "}");
      }
    }
    if (now.resourceVersion().isEmpty()) {
      e.invalid(path + ".resourceVersion", Render.goQuote(""), "must be specified for an update");
    }
    if (now.generation() < old.generation()) {
      e.invalid(path + ".generation", Long.toString(now.generation()), "must not be decremented");
    }
    immutable(now.name(), old.name(), path + ".name", Render.goQuote(now.name()), e);
    immutable(
        now.namespace(), old.namespace(), path + ".namespace", Render.goQuote(now.namespace()), e);
    immutable(now.uid(), old.uid(), path + ".uid", Render.jsonString(now.uid()), e);
    immutable(
        now.creationTimestamp(),
        old.creationTimestamp(),
        path + ".creationTimestamp",
        time(now.creationTimestamp()),
        e);
    immutable(
        now.deletionTimestamp(),
        old.deletionTimestamp(),
        path + ".deletionTimestamp",
        time(now.deletionTimestamp()),
        e);
    Long grace = now.deletionGracePeriodSeconds();
    immutable(
        grace,
        old.deletionGracePeriodSeconds(),
        path + ".deletionGracePeriodSeconds",
        grace == null ? "null" : grace.toString(),
        e);
    labels(now.labels(), path + ".labels", path + ".labels", e);
    annotations(now.annotations(), path + ".annotations", path + ".annotations", e);
    ownerReferences(now.ownerReferences(), path + ".ownerReferences", e);
  }

  /** A metav1.Time is a Stringer: Go's time format, or null. */
  private static String time(@org.jspecify.annotations.Nullable Instant t) {
    if (t == null) {
      return "null";
    }
    return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(java.time.ZoneOffset.UTC)
            .format(t)
        + " +0000 UTC";
  }

  static void immutable(
      @org.jspecify.annotations.Nullable Object now,
      @org.jspecify.annotations.Nullable Object old,
      String path,
      String rendered,
      Errors e) {
    if (!Objects.equals(now, old)) {
      e.invalid(path, rendered, Formats.IMMUTABLE);
    }
  }
}
