package dev.daemonset.core.internal.rules;

import dev.daemonset.api.model.ResourceRequirements;
import dev.daemonset.core.internal.quantity.Quantity;
import dev.daemonset.core.internal.validation.Formats;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A container's resources, from core's {@code validation.go}: {@code ValidateResourceRequirements}
 * (as {@code ValidateContainerResourceRequirements} calls it), {@code
 * validateContainerResourceName}, {@code ValidateResourceQuantityValue} and {@code
 * ValidateNonnegativeQuantity}, with the resource-name helpers of core's {@code helper} package
 * ({@code IsHugePageResourceName}, {@code IsNativeResource}, {@code IsExtendedResourceName}, {@code
 * IsOvercommitAllowed}).
 */
final class ResourceRules {
  private ResourceRules() {}

  private static final Set<String> STANDARD_CONTAINER_RESOURCES =
      Set.of("cpu", "memory", "ephemeral-storage");
  private static final Set<String> STANDARD_RESOURCES =
      Set.of(
          "cpu",
          "memory",
          "ephemeral-storage",
          "requests.cpu",
          "requests.memory",
          "requests.ephemeral-storage",
          "limits.cpu",
          "limits.memory",
          "limits.ephemeral-storage",
          "pods",
          "services",
          "replicationcontrollers",
          "resourcequotas",
          "secrets",
          "persistentvolumeclaims",
          "configmaps",
          "storage",
          "services.nodeports",
          "services.loadbalancers",
          "requests.storage");

  /** {@code integerResources}: the object counts, measured in whole numbers. */
  private static final Set<String> INTEGER_RESOURCES =
      Set.of(
          "pods",
          "resourcequotas",
          "services",
          "replicationcontrollers",
          "secrets",
          "configmaps",
          "persistentvolumeclaims",
          "services.nodeports",
          "services.loadbalancers");

  private static boolean isHugePages(String name) {
    return name.startsWith("hugepages-");
  }

  private static boolean isNative(String name) {
    return name.indexOf('/') < 0 || name.contains("kubernetes.io/");
  }

  private static boolean isExtended(String name) {
    return !isNative(name)
        && !name.startsWith("requests.")
        && Formats.qualifiedName("requests." + name).isEmpty();
  }

  private static boolean overcommitAllowed(String name) {
    return isNative(name) && !isHugePages(name);
  }

  /** {@code ValidateResourceRequirements} for a container (R36). */
  static void resources(ResourceRequirements r, String path, Errors e) {
    boolean cpuOrMemory = false;
    boolean hugePages = false;
    for (Map.Entry<String, String> l : r.limits().entrySet()) {
      String p = path + ".limits[" + l.getKey() + "]";
      resourceName(l.getKey(), p, e);
      quantity(l.getKey(), l.getValue(), p, e);
      hugePages |= isHugePages(l.getKey());
      cpuOrMemory |= l.getKey().equals("cpu") || l.getKey().equals("memory");
    }
    for (Map.Entry<String, String> q : r.requests().entrySet()) {
      String name = q.getKey();
      String p = path + ".requests[" + name + "]";
      resourceName(name, p, e);
      Optional<Quantity> request = quantity(name, q.getValue(), p, e);
      String limitText = r.limits().get(name);
      if (limitText != null) {
        Optional<Quantity> limit = Quantity.parse(limitText);
        if (request.isPresent() && limit.isPresent()) {
          int cmp = request.get().compareTo(limit.get());
          if (cmp != 0 && !overcommitAllowed(name)) {
            e.invalid(
                path + ".requests",
                Render.goQuote(request.get().toString()),
                "must be equal to " + name + " limit of " + limit.get(),
                p,
                false);
          } else if (cmp > 0) {
            e.invalid(
                path + ".requests",
                Render.goQuote(request.get().toString()),
                "must be less than or equal to " + name + " limit of " + limit.get(),
                p,
                false);
          }
        }
      } else if (!overcommitAllowed(name)) {
        e.required(path + ".limits", "Limit must be set for non overcommitable resources", p);
      }
      hugePages |= isHugePages(name);
      cpuOrMemory |= name.equals("cpu") || name.equals("memory");
    }
    if (!cpuOrMemory && hugePages) {
      e.forbidden(path, "HugePages require cpu or memory");
    }
  }

  /**
   * {@code validateContainerResourceName}: {@code validateResourceName} (a qualified name; without
   * a slash, a standard resource), then, without a slash, a standard resource for containers, else
   * a native or extended resource name. Both checks run, so {@code foo} gets two errors.
   */
  private static void resourceName(String name, String path, Errors e) {
    String value = Render.jsonString(name);
    List<String> msgs = Formats.qualifiedName(name);
    for (String msg : msgs) {
      e.invalid(path, value, msg, path, true);
    }
    boolean unprefixed = name.indexOf('/') < 0;
    if (msgs.isEmpty() && unprefixed && !isStandard(name)) {
      e.invalid(path, value, "must be a standard resource type or fully qualified", path, true);
    }
    if (unprefixed) {
      if (!STANDARD_CONTAINER_RESOURCES.contains(name) && !isHugePages(name)) {
        e.invalid(path, value, "must be a standard resource for containers", path, true);
      }
    } else if (!isNative(name) && !isExtended(name)) {
      e.invalid(path, value, "doesn't follow extended resource name standard", path, true);
    }
  }

  /** {@code IsStandardResourceName}: a known resource, or a (quota) huge-page one. */
  private static boolean isStandard(String name) {
    return STANDARD_RESOURCES.contains(name)
        || isHugePages(name)
        || name.startsWith("requests.hugepages-");
  }

  private static Optional<Quantity> quantity(String name, String text, String path, Errors e) {
    Optional<Quantity> q = Quantity.parse(text);
    if (q.isEmpty()) {
      e.invalid(path, Render.goQuote(text), Quantity.SYNTAX_ERROR);
      return q;
    }
    if (q.get().isNegative()) {
      e.invalid(path, Render.goQuote(q.get().toString()), Formats.NEGATIVE);
    }
    // IsIntegerResourceName
    if ((INTEGER_RESOURCES.contains(name) || isExtended(name)) && !q.get().isWhole()) {
      e.invalid(path, Render.jsonString(q.get().toString()), "must be an integer");
    }
    return q;
  }
}
