package dev.daemonset.api.model;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A container ({@code containers[]}, {@code initContainers[]}).
 *
 * @param name the container name
 * @param image the image reference
 * @param imagePullPolicy {@code Always}, {@code IfNotPresent}, {@code Never}; "" before defaulting
 * @param ports the ports, in order
 * @param env the environment, in order
 * @param resources requests and limits
 * @param volumeMounts the mounts, in order
 * @param livenessProbe the liveness probe, if any
 * @param readinessProbe the readiness probe, if any
 * @param startupProbe the startup probe, if any
 * @param securityContext the security context, if any
 * @param restartPolicy the container restart policy ({@code Always} makes an init container a
 *     sidecar), "" if absent
 * @param terminationMessagePath "" before defaulting
 * @param terminationMessagePolicy "" before defaulting
 * @param other untyped fields (command, args, lifecycle, ...)
 * @since 0.2
 */
@API(status = STABLE, since = "0.2")
public record Container(
    String name,
    String image,
    String imagePullPolicy,
    List<ContainerPort> ports,
    List<EnvVar> env,
    ResourceRequirements resources,
    List<VolumeMount> volumeMounts,
    @Nullable Probe livenessProbe,
    @Nullable Probe readinessProbe,
    @Nullable Probe startupProbe,
    @Nullable SecurityContext securityContext,
    String restartPolicy,
    String terminationMessagePath,
    String terminationMessagePolicy,
    Map<String, JsonValue> other) {

  /**
   * The {@code Always} image pull policy: pull on every start (the default for {@code :latest}).
   */
  public static final String PULL_ALWAYS = "Always";

  /** The {@code IfNotPresent} image pull policy (the default for a tagged image). */
  public static final String PULL_IF_NOT_PRESENT = "IfNotPresent";

  /** The {@code Never} image pull policy: use the node's image only. */
  public static final String PULL_NEVER = "Never";

  /**
   * {@code Always}, the one restart policy a container may have: an init container with it is a
   * sidecar.
   */
  public static final String RESTART_ALWAYS = "Always";

  public Container {
    name = Copies.str(name, "name");
    image = Copies.str(image, "image");
    imagePullPolicy = Copies.str(imagePullPolicy, "imagePullPolicy");
    ports = Copies.list(ports, "ports");
    env = Copies.list(env, "env");
    requireNonNull(resources, "resources");
    volumeMounts = Copies.list(volumeMounts, "volumeMounts");
    restartPolicy = Copies.str(restartPolicy, "restartPolicy");
    terminationMessagePath = Copies.str(terminationMessagePath, "terminationMessagePath");
    terminationMessagePolicy = Copies.str(terminationMessagePolicy, "terminationMessagePolicy");
    other = Copies.other(other, "other");
  }

  /** A container with only a name and an image. */
  public static Container of(String name, String image) {
    return new Container(
        name,
        image,
        "",
        List.of(),
        List.of(),
        ResourceRequirements.EMPTY,
        List.of(),
        null,
        null,
        null,
        null,
        "",
        "",
        "",
        Map.of());
  }

  public Container withImage(String newImage) {
    return new Container(
        name,
        newImage,
        imagePullPolicy,
        ports,
        env,
        resources,
        volumeMounts,
        livenessProbe,
        readinessProbe,
        startupProbe,
        securityContext,
        restartPolicy,
        terminationMessagePath,
        terminationMessagePolicy,
        other);
  }
}
