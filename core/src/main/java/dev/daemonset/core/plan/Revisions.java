package dev.daemonset.core.plan;

import dev.daemonset.api.model.ControllerRevision;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.model.JsonValue;
import dev.daemonset.api.model.PodTemplateSpec;
import dev.daemonset.api.plan.Plan.HashSource;
import dev.daemonset.api.plan.PlanOptions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The current revision hash (E1, E2 of src/spec/controller-semantics.md, and our decision in the
 * "Planner decisions" in docs/planner.md).
 *
 * <ol>
 *   <li>A ControllerRevision of the DaemonSet (claimed like pods: controlled by it, or an orphan
 *       whose labels match the selector) whose data equals the template, compared in {@link
 *       CanonicalJson} normal form after dropping upstream's {@code "$patch": "replace"} marker; of
 *       several, the highest revision number (then the greatest name, then the greatest hash). Its
 *       {@code controller-revision-hash} label, or its name when the label is missing, is the hash,
 *       as upstream's {@code constructHistory} reads it.
 *   <li>Else {@link PlanOptions#currentRevisionHash()}.
 *   <li>Else our own stable hash: 32-bit FNV-1a over the UTF-8 bytes of the template's canonical
 *       JSON text ({@link CanonicalJson#text}), the unsigned sum in decimal, each digit mapped to
 *       upstream's {@code SafeEncodeString} alphabet {@code bcdfghjklmnpqrstvwxz2456789}. It has
 *       upstream's shape but not upstream's value (that one hashes a Go-specific object dump).
 * </ol>
 */
final class Revisions {
  private static final String SAFE_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

  private Revisions() {}

  /** The current hash and where it came from. */
  record Current(String hash, HashSource source) {}

  /**
   * The current hash of {@code ds} (defaulted, as the controller sees it). A revision matches when
   * its template equals the defaulted template (what the API server stores) or the template as
   * written ({@code asWritten}; hand-made revisions, such as in tests, are rarely defaulted).
   */
  static Current current(
      DaemonSet ds, DaemonSet asWritten, List<ControllerRevision> revisions, PlanOptions options) {
    Ownership ownership = new Ownership(ds);
    // The canonical templates are made only once a revision is the DaemonSet's: a fixed cost
    // that a snapshot without revisions (the common embedded use) does not pay.
    @Nullable JsonValue template = null;
    @Nullable JsonValue written = null;
    ControllerRevision best = null;
    for (ControllerRevision r : revisions) {
      Ownership.Claim claim = ownership.claim(r);
      if (claim != Ownership.Claim.OWNED && claim != Ownership.Claim.ADOPTED) {
        continue;
      }
      if (template == null) {
        template = CanonicalJson.template(ds.spec().template());
        written =
            isSame(asWritten, ds) ? template : CanonicalJson.template(asWritten.spec().template());
      }
      JsonValue stored = templateOf(r);
      if (!Objects.equals(template, stored) && !Objects.equals(written, stored)) {
        continue;
      }
      if (best == null || outranks(r, best)) {
        best = r;
      }
    }
    if (best != null) {
      return new Current(hashOf(best), HashSource.CONTROLLER_REVISION);
    }
    if (options.currentRevisionHash() != null) {
      return new Current(options.currentRevisionHash(), HashSource.OPTION);
    }
    return new Current(hash(ds.spec().template()), HashSource.COMPUTED);
  }

  /**
   * True if {@code r} is preferred to {@code best}: the higher revision number, then the greater
   * name, then (two objects under one name, as a hand-made snapshot may hold) the greater hash, so
   * that the choice does not depend on the order of the input.
   */
  private static boolean outranks(ControllerRevision r, ControllerRevision best) {
    if (r.revision() != best.revision()) {
      return r.revision() > best.revision();
    }
    int byName = r.metadata().name().compareTo(best.metadata().name());
    return byName != 0 ? byName > 0 : hashOf(r).compareTo(hashOf(best)) > 0;
  }

  /** The revision's {@code controller-revision-hash} label, or its name without one. */
  private static String hashOf(ControllerRevision r) {
    String label = r.metadata().labels().get(Pods.HASH_LABEL);
    return label != null ? label : r.metadata().name();
  }

  private static @Nullable JsonValue templateOf(ControllerRevision r) {
    JsonValue spec = r.data().members().get("spec");
    if (spec == null) {
      return null;
    }
    JsonValue template = spec.members().get("template");
    if (template == null || template.kind() != JsonValue.Kind.OBJECT) {
      return null;
    }
    java.util.Map<String, JsonValue> members = new java.util.LinkedHashMap<>(template.members());
    members.remove("$patch");
    return CanonicalJson.normalize(new JsonValue.Obj(members));
  }

  /** Our own stable template hash (see the class comment). */
  static String hash(PodTemplateSpec template) {
    byte[] bytes =
        CanonicalJson.text(CanonicalJson.template(template)).getBytes(StandardCharsets.UTF_8);
    int h = 0x811c9dc5;
    for (byte b : bytes) {
      h ^= b & 0xff;
      h *= 0x01000193;
    }
    String decimal = Long.toString(Integer.toUnsignedLong(h));
    StringBuilder out = new StringBuilder(decimal.length());
    for (int i = 0; i < decimal.length(); i++) {
      out.append(SAFE_ALPHABET.charAt(decimal.charAt(i) % SAFE_ALPHABET.length()));
    }
    return out.toString();
  }

  /** The same DaemonSet instance: then its template as written is the one already made. */
  @SuppressWarnings("ReferenceEquality")
  private static boolean isSame(DaemonSet a, DaemonSet b) {
    return a == b;
  }
}
