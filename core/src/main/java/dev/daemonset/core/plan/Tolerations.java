package dev.daemonset.core.plan;

import dev.daemonset.api.model.PodSpec;
import dev.daemonset.api.model.Taint;
import dev.daemonset.api.model.Toleration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Tolerations: the defaults every daemon pod gets (E7) and whether a toleration tolerates a taint
 * (B6).
 */
final class Tolerations {
  private static final Pattern CANONICAL_INT = Pattern.compile("-?(0|[1-9][0-9]*)");

  private Tolerations() {}

  /**
   * The template's tolerations with the daemon defaults merged in, as upstream's {@code
   * AddOrUpdateDaemonPodTolerations} does: not-ready and unreachable (NoExecute), disk, memory and
   * PID pressure, unschedulable (NoSchedule), and network-unavailable (NoSchedule) only with {@code
   * hostNetwork}. A template toleration with the same key, operator, value and effect is replaced
   * in place by the default (losing its tolerationSeconds); otherwise the default is appended.
   */
  static List<Toleration> withDaemonDefaults(PodSpec spec) {
    List<Toleration> merged = new ArrayList<>(spec.tolerations());
    addOrUpdate(merged, Toleration.exists("node.kubernetes.io/not-ready", Taint.NO_EXECUTE));
    addOrUpdate(merged, Toleration.exists("node.kubernetes.io/unreachable", Taint.NO_EXECUTE));
    addOrUpdate(merged, Toleration.exists("node.kubernetes.io/disk-pressure", Taint.NO_SCHEDULE));
    addOrUpdate(merged, Toleration.exists("node.kubernetes.io/memory-pressure", Taint.NO_SCHEDULE));
    addOrUpdate(merged, Toleration.exists("node.kubernetes.io/pid-pressure", Taint.NO_SCHEDULE));
    addOrUpdate(merged, Toleration.exists("node.kubernetes.io/unschedulable", Taint.NO_SCHEDULE));
    if (spec.hostNetwork()) {
      addOrUpdate(
          merged, Toleration.exists("node.kubernetes.io/network-unavailable", Taint.NO_SCHEDULE));
    }
    return List.copyOf(merged);
  }

  /**
   * Upstream's {@code AddOrUpdateTolerationInPodSpec} with {@code MatchToleration}: if any matching
   * toleration already equals {@code added}, the list stays as it is (upstream returns before it
   * stores the replacements made so far); otherwise every match is replaced in place, or {@code
   * added} appended when nothing matches.
   */
  private static void addOrUpdate(List<Toleration> tolerations, Toleration added) {
    if (tolerations.contains(added)) {
      return; // an equal toleration matches too
    }
    boolean replaced = false;
    for (int i = 0; i < tolerations.size(); i++) {
      Toleration t = tolerations.get(i);
      if (t.key().equals(added.key())
          && t.operator().equals(added.operator())
          && t.value().equals(added.value())
          && t.effect().equals(added.effect())) {
        tolerations.set(i, added);
        replaced = true;
      }
    }
    if (!replaced) {
      tolerations.add(added);
    }
  }

  /** True if any of {@code tolerations} tolerates {@code taint}. */
  static boolean tolerated(Taint taint, List<Toleration> tolerations, boolean comparisonOperators) {
    for (Toleration t : tolerations) {
      if (tolerates(t, taint, comparisonOperators)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Upstream's {@code Toleration.ToleratesTaint}: empty effect and empty key match all; Equal (or
   * "") compares values, Exists matches any value, Lt/Gt compare canonical integers only with the
   * feature gate on. tolerationSeconds is never consulted.
   */
  static boolean tolerates(Toleration t, Taint taint, boolean comparisonOperators) {
    if (!t.effect().isEmpty() && !t.effect().equals(taint.effect())) {
      return false;
    }
    if (!t.key().isEmpty() && !t.key().equals(taint.key())) {
      return false;
    }
    switch (t.operator()) {
      case "":
      case Toleration.EQUAL:
        return t.value().equals(taint.value());
      case Toleration.EXISTS:
        return true;
      case "Lt":
      case "Gt":
        if (!comparisonOperators) {
          return false;
        }
        Long taintValue = canonicalLong(taint.value());
        Long tolerationValue = canonicalLong(t.value());
        if (taintValue == null || tolerationValue == null) {
          return false;
        }
        return "Lt".equals(t.operator())
            ? taintValue < tolerationValue
            : taintValue > tolerationValue;
      default:
        return false;
    }
  }

  private static @org.jspecify.annotations.Nullable Long canonicalLong(String s) {
    if (!CANONICAL_INT.matcher(s).matches()) {
      return null;
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The toleration that tolerates exactly this taint: Exists for a valueless taint, else Equal. */
  static Toleration fixFor(Taint taint) {
    return taint.value().isEmpty()
        ? new Toleration(taint.key(), Toleration.EXISTS, "", taint.effect(), null)
        : new Toleration(taint.key(), Toleration.EQUAL, taint.value(), taint.effect(), null);
  }
}
