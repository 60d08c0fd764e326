package dev.daemonset.api.lint;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.daemonset.api.SourceMap;
import dev.daemonset.api.model.DaemonSet;
import org.apiguardian.api.API;

/**
 * What a policy looks at.
 *
 * @param daemonSet the DaemonSet as written
 * @param defaulted the same DaemonSet after the API server's defaulting (what would run)
 * @param sourceMap where each field was written, for policies that care whether a field was written
 *     or defaulted ({@code sourceMap.value(path).isPresent()})
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record PolicyInput(DaemonSet daemonSet, DaemonSet defaulted, SourceMap sourceMap) {
  public PolicyInput {
    requireNonNull(daemonSet, "daemonSet");
    requireNonNull(defaulted, "defaulted");
    requireNonNull(sourceMap, "sourceMap");
  }
}
