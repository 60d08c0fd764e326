package dev.daemonset.api.model;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A container's {@code securityContext}.
 *
 * @param privileged {@code privileged}, if set
 * @param runAsUser {@code runAsUser}, if set
 * @param runAsNonRoot {@code runAsNonRoot}, if set
 * @param readOnlyRootFilesystem {@code readOnlyRootFilesystem}, if set
 * @param allowPrivilegeEscalation {@code allowPrivilegeEscalation}, if set
 * @param capabilitiesAdd {@code capabilities.add}
 * @param capabilitiesDrop {@code capabilities.drop}
 * @param other untyped fields (seLinuxOptions, seccompProfile, windowsOptions, ...)
 * @since 0.2
 */
@API(status = STABLE, since = "0.2")
public record SecurityContext(
    @Nullable Boolean privileged,
    @Nullable Long runAsUser,
    @Nullable Boolean runAsNonRoot,
    @Nullable Boolean readOnlyRootFilesystem,
    @Nullable Boolean allowPrivilegeEscalation,
    List<String> capabilitiesAdd,
    List<String> capabilitiesDrop,
    Map<String, JsonValue> other) {
  public SecurityContext {
    capabilitiesAdd = Copies.list(capabilitiesAdd, "capabilitiesAdd");
    capabilitiesDrop = Copies.list(capabilitiesDrop, "capabilitiesDrop");
    other = Copies.other(other, "other");
  }
}
