package dev.daemonset.core.internal.rules;

import dev.daemonset.api.model.Container;
import dev.daemonset.api.model.ContainerPort;
import dev.daemonset.api.model.EnvVar;
import dev.daemonset.api.model.HttpGetAction;
import dev.daemonset.api.model.IntOrString;
import dev.daemonset.api.model.JsonValue;
import dev.daemonset.api.model.LabelSelector;
import dev.daemonset.api.model.NodeAffinity;
import dev.daemonset.api.model.NodeSelectorRequirement;
import dev.daemonset.api.model.NodeSelectorTerm;
import dev.daemonset.api.model.PodSpec;
import dev.daemonset.api.model.PodTemplateSpec;
import dev.daemonset.api.model.Probe;
import dev.daemonset.api.model.ResourceRequirements;
import dev.daemonset.api.model.Toleration;
import dev.daemonset.api.model.Volume;
import dev.daemonset.api.model.VolumeMount;
import dev.daemonset.core.internal.intstr.IntStr;
import dev.daemonset.core.internal.quantity.Quantity;
import dev.daemonset.core.internal.validation.Formats;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The pod-template rules a DaemonSet meets: core's {@code ValidatePodTemplateSpec} and the parts of
 * {@code ValidatePodSpec} the model types (rules R22–R50), in upstream's order.
 */
final class PodRules {
  private PodRules() {}

  static final List<String> VOLUME_SOURCES =
      List.of(
          "emptyDir",
          "hostPath",
          "gitRepo",
          "gcePersistentDisk",
          "awsElasticBlockStore",
          "secret",
          "nfs",
          "iscsi",
          "glusterfs",
          "flocker",
          "persistentVolumeClaim",
          "rbd",
          "cinder",
          "cephfs",
          "quobyte",
          "downwardAPI",
          "fc",
          "flexVolume",
          "configMap",
          "azureFile",
          "vsphereVolume",
          "photonPersistentDisk",
          "portworxVolume",
          "azureDisk",
          "storageos",
          "projected",
          "scaleIO",
          "csi",
          "ephemeral",
          "image");

  /** Upstream names two sources differently in the "more than 1 volume type" path. */
  private static final Map<String, String> FORBIDDEN_SOURCE_PATH =
      Map.of("cephfs", "cephFS", "downwardAPI", "downwarAPI");

  private static final Set<String> ENV_FIELD_PATHS =
      Set.of(
          "metadata.name",
          "metadata.namespace",
          "metadata.uid",
          "spec.nodeName",
          "spec.serviceAccountName",
          "status.hostIP",
          "status.hostIPs",
          "status.podIP",
          "status.podIPs");
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
          "services.nodeports",
          "services.loadbalancers",
          "requests.storage");

  /** {@code ValidatePodTemplateSpec} at {@code path} ({@code spec.template}). */
  static void template(PodTemplateSpec t, String path, Errors e) {
    String meta = path + ".metadata";
    MetaRules.labels(t.metadata().labels(), path + ".labels", meta + ".labels", e);
    MetaRules.annotations(
        t.metadata().annotations(), path + ".annotations", meta + ".annotations", e);
    podSpecificAnnotations(t, path + ".annotations", meta + ".annotations", e);
    podSpec(t.spec(), path + ".spec", e);
    if (!t.spec()
        .other()
        .getOrDefault("ephemeralContainers", JsonValue.NULL)
        .elements()
        .isEmpty()) {
      e.forbidden(
          path + ".spec.ephemeralContainers", "ephemeral containers not allowed in pod template");
    }
  }

  private static void podSpecificAnnotations(
      PodTemplateSpec t, String path, String source, Errors e) {
    Map<String, String> a = t.metadata().annotations();
    String mirror = "kubernetes.io/config.mirror";
    if (a.containsKey(mirror) && t.spec().nodeName().isEmpty()) {
      e.invalid(
          path + "[" + mirror + "]",
          Render.goQuote(a.get(mirror)),
          "must set spec.nodeName if mirror pod annotation is set",
          source + "[" + mirror + "]",
          false);
    }
    String cost = "controller.kubernetes.io/pod-deletion-cost";
    if (a.containsKey(cost)) {
      try {
        Integer.parseInt(a.get(cost));
      } catch (NumberFormatException ex) {
        e.invalid(
            path + "[" + cost + "]",
            Render.goQuote(a.get(cost)),
            "must be a 32bit integer",
            source + "[" + cost + "]",
            false);
      }
    }
  }

  static void podSpec(PodSpec s, String path, Errors e) {
    if (s.terminationGracePeriodSeconds() == null) {
      e.required(path + ".terminationGracePeriodSeconds", "");
    }
    Set<String> volumes = volumes(s.volumes(), path + ".volumes", e);
    // validateInitContainers: names are unique among regular and init containers
    Set<String> names = new HashSet<>();
    s.containers().forEach(c -> names.add(c.name()));
    for (int i = 0; i < s.initContainers().size(); i++) {
      Container c = s.initContainers().get(i);
      String p = path + ".initContainers[" + i + "]";
      container(c, volumes, hostUsers(s), p, e);
      if (!c.restartPolicy().isEmpty() && !"Always".equals(c.restartPolicy())) {
        e.notSupported(p + ".restartPolicy", Render.jsonString(c.restartPolicy()), "Always");
      }
      if (names.contains(c.name())) {
        e.duplicate(p + ".name", Render.goQuote(c.name()));
      } else if (!c.name().isEmpty()) {
        names.add(c.name());
      }
      // upstream checks each init container as a one-element list, so the index is always 0
      hostPorts(List.of(c), path + ".initContainers", 0, e);
      if ("Always".equals(c.restartPolicy())) {
        lifecycle(c, p, e);
        probes(c, p, e);
      } else {
        for (String field :
            List.of("lifecycle", "livenessProbe", "readinessProbe", "startupProbe")) {
          boolean set =
              field.equals("lifecycle")
                  ? present(c.other().get("lifecycle"))
                  : probe(c, field) != null;
          if (set) {
            e.forbidden(
                p + "." + field, "may not be set for init containers without restartPolicy=Always");
          }
        }
      }
    }
    containers(s, volumes, path + ".containers", e);
    if (s.hostNetwork()) {
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
    switch (s.restartPolicy()) {
      case "Always", "OnFailure", "Never" -> {}
      case "" -> e.required(path + ".restartPolicy", "");
      default ->
          e.notSupported(
              path + ".restartPolicy",
              Render.jsonString(s.restartPolicy()),
              "Always",
              "OnFailure",
              "Never");
    }
    switch (s.dnsPolicy()) {
      case "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None" -> {}
      case "" -> e.required(path + ".dnsPolicy", "");
      default ->
          e.notSupported(
              path + ".dnsPolicy",
              Render.jsonString(s.dnsPolicy()),
              "ClusterFirstWithHostNet",
              "ClusterFirst",
              "Default",
              "None");
    }
    MetaRules.labels(s.nodeSelector(), path + ".nodeSelector", path + ".nodeSelector", e);
    SecurityRules.pod(
        s.other().get("securityContext"),
        s.hostPID(),
        s.other().get("shareProcessNamespace"),
        path,
        e);
    if (s.affinity() != null) {
      if (s.affinity().nodeAffinity() != null) {
        nodeAffinity(s.affinity().nodeAffinity(), path + ".affinity.nodeAffinity", e);
      }
      for (String kind : List.of("podAffinity", "podAntiAffinity")) {
        JsonValue a = s.affinity().other().get(kind);
        if (a != null) {
          podAffinity(a, path + ".affinity." + kind, e);
        }
      }
    }
    // validatePodDNSConfig: with dnsPolicy None, a missing config or nameserver list ends the check
    JsonValue dns = s.other().get("dnsConfig");
    if ("None".equals(s.dnsPolicy()) && (dns == null || !present(dns))) {
      e.required(path + ".dnsConfig", "must provide `dnsConfig` when `dnsPolicy` is None");
    } else if ("None".equals(s.dnsPolicy())
        && dns != null
        && dns.members().getOrDefault("nameservers", JsonValue.NULL).elements().isEmpty()) {
      e.required(
          path + ".dnsConfig.nameservers",
          "must provide at least one DNS nameserver when `dnsPolicy` is None");
    } else {
      dnsConfig(dns, path + ".dnsConfig", e);
    }
    topologySpread(
        s.other().getOrDefault("topologySpreadConstraints", JsonValue.NULL).elements(),
        path + ".topologySpreadConstraints",
        e);
    dnsSubdomain(s.serviceAccountName(), path + ".serviceAccountName", e);
    dnsSubdomain(s.nodeName(), path + ".nodeName", e);
    Long deadline = s.activeDeadlineSeconds();
    if (deadline != null && (deadline < 1 || deadline > Integer.MAX_VALUE)) {
      e.invalid(
          path + ".activeDeadlineSeconds",
          deadline.toString(),
          Formats.inclusiveRange(1, Integer.MAX_VALUE));
    }
    for (String label : List.of("hostname", "subdomain")) {
      Optional<String> v = Optional.ofNullable(s.other().get(label)).flatMap(JsonValue::asString);
      if (v.isPresent() && !v.get().isEmpty()) {
        e.eachInvalid(path + "." + label, v.get(), Formats.dns1123Label(v.get()));
      }
    }
    tolerations(s.tolerations(), path + ".tolerations", e);
    hostAliases(
        s.other().getOrDefault("hostAliases", JsonValue.NULL).elements(), path + ".hostAliases", e);
    dnsSubdomain(s.priorityClassName(), path + ".priorityClassName", e);
    dnsSubdomain(string(s.other().get("runtimeClassName")), path + ".runtimeClassName", e);
    JsonValue preemption = s.other().get("preemptionPolicy");
    if (present(preemption)) {
      String v = string(preemption);
      switch (v) {
        case "PreemptLowerPriority", "Never" -> {}
        case "" -> e.required(path + ".preemptionPolicy", "");
        default ->
            e.notSupported(
                path + ".preemptionPolicy", Render.jsonString(v), "PreemptLowerPriority", "Never");
      }
    }
    JsonValue os = s.other().get("os");
    if (os != null && present(os)) {
      String name = string(os.members().get("name"));
      if (name.isEmpty()) {
        e.required(path + ".os.name", "");
      } else if (!name.equals("linux") && !name.equals("windows")) {
        e.notSupported(path + ".os.name", Render.jsonString(name), "linux", "windows");
      }
    }
  }

  private static String string(@org.jspecify.annotations.Nullable JsonValue v) {
    return v == null ? "" : v.asString().orElse("");
  }

  private static final java.util.regex.Pattern IPV6_CHARACTERS =
      java.util.regex.Pattern.compile("[0-9A-Fa-f:.]+");

  /** Compiled once: String.matches compiles its pattern on every call. */
  private static final java.util.regex.Pattern FIELD_REF_SUBSCRIPT =
      java.util.regex.Pattern.compile("metadata\\.(labels|annotations)\\['[^']*'\\]");

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
      return java.net.InetAddress.getByName(s) instanceof java.net.Inet6Address
          || s.contains("::ffff:");
    } catch (java.net.UnknownHostException ex) {
      return false;
    }
  }

  private static final String IP_MESSAGE =
      "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)";

  /** {@code ValidateHostAliases}. */
  private static void hostAliases(List<JsonValue> aliases, String path, Errors e) {
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

  /** {@code validatePodDNSConfig}: nameservers are IPs, searches DNS subdomains. */
  private static void dnsConfig(
      @org.jspecify.annotations.Nullable JsonValue config, String path, Errors e) {
    if (config == null || !present(config)) {
      return;
    }
    List<JsonValue> servers =
        config.members().getOrDefault("nameservers", JsonValue.NULL).elements();
    if (servers.size() > 3) {
      e.invalid(
          path + ".nameservers",
          Render.json(servers.stream().map(PodRules::string).toList()),
          "must not have more than 3 nameservers");
    }
    for (int i = 0; i < servers.size(); i++) {
      String ns = string(servers.get(i));
      if (!isIp(ns)) {
        e.invalid(path + ".nameservers[" + i + "]", Render.goQuote(ns), IP_MESSAGE);
      }
    }
    List<JsonValue> searches = config.members().getOrDefault("searches", JsonValue.NULL).elements();
    List<String> names = searches.stream().map(PodRules::string).toList();
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
    List<JsonValue> options = config.members().getOrDefault("options", JsonValue.NULL).elements();
    for (int i = 0; i < options.size(); i++) {
      if (string(options.get(i).members().get("name")).isEmpty()) {
        e.required(path + ".options[" + i + "]", "Option.Name must not be empty");
      }
    }
  }

  private static void dnsSubdomain(String value, String path, Errors e) {
    if (!value.isEmpty()) {
      e.eachInvalid(path, value, Formats.dns1123Subdomain(value));
    }
  }

  /** {@code ValidateVolumes}: answers the names of the volumes that validated. */
  private static Set<String> volumes(List<Volume> volumes, String path, Errors e) {
    Set<String> names = new HashSet<>();
    for (int i = 0; i < volumes.size(); i++) {
      Volume v = volumes.get(i);
      String p = path + "[" + i + "]";
      int before = e.size();
      int sources = 0;
      for (String source : VOLUME_SOURCES) {
        if (v.other().containsKey(source)) {
          if (sources == 0) {
            volumeSource(source, v.other().get(source), p + "." + source, e);
          }
          if (sources++ > 0) {
            String child = FORBIDDEN_SOURCE_PATH.getOrDefault(source, source);
            e.add(
                ErrorType.FORBIDDEN,
                p + "." + child,
                "Forbidden: may not specify more than 1 volume type",
                p + "." + source,
                true);
          }
        }
      }
      if (sources == 0) {
        e.required(p, "must specify a volume type");
      }
      if (v.name().isEmpty()) {
        e.required(p + ".name", "");
      } else {
        e.eachInvalid(p + ".name", v.name(), Formats.dns1123Label(v.name()));
      }
      if (names.contains(v.name())) {
        e.duplicate(p + ".name", Render.goQuote(v.name()));
      }
      if (e.size() == before) {
        names.add(v.name());
      }
    }
    return names;
  }

  private static boolean hostUsers(PodSpec s) {
    JsonValue v = s.other().get("hostUsers");
    return !(v instanceof JsonValue.Bool b) || b.value();
  }

  private static final String FILE_MODE =
      "must be a number between 0 and 0777 (octal), both inclusive";

  /** The checks of the one source a volume may have: emptyDir, hostPath, secret and configMap. */
  private static void volumeSource(String source, JsonValue v, String path, Errors e) {
    Map<String, JsonValue> m = v.members();
    switch (source) {
      case "emptyDir" -> {
        JsonValue limit = m.get("sizeLimit");
        if (limit != null
            && Quantity.parse(string(limit)).map(Quantity::isNegative).orElse(false)) {
          e.forbidden(path + ".sizeLimit", "SizeLimit field must be a valid resource quantity");
        }
      }
      case "hostPath" -> {
        String hostPath = string(m.get("path"));
        if (hostPath.isEmpty()) {
          e.required(path + ".path", "");
          return;
        }
        for (String part : hostPath.split("/", -1)) {
          if (part.equals("..")) {
            e.invalid(path + ".path", Render.goQuote(hostPath), "must not contain '..'");
            break;
          }
        }
        String type = string(m.get("type"));
        List<String> types =
            List.of(
                "",
                "BlockDevice",
                "CharDevice",
                "Directory",
                "DirectoryOrCreate",
                "File",
                "FileOrCreate",
                "Socket");
        if (!types.contains(type)) {
          e.notSupported(path + ".type", Render.jsonString(type), types.toArray(String[]::new));
        }
      }
      case "secret", "configMap" -> {
        String nameField = source.equals("secret") ? "secretName" : "name";
        if (string(m.get(nameField)).isEmpty()) {
          e.required(path + "." + nameField, "");
        }
        fileMode(m.get("defaultMode"), path + ".defaultMode", e);
        List<JsonValue> items = m.getOrDefault("items", JsonValue.NULL).elements();
        for (int i = 0; i < items.size(); i++) {
          keyToPath(items.get(i), path + ".items[" + i + "]", e);
        }
      }
      default -> {}
    }
  }

  private static void fileMode(
      @org.jspecify.annotations.Nullable JsonValue mode, String path, Errors e) {
    if (mode instanceof JsonValue.Num n
        && (n.decimal().signum() < 0 || n.decimal().intValue() > 0777)) {
      e.invalid(path, n.toString(), FILE_MODE);
    }
  }

  /** {@code validateKeyToPath}. */
  private static void keyToPath(JsonValue item, String path, Errors e) {
    Map<String, JsonValue> m = item.members();
    if (string(m.get("key")).isEmpty()) {
      e.required(path + ".key", "");
    }
    String p = string(m.get("path"));
    if (p.isEmpty()) {
      e.required(path + ".path", "");
    } else {
      localDescendingPath(p, path + ".path", path + ".path", e);
      if (p.startsWith("..") && !p.startsWith("../")) {
        e.invalid(path + ".path", Render.goQuote(p), "must not start with '..'");
      }
    }
    fileMode(m.get("mode"), path + ".mode", e);
  }

  private static void containers(PodSpec s, Set<String> volumes, String path, Errors e) {
    List<Container> cs = s.containers();
    if (cs.isEmpty()) {
      e.required(path, "");
      return;
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < cs.size(); i++) {
      Container c = cs.get(i);
      String p = path + "[" + i + "]";
      container(c, volumes, hostUsers(s), p, e);
      if (!names.add(c.name())) {
        e.duplicate(p + ".name", Render.goQuote(c.name()));
      }
      lifecycle(c, p, e);
      probes(c, p, e);
      if (!c.restartPolicy().isEmpty()) {
        e.forbidden(p + ".restartPolicy", "may not be set for non-init containers");
      }
    }
    hostPorts(cs, path, 0, e);
  }

  private static @org.jspecify.annotations.Nullable Probe probe(Container c, String which) {
    return switch (which) {
      case "livenessProbe" -> c.livenessProbe();
      case "readinessProbe" -> c.readinessProbe();
      default -> c.startupProbe();
    };
  }

  private static void probes(Container c, String p, Errors e) {
    Probe live = c.livenessProbe();
    if (live != null) {
      probe(live, p + ".livenessProbe", e);
      if (live.successThreshold() != 1) {
        e.invalid(
            p + ".livenessProbe.successThreshold",
            Integer.toString(live.successThreshold()),
            "must be 1");
      }
    }
    Probe ready = c.readinessProbe();
    if (ready != null) {
      probe(ready, p + ".readinessProbe", e);
      if (ready.terminationGracePeriodSeconds() != null) {
        e.invalid(
            p + ".readinessProbe.terminationGracePeriodSeconds",
            ready.terminationGracePeriodSeconds().toString(),
            "must not be set for readinessProbes");
      }
    }
    Probe startup = c.startupProbe();
    if (startup != null) {
      probe(startup, p + ".startupProbe", e);
      if (startup.successThreshold() != 1) {
        e.invalid(
            p + ".startupProbe.successThreshold",
            Integer.toString(startup.successThreshold()),
            "must be 1");
      }
    }
  }

  /** {@code validateContainerCommon}. */
  private static void container(
      Container c, Set<String> volumes, boolean hostUsers, String p, Errors e) {
    if (c.name().isEmpty()) {
      e.required(p + ".name", "");
    } else {
      e.eachInvalid(p + ".name", c.name(), Formats.dns1123Label(c.name()));
    }
    if (c.image().isEmpty()) {
      e.required(p + ".image", "");
    }
    switch (c.terminationMessagePolicy()) {
      case "File", "FallbackToLogsOnError" -> {}
      case "" -> e.required(p + ".terminationMessagePolicy", "");
      default ->
          e.notSupported(
              p + ".terminationMessagePolicy",
              Render.jsonString(c.terminationMessagePolicy()),
              "File",
              "FallbackToLogsOnError");
    }
    ports(c.ports(), p + ".ports", e);
    env(c.env(), p + ".env", e);
    envFrom(c.other().getOrDefault("envFrom", JsonValue.NULL).elements(), p + ".envFrom", e);
    boolean privileged =
        c.securityContext() != null && Boolean.TRUE.equals(c.securityContext().privileged());
    volumeMounts(c.volumeMounts(), volumes, privileged, p + ".volumeMounts", e);
    switch (c.imagePullPolicy()) {
      case "Always", "IfNotPresent", "Never" -> {}
      case "" -> e.required(p + ".imagePullPolicy", "");
      default ->
          e.notSupported(
              p + ".imagePullPolicy",
              Render.jsonString(c.imagePullPolicy()),
              "Always",
              "IfNotPresent",
              "Never");
    }
    resources(c.resources(), p + ".resources", e);
    SecurityRules.container(c.securityContext(), hostUsers, p + ".securityContext", e);
  }

  private static void ports(List<ContainerPort> ports, String path, Errors e) {
    Set<String> names = new HashSet<>();
    for (int i = 0; i < ports.size(); i++) {
      ContainerPort port = ports.get(i);
      String p = path + "[" + i + "]";
      if (!port.name().isEmpty()) {
        List<String> msgs = Formats.portName(port.name());
        if (!msgs.isEmpty()) {
          e.eachInvalid(p + ".name", port.name(), msgs);
        } else if (!names.add(port.name())) {
          e.duplicate(p + ".name", Render.goQuote(port.name()));
        }
      }
      if (port.containerPort() == 0) {
        e.required(p + ".containerPort", "");
      } else {
        for (String msg : Formats.portNumber(port.containerPort())) {
          e.invalid(p + ".containerPort", Integer.toString(port.containerPort()), msg);
        }
      }
      if (port.hostPort() != 0) {
        for (String msg : Formats.portNumber(port.hostPort())) {
          e.invalid(p + ".hostPort", Integer.toString(port.hostPort()), msg);
        }
      }
      switch (port.protocol()) {
        case "TCP", "UDP", "SCTP" -> {}
        case "" -> e.required(p + ".protocol", "");
        default ->
            e.notSupported(
                p + ".protocol", Render.jsonString(port.protocol()), "SCTP", "TCP", "UDP");
      }
    }
  }

  /**
   * {@code AccumulateUniqueHostPorts}: {@code <protocol>/<hostIP>/<hostPort>} once across the list.
   */
  private static void hostPorts(List<Container> cs, String path, int firstIndex, Errors e) {
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

  /** Printable ASCII other than {@code =}. */
  private static boolean isEnvName(String name) {
    for (int i = 0; i < name.length(); i++) {
      char ch = name.charAt(i);
      if (ch < 0x20 || ch >= 0x7f || ch == '=') {
        return false;
      }
    }
    return true;
  }

  private static void env(List<EnvVar> env, String path, Errors e) {
    for (int i = 0; i < env.size(); i++) {
      EnvVar v = env.get(i);
      String p = path + "[" + i + "]";
      if (v.name().isEmpty()) {
        e.required(p + ".name", "");
        e.invalid(p + ".name", Render.goQuote(""), "environment variable name must be non-empty");
      } else if (!isEnvName(v.name())) {
        e.invalid(
            p + ".name",
            Render.goQuote(v.name()),
            "a valid environment variable name must consist only of printable ASCII characters other than '='");
      }
      JsonValue from = v.valueFrom();
      if (from == null || from.kind() == JsonValue.Kind.NULL) {
        continue;
      }
      int sources = 0;
      for (String source :
          List.of(
              "fieldRef", "resourceFieldRef", "configMapKeyRef", "secretKeyRef", "fileKeyRef")) {
        JsonValue s = from.members().get(source);
        if (s != null && s.kind() != JsonValue.Kind.NULL) {
          sources++;
          if (source.equals("fieldRef")) {
            fieldRef(s, p + ".valueFrom.fieldRef", e);
          }
        }
      }
      if (sources == 0) {
        e.invalid(
            p + ".valueFrom",
            Render.goQuote(""),
            "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`");
      } else if (!v.value().isEmpty()) {
        e.invalid(
            p + ".valueFrom", Render.goQuote(""), "may not be specified when `value` is not empty");
      } else if (sources > 1) {
        e.invalid(
            p + ".valueFrom",
            Render.goQuote(""),
            "may not have more than one field specified at a time");
      }
    }
  }

  /** {@code ValidateEnvFrom}: one of configMapRef or secretRef, names as object names. */
  private static void envFrom(List<JsonValue> sources, String path, Errors e) {
    for (int i = 0; i < sources.size(); i++) {
      String p = path + "[" + i + "]";
      Map<String, JsonValue> m = sources.get(i).members();
      String prefix = string(m.get("prefix"));
      if (!prefix.isEmpty() && !isEnvName(prefix)) {
        e.invalid(
            p + ".prefix",
            Render.goQuote(prefix),
            "a valid environment variable name must consist only of printable ASCII characters other than '='");
      }
      int count = 0;
      for (String ref : List.of("configMapRef", "secretRef")) {
        JsonValue r = m.get(ref);
        if (r != null && present(r)) {
          count++;
          String name = string(r.members().get("name"));
          if (name.isEmpty()) {
            e.required(p + "." + ref + ".name", "");
          } else {
            e.eachInvalid(p + "." + ref + ".name", name, Formats.nameIsDnsSubdomain(name, true));
          }
        }
      }
      if (count == 0) {
        e.invalid(
            path,
            Render.goQuote(""),
            "must specify one of: `configMapRef` or `secretRef`",
            p,
            false);
      } else if (count > 1) {
        e.invalid(
            path,
            Render.goQuote(""),
            "may not have more than one field specified at a time",
            p,
            false);
      }
    }
  }

  private static void fieldRef(JsonValue ref, String path, Errors e) {
    String apiVersion =
        ref.members().getOrDefault("apiVersion", JsonValue.of("")).asString().orElse("");
    String fieldPath =
        ref.members().getOrDefault("fieldPath", JsonValue.of("")).asString().orElse("");
    if (apiVersion.isEmpty()) {
      e.required(path + ".apiVersion", "");
      return;
    }
    if (fieldPath.isEmpty()) {
      e.required(path + ".fieldPath", "");
      return;
    }
    if (!apiVersion.equals("v1")) {
      e.invalid(
          path + ".fieldPath",
          Render.goQuote(fieldPath),
          "error converting fieldPath: unsupported pod version: " + apiVersion);
      return;
    }
    boolean subscript = FIELD_REF_SUBSCRIPT.matcher(fieldPath).matches();
    if (!subscript && !ENV_FIELD_PATHS.contains(fieldPath)) {
      e.notSupported(
          path + ".fieldPath",
          Render.goQuote(fieldPath),
          ENV_FIELD_PATHS.stream().sorted().toArray(String[]::new));
    }
  }

  private static void volumeMounts(
      List<VolumeMount> mounts, Set<String> volumes, boolean privileged, String path, Errors e) {
    Set<String> mountPoints = new HashSet<>();
    for (int i = 0; i < mounts.size(); i++) {
      VolumeMount m = mounts.get(i);
      String p = path + "[" + i + "]";
      if (m.name().isEmpty()) {
        e.required(p + ".name", "");
      }
      if (!volumes.contains(m.name())) {
        e.notFound(p + ".name", Render.goQuote(m.name()));
      }
      if (m.mountPath().isEmpty()) {
        e.required(p + ".mountPath", "");
      }
      if (!mountPoints.add(m.mountPath())) {
        e.invalid(p + ".mountPath", Render.goQuote(m.mountPath()), "must be unique");
      }
      String subPath = string(m.other().get("subPath"));
      String subPathExpr = string(m.other().get("subPathExpr"));
      localDescendingPath(subPath, path + ".subPath", p + ".subPath", e);
      if (!subPathExpr.isEmpty()) {
        if (!subPath.isEmpty()) {
          e.invalid(
              p + ".subPathExpr",
              Render.goQuote(subPathExpr),
              "subPathExpr and subPath are mutually exclusive");
        }
        localDescendingPath(subPathExpr, path + ".subPathExpr", p + ".subPathExpr", e);
      }
      String propagation = string(m.other().get("mountPropagation"));
      if (m.other().containsKey("mountPropagation")
          && !List.of("Bidirectional", "HostToContainer", "None").contains(propagation)) {
        e.add(
            ErrorType.NOT_SUPPORTED,
            path + ".mountPropagation",
            "Unsupported value: "
                + Render.jsonString(propagation)
                + ": supported values: "
                + Render.supported("Bidirectional", "HostToContainer", "None"),
            p + ".mountPropagation",
            false);
      }
      if (propagation.equals("Bidirectional") && !privileged) {
        e.add(
            ErrorType.FORBIDDEN,
            path + ".mountPropagation",
            "Forbidden: Bidirectional mount propagation is available only to privileged containers",
            p + ".mountPropagation",
            false);
      }
      String rro = string(m.other().get("recursiveReadOnly"));
      if (m.other().containsKey("recursiveReadOnly")) {
        String rp = path + ".recursiveReadOnly";
        switch (rro) {
          case "Disabled" -> {}
          case "IfPossible", "Enabled" -> {
            if (!m.readOnly()) {
              e.add(
                  ErrorType.FORBIDDEN,
                  rp,
                  "Forbidden: may only be specified when readOnly is true",
                  p + ".recursiveReadOnly",
                  false);
            }
            if (!propagation.isEmpty() && !propagation.equals("None")) {
              e.add(
                  ErrorType.FORBIDDEN,
                  rp,
                  "Forbidden: may only be specified when mountPropagation is None or not specified",
                  p + ".recursiveReadOnly",
                  false);
            }
          }
          default ->
              e.add(
                  ErrorType.NOT_SUPPORTED,
                  rp,
                  "Unsupported value: "
                      + Render.jsonString(rro)
                      + ": supported values: "
                      + Render.supported("Disabled", "Enabled", "IfPossible"),
                  p + ".recursiveReadOnly",
                  false);
        }
      }
    }
  }

  /** {@code validateLocalDescendingPath}: relative, and no {@code ..} element. */
  private static void localDescendingPath(String value, String path, String locate, Errors e) {
    if (value.isEmpty()) {
      return;
    }
    if (value.startsWith("/")) {
      e.invalid(path, Render.goQuote(value), "must be a relative path", locate, false);
    }
    for (String part : value.split("/", -1)) {
      if (part.equals("..")) {
        e.invalid(path, Render.goQuote(value), "must not contain '..'", locate, false);
        break;
      }
    }
  }

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
  private static void resources(ResourceRequirements r, String path, Errors e) {
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

  private static void resourceName(String name, String path, Errors e) {
    List<String> msgs = Formats.qualifiedName(name);
    if (!msgs.isEmpty()) {
      for (String msg : msgs) {
        e.invalid(path, Render.jsonString(name), msg, path, true);
      }
      return;
    }
    if (name.indexOf('/') < 0) {
      if (!STANDARD_RESOURCES.contains(name) && !isHugePages(name)) {
        e.invalid(
            path,
            Render.jsonString(name),
            "must be a standard resource type or fully qualified",
            path,
            true);
      } else if (!STANDARD_CONTAINER_RESOURCES.contains(name) && !isHugePages(name)) {
        e.invalid(
            path,
            Render.jsonString(name),
            "must be a standard resource for containers",
            path,
            true);
      }
    } else if (!isNative(name) && !isExtended(name)) {
      e.invalid(
          path,
          Render.jsonString(name),
          "doesn't follow extended resource name standard",
          path,
          true);
    }
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
    if (isExtended(name) && !q.get().isWhole()) {
      e.invalid(path, Render.jsonString(q.get().toString()), "must be an integer");
    }
    return q;
  }

  private static boolean present(@org.jspecify.annotations.Nullable JsonValue v) {
    return v != null && v.kind() != JsonValue.Kind.NULL;
  }

  /** {@code validateLifecycle}: each of postStart and preStop is a handler. */
  private static void lifecycle(Container c, String p, Errors e) {
    JsonValue lifecycle = c.other().get("lifecycle");
    if (lifecycle == null || !present(lifecycle)) {
      return;
    }
    for (String hook : List.of("postStart", "preStop")) {
      JsonValue h = lifecycle.members().get(hook);
      if (h != null && present(h)) {
        handler(
            h.members().get("exec"),
            httpGet(h.members().get("httpGet")),
            h.members().get("tcpSocket"),
            null,
            h.members().get("sleep"),
            p + ".lifecycle." + hook,
            e);
      }
    }
  }

  private static @org.jspecify.annotations.Nullable HttpGetAction httpGet(
      @org.jspecify.annotations.Nullable JsonValue v) {
    if (v == null || !present(v)) {
      return null;
    }
    Map<String, JsonValue> m = v.members();
    return new HttpGetAction(
        m.getOrDefault("path", JsonValue.of("/")).asString().orElse(""),
        intOrString(m.get("port")),
        m.getOrDefault("host", JsonValue.of("")).asString().orElse(""),
        m.getOrDefault("scheme", JsonValue.of("HTTP")).asString().orElse(""),
        Map.of());
  }

  /** {@code validateHandler}: exactly one of exec, httpGet, tcpSocket, grpc, sleep. */
  private static void handler(
      @org.jspecify.annotations.Nullable JsonValue exec,
      @org.jspecify.annotations.Nullable HttpGetAction http,
      @org.jspecify.annotations.Nullable JsonValue tcp,
      @org.jspecify.annotations.Nullable JsonValue grpc,
      @org.jspecify.annotations.Nullable JsonValue sleep,
      String path,
      Errors e) {
    int handlers = 0;
    if (exec != null && present(exec)) {
      handlers++;
      if (exec.members().getOrDefault("command", JsonValue.NULL).elements().isEmpty()) {
        e.required(path + ".exec.command", "");
      }
    }
    if (http != null) {
      if (handlers++ > 0) {
        e.forbidden(path + ".httpGet", "may not specify more than 1 handler type");
      } else {
        if (http.path().isEmpty()) {
          e.required(path + ".httpGet.path", "");
        }
        port(http.port(), path + ".httpGet.port", e);
        if (!http.scheme().equals("HTTP") && !http.scheme().equals("HTTPS")) {
          e.notSupported(
              path + ".httpGet.scheme", Render.jsonString(http.scheme()), "HTTP", "HTTPS");
        }
      }
    }
    if (tcp != null && present(tcp)) {
      if (handlers++ > 0) {
        e.forbidden(path + ".tcpSocket", "may not specify more than 1 handler type");
      } else {
        port(intOrString(tcp.members().get("port")), path + ".tcpSocket.port", e);
      }
    }
    if (grpc != null && present(grpc)) {
      if (handlers++ > 0) {
        e.forbidden(path + ".grpc", "may not specify more than 1 handler type");
      } else {
        IntOrString port = intOrString(grpc.members().get("port"));
        int n = port == null || !port.isInt() ? 0 : port.intValue();
        for (String msg : Formats.portNumber(n)) {
          e.invalid(path + ".grpc.port", Integer.toString(n), msg);
        }
      }
    }
    if (present(sleep)) {
      if (handlers++ > 0) {
        e.forbidden(path + ".sleep", "may not specify more than 1 handler type");
      }
    }
    if (handlers == 0) {
      e.required(path, "must specify a handler type");
    }
  }

  /** {@code validateProbe}. */
  private static void probe(Probe probe, String path, Errors e) {
    handler(probe.exec(), probe.httpGet(), probe.tcpSocket(), probe.grpc(), null, path, e);
    e.nonNegative(probe.initialDelaySeconds(), path + ".initialDelaySeconds");
    e.nonNegative(probe.timeoutSeconds(), path + ".timeoutSeconds");
    e.nonNegative(probe.periodSeconds(), path + ".periodSeconds");
    e.nonNegative(probe.successThreshold(), path + ".successThreshold");
    e.nonNegative(probe.failureThreshold(), path + ".failureThreshold");
    Long grace = probe.terminationGracePeriodSeconds();
    if (grace != null && grace <= 0) {
      e.invalid(
          path + ".terminationGracePeriodSeconds", grace.toString(), "must be greater than 0");
    }
  }

  private static @org.jspecify.annotations.Nullable IntOrString intOrString(
      @org.jspecify.annotations.Nullable JsonValue v) {
    return IntStr.fromJson(v);
  }

  /** {@code ValidatePortNumOrName}. */
  private static void port(
      @org.jspecify.annotations.Nullable IntOrString port, String path, Errors e) {
    IntOrString p = port == null ? IntOrString.of(0) : port;
    if (p.isInt()) {
      for (String msg : Formats.portNumber(p.intValue())) {
        e.invalid(path, Integer.toString(p.intValue()), msg);
      }
    } else {
      e.eachInvalid(path, p.stringValue(), Formats.portName(p.stringValue()));
    }
  }

  /** {@code validateNodeAffinity} (R45). */
  private static void nodeAffinity(NodeAffinity na, String path, Errors e) {
    List<NodeSelectorTerm> terms = na.requiredTerms();
    if (terms != null) {
      String p = path + ".requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms";
      if (terms.isEmpty()) {
        e.required(p, "must have at least one node selector term");
      }
      for (int i = 0; i < terms.size(); i++) {
        nodeSelectorTerm(terms.get(i), p + "[" + i + "]", e);
      }
    }
    String p = path + ".preferredDuringSchedulingIgnoredDuringExecution";
    for (int i = 0; i < na.preferred().size(); i++) {
      JsonValue term = na.preferred().get(i);
      JsonValue weight = term.members().getOrDefault("weight", JsonValue.of(0));
      long w = weight instanceof JsonValue.Num n ? n.decimal().longValue() : 0;
      if (w < 1 || w > 100) {
        e.invalid(p + "[" + i + "].weight", Long.toString(w), "must be in the range 1-100");
      }
      JsonValue pref = term.members().getOrDefault("preference", JsonValue.NULL);
      nodeSelectorTerm(
          new NodeSelectorTerm(
              requirements(pref.members().get("matchExpressions")),
              requirements(pref.members().get("matchFields"))),
          p + "[" + i + "].preference",
          e);
    }
  }

  private static List<NodeSelectorRequirement> requirements(
      @org.jspecify.annotations.Nullable JsonValue list) {
    if (list == null) {
      return List.of();
    }
    return list.elements().stream()
        .map(
            r ->
                new NodeSelectorRequirement(
                    r.members().getOrDefault("key", JsonValue.of("")).asString().orElse(""),
                    r.members().getOrDefault("operator", JsonValue.of("")).asString().orElse(""),
                    r.members().getOrDefault("values", JsonValue.NULL).elements().stream()
                        .map(v -> v.asString().orElse(v.toString()))
                        .toList()))
        .toList();
  }

  private static void nodeSelectorTerm(NodeSelectorTerm term, String path, Errors e) {
    for (int j = 0; j < term.matchExpressions().size(); j++) {
      NodeSelectorRequirement r = term.matchExpressions().get(j);
      String p = path + ".matchExpressions[" + j + "]";
      DaemonSetRules.requirement(r.key(), r.operator(), r.values(), true, p, e);
    }
    for (int j = 0; j < term.matchFields().size(); j++) {
      NodeSelectorRequirement r = term.matchFields().get(j);
      String p = path + ".matchFields[" + j + "]";
      if (r.operator().equals("In") || r.operator().equals("NotIn")) {
        if (r.values().size() != 1) {
          e.required(
              p + ".values",
              "must be only one value when `operator` is 'In' or 'NotIn' for node field selector");
        }
      } else {
        e.invalid(
            p + ".operator", Render.jsonString(r.operator()), "not a valid selector operator");
      }
      if (!r.key().equals("metadata.name")) {
        e.invalid(p + ".key", Render.goQuote(r.key()), "not a valid field selector key");
      } else {
        for (int k = 0; k < r.values().size(); k++) {
          e.eachInvalid(
              p + ".values[" + k + "]",
              r.values().get(k),
              Formats.nameIsDnsSubdomain(r.values().get(k), false));
        }
      }
    }
  }

  /** {@code validatePodAffinity} (R46): terms, then weighted terms. */
  private static void podAffinity(JsonValue affinity, String path, Errors e) {
    List<JsonValue> required =
        affinity
            .members()
            .getOrDefault("requiredDuringSchedulingIgnoredDuringExecution", JsonValue.NULL)
            .elements();
    for (int i = 0; i < required.size(); i++) {
      podAffinityTerm(
          required.get(i), path + ".requiredDuringSchedulingIgnoredDuringExecution[" + i + "]", e);
    }
    List<JsonValue> preferred =
        affinity
            .members()
            .getOrDefault("preferredDuringSchedulingIgnoredDuringExecution", JsonValue.NULL)
            .elements();
    for (int i = 0; i < preferred.size(); i++) {
      String p = path + ".preferredDuringSchedulingIgnoredDuringExecution[" + i + "]";
      JsonValue weight = preferred.get(i).members().getOrDefault("weight", JsonValue.of(0));
      long w = weight instanceof JsonValue.Num n ? n.decimal().longValue() : 0;
      if (w < 1 || w > 100) {
        e.invalid(p + ".weight", Long.toString(w), "must be in the range 1-100");
      }
      podAffinityTerm(
          preferred.get(i).members().getOrDefault("podAffinityTerm", JsonValue.Obj.EMPTY),
          p + ".podAffinityTerm",
          e);
    }
  }

  private static void podAffinityTerm(JsonValue term, String path, Errors e) {
    DaemonSetRules.selector(
        labelSelector(term.members().get("labelSelector")), path + ".labelSelector", e);
    DaemonSetRules.selector(
        labelSelector(term.members().get("namespaceSelector")), path + ".namespaceSelector", e);
    List<JsonValue> namespaces =
        term.members().getOrDefault("namespaces", JsonValue.NULL).elements();
    for (int i = 0; i < namespaces.size(); i++) {
      String ns = namespaces.get(i).asString().orElse("");
      // upstream names the path "namespace", without an index
      for (String msg : Formats.dns1123Label(ns)) {
        e.invalid(
            path + ".namespace", Render.goQuote(ns), msg, path + ".namespaces[" + i + "]", false);
      }
    }
    String topologyKey =
        term.members().getOrDefault("topologyKey", JsonValue.of("")).asString().orElse("");
    if (topologyKey.isEmpty()) {
      e.required(path + ".topologyKey", "can not be empty");
    }
    e.eachInvalid(path + ".topologyKey", topologyKey, Formats.qualifiedName(topologyKey));
  }

  private static @org.jspecify.annotations.Nullable LabelSelector labelSelector(
      @org.jspecify.annotations.Nullable JsonValue v) {
    if (v == null || v.kind() != JsonValue.Kind.OBJECT) {
      return null;
    }
    Map<String, String> labels = new java.util.TreeMap<>();
    v.members()
        .getOrDefault("matchLabels", JsonValue.NULL)
        .members()
        .forEach((k, x) -> labels.put(k, x.asString().orElse(x.toString())));
    List<LabelSelector.LabelSelectorRequirement> exprs =
        requirements(v.members().get("matchExpressions")).stream()
            .map(r -> new LabelSelector.LabelSelectorRequirement(r.key(), r.operator(), r.values()))
            .toList();
    return new LabelSelector(labels, exprs, Map.of());
  }

  /**
   * {@code validateTopologySpreadConstraints}: skew, key, action, no repeated {key, action}, min
   * domains, inclusion policies and the label selector ({@code matchLabelKeys} is not checked).
   */
  private static void topologySpread(List<JsonValue> constraints, String path, Errors e) {
    for (int i = 0; i < constraints.size(); i++) {
      Map<String, JsonValue> c = constraints.get(i).members();
      String p = path + "[" + i + "]";
      long skew = c.get("maxSkew") instanceof JsonValue.Num n ? n.decimal().longValue() : 0;
      if (skew <= 0) {
        e.invalid(p + ".maxSkew", Long.toString(skew), "must be greater than zero");
      }
      String key = string(c.get("topologyKey"));
      if (key.isEmpty()) {
        e.required(p + ".topologyKey", "can not be empty");
      }
      String action = string(c.get("whenUnsatisfiable"));
      if (!action.equals("DoNotSchedule") && !action.equals("ScheduleAnyway")) {
        e.notSupported(
            p + ".whenUnsatisfiable", Render.jsonString(action), "DoNotSchedule", "ScheduleAnyway");
      }
      for (int j = i + 1; j < constraints.size(); j++) {
        Map<String, JsonValue> other = constraints.get(j).members();
        if (key.equals(string(other.get("topologyKey")))
            && action.equals(string(other.get("whenUnsatisfiable")))) {
          e.duplicate(
              p + ".{topologyKey, whenUnsatisfiable}",
              Render.goQuote("{" + key + ", " + action + "}"));
          break;
        }
      }
      if (c.get("minDomains") instanceof JsonValue.Num n) {
        if (n.decimal().signum() <= 0) {
          e.invalid(p + ".minDomains", n.toString(), "must be greater than zero");
        }
        if (!action.equals("DoNotSchedule")) {
          e.invalid(
              p + ".minDomains",
              n.toString(),
              "can only use minDomains if whenUnsatisfiable=DoNotSchedule, not " + action);
        }
      }
      for (String policy : List.of("nodeAffinityPolicy", "nodeTaintsPolicy")) {
        JsonValue v = c.get(policy);
        if (present(v) && !string(v).equals("Honor") && !string(v).equals("Ignore")) {
          e.notSupported(p + "." + policy, Render.jsonString(string(v)), "Honor", "Ignore");
        }
      }
      DaemonSetRules.selector(labelSelector(c.get("labelSelector")), p + ".labelSelector", e);
    }
  }

  /** {@code ValidateTolerations} (R47). */
  private static void tolerations(List<Toleration> tolerations, String path, Errors e) {
    for (int i = 0; i < tolerations.size(); i++) {
      Toleration t = tolerations.get(i);
      String p = path + "[" + i + "]";
      if (!t.key().isEmpty()) {
        e.eachInvalid(p + ".key", t.key(), Formats.qualifiedName(t.key()));
      }
      if (t.key().isEmpty() && !"Exists".equals(t.operator())) {
        e.invalid(
            p + ".operator",
            Render.jsonString(t.operator()),
            "operator must be Exists when `key` is empty, which means \"match all values and all keys\"");
      }
      if (t.tolerationSeconds() != null && !"NoExecute".equals(t.effect())) {
        e.invalid(
            p + ".effect",
            Render.jsonString(t.effect()),
            "effect must be 'NoExecute' when `tolerationSeconds` is set");
      }
      switch (t.operator()) {
        case "Equal", "" -> {
          List<String> msgs = Formats.labelValue(t.value());
          if (!msgs.isEmpty()) {
            e.invalid(
                p + ".operator",
                Render.goQuote(t.value()),
                String.join(";", msgs),
                p + ".value",
                false);
          }
        }
        case "Exists" -> {
          if (!t.value().isEmpty()) {
            e.invalid(
                p + ".operator",
                Render.goQuote(t.value()),
                "value must be empty when `operator` is 'Exists'",
                p + ".value",
                false);
          }
        }
        default ->
            e.notSupported(p + ".operator", Render.jsonString(t.operator()), "Equal", "Exists");
      }
      if (!t.effect().isEmpty()) {
        switch (t.effect()) {
          case "NoSchedule", "PreferNoSchedule", "NoExecute" -> {}
          default ->
              e.notSupported(
                  p + ".effect",
                  Render.jsonString(t.effect()),
                  "NoSchedule",
                  "PreferNoSchedule",
                  "NoExecute");
        }
      }
    }
  }
}
