package dev.daemonset.core.internal.rules;

import static dev.daemonset.core.internal.rules.Views.string;

import dev.daemonset.api.model.Container;
import dev.daemonset.api.model.ContainerPort;
import dev.daemonset.api.model.JsonValue;
import dev.daemonset.api.model.PodSpec;
import dev.daemonset.core.internal.validation.Formats;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The pod's network and DNS, from core's {@code validation.go}: {@code validateHostNetwork} (host
 * ports match container ports), {@code AccumulateUniqueHostPorts}, {@code validateDNSPolicy},
 * {@code validatePodDNSConfig} and {@code ValidateHostAliases}, with the IP check of {@code
 * IsValidIP}.
 */
final class NetworkRules {
  private NetworkRules() {}

  /** {@code validateHostNetwork}: with the host's network, a host port is its container port. */
  static void hostNetwork(PodSpec s, String path, Errors e) {
    if (!s.hostNetwork()) {
      return;
    }
    for (int i = 0; i < s.containers().size(); i++) {
      List<ContainerPort> ports = s.containers().get(i).ports();
      for (int j = 0; j < ports.size(); j++) {
        ContainerPort port = ports.get(j);
        if (port.hostPort() != 0 && port.hostPort() != port.containerPort()) {
          e.invalid(
              path + ".containers[" + i + "].ports[" + j + "].hostPort",
              Integer.toString(port.hostPort()),
              "must match `containerPort` when `hostNetwork` is true");
        }
      }
    }
  }

  /** {@code validateDNSPolicy}. */
  static void dnsPolicy(String policy, String path, Errors e) {
    switch (policy) {
      case "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None" -> {}
      case "" -> e.required(path, "");
      default ->
          e.notSupported(
              path,
              Render.jsonString(policy),
              "ClusterFirstWithHostNet",
              "ClusterFirst",
              "Default",
              "None");
    }
  }

  private static final java.util.regex.Pattern IPV6_CHARACTERS =
      java.util.regex.Pattern.compile("[0-9A-Fa-f:.]+");

  private static final java.util.regex.Pattern IPV4 =
      java.util.regex.Pattern.compile(
          "((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");

  /** A literal IPv4 or IPv6 address (no zones, no leading zeros in IPv4). */
  static boolean isIp(String s) {
    if (IPV4.matcher(s).matches()) {
      return true;
    }
    if (!s.contains(":") || !IPV6_CHARACTERS.matcher(s).matches()) {
      return false;
    }
    try {
      // a literal (the characters checked above): Java answers an IPv4-mapped one, in any
      // spelling (::FFFF:1.2.3.4, 0:0:0:0:0:ffff:1.2.3.4), as an Inet4Address; Go accepts them all
      java.net.InetAddress.getByName(s);
      return true;
    } catch (java.net.UnknownHostException ex) {
      return false;
    }
  }

  private static final String IP_MESSAGE =
      "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)";

  /** {@code ValidateHostAliases}. */
  static void hostAliases(List<JsonValue> aliases, String path, Errors e) {
    for (int i = 0; i < aliases.size(); i++) {
      String p = path + "[" + i + "]";
      String ip = string(aliases.get(i).members().get("ip"));
      if (!isIp(ip)) {
        e.invalid(p + ".ip", Render.goQuote(ip), IP_MESSAGE);
      }
      List<JsonValue> names =
          aliases.get(i).members().getOrDefault("hostnames", JsonValue.NULL).elements();
      for (int j = 0; j < names.size(); j++) {
        String h = string(names.get(j));
        e.eachInvalid(p + ".hostnames[" + j + "]", h, Formats.dns1123Subdomain(h));
      }
    }
  }

  /**
   * {@code validatePodDNSConfig}: with dnsPolicy None a config with at least one nameserver is
   * required (and a missing one ends the check); nameservers are IPs, searches DNS subdomains.
   */
  static void podDnsConfig(String dnsPolicy, @Nullable JsonValue dns, String path, Errors e) {
    if (dns == null) {
      if ("None".equals(dnsPolicy)) {
        e.required(path, "must provide `dnsConfig` when `dnsPolicy` is None");
      }
      return;
    }
    Views.DnsConfig config = Views.DnsConfig.of(dns);
    if ("None".equals(dnsPolicy) && config.nameservers().isEmpty()) {
      e.required(
          path + ".nameservers",
          "must provide at least one DNS nameserver when `dnsPolicy` is None");
      return;
    }
    List<String> servers = config.nameservers();
    if (servers.size() > 3) {
      e.invalid(
          path + ".nameservers", Render.json(servers), "must not have more than 3 nameservers");
    }
    for (int i = 0; i < servers.size(); i++) {
      String ns = servers.get(i);
      if (!isIp(ns)) {
        e.invalid(path + ".nameservers[" + i + "]", Render.goQuote(ns), IP_MESSAGE);
      }
    }
    List<String> names = config.searches();
    if (names.size() > 32) {
      e.invalid(path + ".searches", Render.json(names), "must not have more than 32 search paths");
    }
    if (String.join(" ", names).length() > 2048) {
      e.invalid(
          path + ".searches",
          Render.json(names),
          "must not have more than 2048 characters (including spaces) in the search list");
    }
    for (int i = 0; i < names.size(); i++) {
      String search = names.get(i);
      if (!search.equals(".")) {
        String trimmed = search.endsWith(".") ? search.substring(0, search.length() - 1) : search;
        e.eachInvalid(
            path + ".searches[" + i + "]",
            trimmed,
            Formats.dns1123SubdomainWithUnderscore(trimmed));
      }
    }
    List<String> options = config.optionNames();
    for (int i = 0; i < options.size(); i++) {
      if (options.get(i).isEmpty()) {
        e.required(path + ".options[" + i + "]", "Option.Name must not be empty");
      }
    }
  }

  /**
   * {@code AccumulateUniqueHostPorts}: {@code <protocol>/<hostIP>/<hostPort>} once across the list.
   */
  static void hostPorts(List<Container> cs, String path, int firstIndex, Errors e) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < cs.size(); i++) {
      List<ContainerPort> ports = cs.get(i).ports();
      for (int j = 0; j < ports.size(); j++) {
        ContainerPort port = ports.get(j);
        if (port.hostPort() == 0) {
          continue;
        }
        String key = port.protocol() + "/" + port.hostIP() + "/" + port.hostPort();
        if (!seen.add(key)) {
          e.duplicate(
              path + "[" + (firstIndex + i) + "].ports[" + j + "].hostPort", Render.goQuote(key));
        }
      }
    }
  }
}
