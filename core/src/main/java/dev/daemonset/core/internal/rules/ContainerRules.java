package dev.daemonset.core.internal.rules;

import static dev.daemonset.core.internal.rules.Views.present;
import static dev.daemonset.core.internal.rules.Views.string;

import dev.daemonset.api.model.Container;
import dev.daemonset.api.model.ContainerPort;
import dev.daemonset.api.model.EnvVar;
import dev.daemonset.api.model.JsonValue;
import dev.daemonset.core.internal.validation.Formats;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A container's own fields, from core's {@code validation.go}: {@code validateContainers}, {@code
 * validateContainerCommon}, {@code validateContainerPorts}, {@code ValidateEnv}, {@code
 * validateEnvVarValueFrom}, {@code validateObjectFieldSelector} and {@code ValidateEnvFrom}. Probes
 * and lifecycle hooks are in {@link ProbeRules}, resources in {@link ResourceRules}, volume mounts
 * in {@link VolumeRules}, the security context in {@link SecurityRules}.
 */
final class ContainerRules {
  private ContainerRules() {}

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

  /**
   * The labels {@code ConvertDownwardAPIFieldLabel} (core's {@code pods/helpers.go}) converts for
   * apiVersion v1; {@code spec.host}, also accepted, becomes {@code spec.nodeName}.
   */
  private static final Set<String> CONVERTIBLE_FIELD_PATHS =
      Set.of(
          "metadata.annotations",
          "metadata.labels",
          "metadata.name",
          "metadata.namespace",
          "metadata.uid",
          "spec.nodeName",
          "spec.restartPolicy",
          "spec.serviceAccountName",
          "spec.schedulerName",
          "status.phase",
          "status.hostIP",
          "status.hostIPs",
          "status.podIP",
          "status.podIPs");

  /**
   * {@code validateContainers}: at least one, each a container with unique name, lifecycle and
   * probes, a valid restart policy and rules, and host ports unique across them.
   */
  static void containers(
      List<Container> cs,
      Set<String> volumes,
      boolean hostUsers,
      @Nullable Long gracePeriod,
      String path,
      Errors e) {
    if (cs.isEmpty()) {
      e.required(path, "");
      return;
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < cs.size(); i++) {
      Container c = cs.get(i);
      String p = path + "[" + i + "]";
      container(c, volumes, hostUsers, p, e);
      if (!names.add(c.name())) {
        e.duplicate(p + ".name", Render.goQuote(c.name()));
      }
      ProbeRules.lifecycle(c, gracePeriod, p, e);
      ProbeRules.probes(c, p, e);
      // ContainerRestartRules is beta and on by default in 1.35: a regular container may say how
      // it restarts (before, restartPolicy was Forbidden here)
      restartPolicy(c, p, e);
    }
    NetworkRules.hostPorts(cs, path, 0, e);
  }

  private static final String[] RESTART_POLICIES = {"Always", "Never", "OnFailure"};

  /**
   * {@code validateContainerRestartPolicy}, as a default 1.35 server runs it (the {@code
   * RestartAllContainersOnContainerExits} gate off): the container's {@code restartPolicy} is one
   * of {@code Always}, {@code Never}, {@code OnFailure}, and its {@code restartPolicyRules} (at
   * most 20) need a policy, say {@code Restart} and give {@code exitCodes} with operator {@code In}
   * or {@code NotIn} and at most 255 values.
   */
  static void restartPolicy(Container c, String p, Errors e) {
    List<JsonValue> rules = Views.list(c.other(), "restartPolicyRules");
    if (c.restartPolicy().isEmpty()) {
      if (rules.isEmpty()) {
        return;
      }
      e.required(p + ".restartPolicy", "must specify restartPolicy when restart rules are used");
    } else if (!List.of(RESTART_POLICIES).contains(c.restartPolicy())) {
      e.notSupported(p + ".restartPolicy", Render.jsonString(c.restartPolicy()), RESTART_POLICIES);
    }
    String rulesPath = p + ".restartPolicyRules";
    if (rules.size() > 20) {
      e.add(
          ErrorType.TOO_LONG,
          rulesPath,
          "Too long: may not be more than 20 bytes",
          rulesPath,
          false);
    }
    for (int i = 0; i < rules.size(); i++) {
      Map<String, JsonValue> rule = rules.get(i).members();
      String r = rulesPath + "[" + i + "]";
      String action = string(rule.get("action"));
      if (!action.equals("Restart")) {
        e.notSupported(r + ".action", Render.jsonString(action), "Restart");
      }
      JsonValue exitCodes = rule.get("exitCodes");
      if (exitCodes == null || !present(exitCodes)) {
        e.required(r + ".exitCodes", "must be specified");
        continue;
      }
      String operator = string(exitCodes.members().get("operator"));
      if (!operator.equals("In") && !operator.equals("NotIn")) {
        e.notSupported(r + ".exitCodes.operator", Render.jsonString(operator), "In", "NotIn");
      }
      if (Views.list(exitCodes.members(), "values").size() > 255) {
        String v = r + ".exitCodes.values";
        e.add(ErrorType.TOO_LONG, v, "Too long: may not be more than 255 bytes", v, false);
      }
    }
  }

  /** {@code validateContainerCommon}. */
  static void container(Container c, Set<String> volumes, boolean hostUsers, String p, Errors e) {
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
    envFrom(Views.ContainerExtras.of(c).envFrom(), p + ".envFrom", e);
    boolean privileged =
        c.securityContext() != null && Boolean.TRUE.equals(c.securityContext().privileged());
    VolumeRules.volumeMounts(c.volumeMounts(), volumes, privileged, p + ".volumeMounts", e);
    switch (c.imagePullPolicy()) {
      case Container.PULL_ALWAYS, Container.PULL_IF_NOT_PRESENT, Container.PULL_NEVER -> {}
      case "" -> e.required(p + ".imagePullPolicy", "");
      default ->
          e.notSupported(
              p + ".imagePullPolicy",
              Render.jsonString(c.imagePullPolicy()),
              Container.PULL_ALWAYS,
              Container.PULL_IF_NOT_PRESENT,
              Container.PULL_NEVER);
    }
    ResourceRules.resources(c.resources(), p + ".resources", e);
    SecurityRules.container(c.securityContext(), hostUsers, p + ".securityContext", e);
  }

  /** {@code validateContainerPorts}. */
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

  /** {@code ValidateEnv} and {@code validateEnvVarValueFrom}. */
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

  /**
   * {@code validateObjectFieldSelector} against the pod's downward-API field paths, after {@code
   * ConvertDownwardAPIFieldLabel}: an unknown or wrongly subscripted label fails the conversion; a
   * subscript of labels or annotations must be a qualified name (annotation keys lower-cased),
   * reported on the selector itself.
   */
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
    String conversionError = null;
    String internal = fieldPath;
    String[] split = splitSubscript(fieldPath);
    if (!apiVersion.equals("v1")) {
      conversionError = "unsupported pod version: " + apiVersion;
    } else if (split != null) {
      if (!split[0].equals("metadata.annotations") && !split[0].equals("metadata.labels")) {
        conversionError = "field label does not support subscript: " + fieldPath;
      }
    } else if (fieldPath.equals("spec.host")) {
      internal = "spec.nodeName";
    } else if (!CONVERTIBLE_FIELD_PATHS.contains(fieldPath)) {
      conversionError = "field label not supported: " + fieldPath;
    }
    if (conversionError != null) {
      e.invalid(
          path + ".fieldPath",
          Render.goQuote(fieldPath),
          "error converting fieldPath: " + conversionError);
      return;
    }
    if (split != null) {
      String key =
          split[0].equals("metadata.annotations") ? split[1].toLowerCase(Locale.ROOT) : split[1];
      e.eachInvalid(path, key, Formats.qualifiedName(key));
    } else if (!ENV_FIELD_PATHS.contains(internal)) {
      e.notSupported(
          path + ".fieldPath",
          Render.goQuote(internal),
          ENV_FIELD_PATHS.stream().sorted().toArray(String[]::new));
    }
  }

  /**
   * {@code fieldpath.SplitMaybeSubscriptedPath}: {@code a['k']} as {@code [a, k]}, or null when the
   * path has no subscript (or nothing before it).
   */
  private static String @org.jspecify.annotations.Nullable [] splitSubscript(String fieldPath) {
    if (!fieldPath.endsWith("']")) {
      return null;
    }
    String s = fieldPath.substring(0, fieldPath.length() - 2);
    int open = s.indexOf("['");
    if (open <= 0) {
      return null;
    }
    return new String[] {s.substring(0, open), s.substring(open + 2)};
  }
}
