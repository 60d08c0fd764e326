package dev.daemonset.core.internal.labels;

import dev.daemonset.api.model.LabelSelector;
import dev.daemonset.api.model.LabelSelector.LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A parsed label selector, apimachinery's {@code labels.Selector} as {@code
 * metav1.LabelSelectorAsSelector} makes it: every {@code matchLabels} entry and every {@code
 * matchExpressions} requirement must hold. Parse once with {@link #of}, then match many label sets
 * with {@link #matches}, which allocates nothing. Immutable.
 *
 * <p>The one home of label-selector matching: the planner (which pods a DaemonSet owns) and
 * validation (whether the selector matches the template's labels) both use it.
 */
public final class Selector {

  /** Upstream's {@code labels.Nothing()}: what a missing or malformed selector selects. */
  public static final Selector NOTHING = new Selector(new Requirement[0], true);

  private final Requirement[] requirements;
  private final boolean nothing;

  private Selector(Requirement[] requirements, boolean nothing) {
    this.requirements = requirements;
    this.nothing = nothing;
  }

  /**
   * {@code LabelSelectorAsSelector}: a missing selector selects nothing, an empty one everything. A
   * selector that does not parse ({@link Requirement#of} rejects one of its requirements, or {@code
   * Gt}/{@code Lt}, which label selectors do not know) also selects nothing: upstream returns an
   * error and the controller does not act on it.
   */
  public static Selector of(@Nullable LabelSelector s) {
    if (s == null) {
      return NOTHING;
    }
    List<Requirement> all = new ArrayList<>(s.matchLabels().size() + s.matchExpressions().size());
    for (Map.Entry<String, String> e : s.matchLabels().entrySet()) {
      Requirement r = Requirement.equal(e.getKey(), e.getValue());
      if (r == null) {
        return NOTHING;
      }
      all.add(r);
    }
    for (LabelSelectorRequirement expr : s.matchExpressions()) {
      Requirement r = Requirement.of(expr.key(), expr.operator(), expr.values(), false);
      if (r == null) {
        return NOTHING;
      }
      all.add(r);
    }
    return new Selector(all.toArray(new Requirement[0]), false);
  }

  /** True when parsing failed or there was no selector: then nothing matches. */
  public boolean isNothing() {
    return nothing;
  }

  /** Whether {@code labels} satisfy every requirement ({@code Selector.Matches}). */
  public boolean matches(Map<String, String> labels) {
    if (nothing) {
      return false;
    }
    for (Requirement r : requirements) {
      if (!r.matches(labels.get(r.key()))) {
        return false;
      }
    }
    return true;
  }
}
