package dev.daemonset.api.model;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * {@code ports[]} of a container.
 *
 * @param name an IANA-style port name, "" if absent
 * @param containerPort the port in the container
 * @param hostPort the port on the node, 0 if none
 * @param protocol {@code TCP}, {@code UDP} or {@code SCTP}; "" before defaulting
 * @param hostIP the host IP to bind, "" if absent
 * @since 0.2
 */
@API(status = STABLE, since = "0.2")
public record ContainerPort(
    String name, int containerPort, int hostPort, String protocol, String hostIP) {
  public ContainerPort {
    name = Copies.str(name, "name");
    protocol = Copies.str(protocol, "protocol");
    hostIP = Copies.str(hostIP, "hostIP");
  }
}
