package dev.daemonset.api.lint;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.daemonset.api.Severity;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * What a rule is, for people and tools: SARIF rule descriptors, {@code --help} and README tables
 * are made from it.
 *
 * <p>A rule id is kebab-case ({@code image-tag-latest}: lower-case letters and digits in words
 * joined by single hyphens, starting with a letter), or one of the fixed {@link
 * #KUBERNETES_ERROR_TYPES} that API-server validation reports. Any other id is a programming error
 * and is rejected here, so a policy with a malformed id fails where it is built, not later in some
 * report.
 *
 * <p>Besides the texts, a rule may name the page that documents it ({@link #helpUri()}, shown by
 * code-scanning services and editors), declare {@link RuleParameter parameters} that users set in
 * the configuration file, and be off until a user switches it on ({@link #enabledByDefault()}
 * false: a check most node agents fail on purpose, worth running only where a team asks for it).
 *
 * <pre>{@code
 * new RuleInfo("require-team-label", "Team label required",
 *     "Every DaemonSet names its owning team in metadata.labels[team].",
 *     "Add `team: <name>` to metadata.labels.", Severity.WARNING)
 *     .withHelpUri("https://wiki.example.com/k8s/labels#team")
 *     .withParameters(List.of(RuleParameter.string("label", "team", "The label to require.")));
 * }</pre>
 *
 * @param id the stable code its diagnostics carry (kebab-case for policies and reader findings,
 *     Kubernetes' error type for API-server validation)
 * @param name a short title, for example "Image uses the latest tag"
 * @param description one or two sentences on what it finds and why it matters
 * @param help how to fix it
 * @param defaultSeverity the severity its findings have unless configured otherwise
 * @param helpUri an absolute URI of the rule's documentation, or empty
 * @param parameters the settings the rule reads, in documentation order (names unique)
 * @param enabledByDefault whether the rule runs unless configured otherwise
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record RuleInfo(
    String id,
    String name,
    String description,
    String help,
    Severity defaultSeverity,
    String helpUri,
    List<RuleParameter> parameters,
    boolean enabledByDefault) {

  /**
   * The error types of Kubernetes' field validation (apimachinery's {@code field.ErrorType}), the
   * only rule ids that are not kebab-case.
   */
  public static final Set<String> KUBERNETES_ERROR_TYPES =
      Set.of(
          "FieldValueNotFound",
          "FieldValueRequired",
          "FieldValueDuplicate",
          "FieldValueInvalid",
          "FieldValueNotSupported",
          "FieldValueForbidden",
          "FieldValueTooLong",
          "FieldValueTooMany",
          "FieldValueTypeInvalid",
          "InternalError");

  /**
   * Checks every component.
   *
   * @throws NullPointerException if a component is {@code null}
   * @throws IllegalArgumentException if {@code id} is neither kebab-case nor a Kubernetes error
   *     type, {@code helpUri} is neither empty nor an absolute URI, or two parameters share a name
   */
  public RuleInfo {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    requireNonNull(description, "description");
    requireNonNull(help, "help");
    requireNonNull(defaultSeverity, "defaultSeverity");
    requireNonNull(helpUri, "helpUri");
    parameters = List.copyOf(parameters);
    if (!helpUri.isEmpty() && !isAbsoluteUri(helpUri)) {
      throw new IllegalArgumentException(
          "helpUri of rule " + id + " is not an absolute URI: \"" + helpUri + "\"");
    }
    Set<String> names = new HashSet<>();
    for (RuleParameter p : parameters) {
      if (!names.add(p.name())) {
        throw new IllegalArgumentException(
            "rule " + id + " declares the parameter " + p.name() + " twice");
      }
    }
    if (!isValidId(id)) {
      throw new IllegalArgumentException(
          "malformed rule id \""
              + id
              + "\": a rule id is kebab-case (lower-case letters and digits in words joined by"
              + " single hyphens, starting with a letter, such as image-tag-latest)");
    }
  }

  /**
   * A rule without a documentation link or parameters, on by default.
   *
   * @throws IllegalArgumentException if {@code id} is neither kebab-case nor a Kubernetes error
   *     type
   */
  public RuleInfo(
      String id, String name, String description, String help, Severity defaultSeverity) {
    this(id, name, description, help, defaultSeverity, "", List.of(), true);
  }

  /** This rule documented at {@code uri} (an absolute URI, or empty for none). */
  public RuleInfo withHelpUri(String uri) {
    return new RuleInfo(
        id, name, description, help, defaultSeverity, uri, parameters, enabledByDefault);
  }

  /** This rule with these parameters. */
  public RuleInfo withParameters(List<RuleParameter> newParameters) {
    return new RuleInfo(
        id, name, description, help, defaultSeverity, helpUri, newParameters, enabledByDefault);
  }

  /** This rule reported at {@code severity} by default. */
  public RuleInfo withDefaultSeverity(Severity severity) {
    return new RuleInfo(
        id, name, description, help, severity, helpUri, parameters, enabledByDefault);
  }

  /** This rule on by default ({@code true}) or only when switched on ({@code false}). */
  public RuleInfo withEnabledByDefault(boolean enabled) {
    return new RuleInfo(id, name, description, help, defaultSeverity, helpUri, parameters, enabled);
  }

  /** The parameter named {@code parameterName}, if the rule declares one. */
  public Optional<RuleParameter> parameter(String parameterName) {
    requireNonNull(parameterName, "parameterName");
    return parameters.stream().filter(p -> p.name().equals(parameterName)).findFirst();
  }

  private static boolean isAbsoluteUri(String uri) {
    try {
      return new URI(uri).isAbsolute();
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** True if {@code id} is kebab-case or one of the {@link #KUBERNETES_ERROR_TYPES}. */
  public static boolean isValidId(String id) {
    return isKebabCase(requireNonNull(id, "id")) || KUBERNETES_ERROR_TYPES.contains(id);
  }

  /** {@code [a-z][a-z0-9]*(-[a-z0-9]+)*}, as a loop. */
  private static boolean isKebabCase(String id) {
    if (id.isEmpty() || id.charAt(0) < 'a' || id.charAt(0) > 'z') {
      return false;
    }
    boolean afterHyphen = false;
    for (int i = 1; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c == '-') {
        if (afterHyphen) {
          return false;
        }
        afterHyphen = true;
      } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        afterHyphen = false;
      } else {
        return false;
      }
    }
    return !afterHyphen;
  }
}
