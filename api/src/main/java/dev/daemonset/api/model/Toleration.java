package dev.daemonset.api.model;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code spec.tolerations[]}.
 *
 * @param key the taint key ("" with operator Exists matches every key)
 * @param operator {@code Equal} (also when "") or {@code Exists}
 * @param value the value for Equal
 * @param effect {@code NoSchedule}, {@code PreferNoSchedule}, {@code NoExecute}, or "" for all
 * @param tolerationSeconds how long a NoExecute taint is tolerated, if limited
 * @since 0.2
 */
@API(status = STABLE, since = "0.2")
public record Toleration(
    String key, String operator, String value, String effect, @Nullable Long tolerationSeconds) {
  /**
   * The {@code Equal} operator (the default, written or not): the toleration's value equals the
   * taint's.
   */
  public static final String EQUAL = "Equal";

  /** The {@code Exists} operator: any value; with an empty key, any taint. */
  public static final String EXISTS = "Exists";

  public Toleration {
    key = Copies.str(key, "key");
    operator = Copies.str(operator, "operator");
    value = Copies.str(value, "value");
    effect = Copies.str(effect, "effect");
  }

  /** {@code operator: Exists} for one key and effect, without time limit. */
  public static Toleration exists(String key, String effect) {
    return new Toleration(key, EXISTS, "", effect, null);
  }
}
