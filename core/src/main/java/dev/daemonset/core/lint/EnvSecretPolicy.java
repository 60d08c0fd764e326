package dev.daemonset.core.lint;

import dev.daemonset.api.Severity;
import dev.daemonset.api.lint.Finding;
import dev.daemonset.api.lint.PolicyInput;
import dev.daemonset.api.lint.RuleInfo;
import dev.daemonset.api.lint.RuleParameter;
import dev.daemonset.api.model.EnvVar;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** An environment variable whose name says secret and whose value is written in the manifest. */
final class EnvSecretPolicy extends BuiltinPolicy {
  static final String DEFAULT_NAMES =
      "(?i).*(password|passwd|secret|token|api_?key|private_?key|credential|access_?key).*";

  /** Names that hold where a secret is or how it is used, not the secret itself. */
  private static final Pattern REFERENCE =
      Pattern.compile(
          "(?i).*(_file|_path|_dir|_name|_ref|_url|_uri|_endpoint|_header|_enabled|_ttl|_type)$");

  EnvSecretPolicy() {
    super(
        new RuleInfo(
                "env-secret-literal",
                "Secret written into an environment variable",
                "An environment variable whose name says it holds a secret (`namePattern`) has its"
                    + " value written in the manifest: it is in version control, in every copy of"
                    + " the manifest, and readable by anyone who can read the DaemonSet. Values that"
                    + " are references rather than secrets are not reported: `$(VAR)`, paths,"
                    + " URLs without credentials, `true`/`false`, numbers, and names ending in"
                    + " `_FILE`, `_PATH`, `_NAME`, `_URL` and the like.",
                "Put the value in a Secret and use `valueFrom.secretKeyRef`, or mount the Secret"
                    + " as a file.",
                Severity.WARNING)
            .withParameters(
                List.of(
                    RuleParameter.string(
                        "namePattern",
                        DEFAULT_NAMES,
                        "A Java regular expression that variable names holding secrets match."))),
        "kube-linter `env-var-secret`, Polaris `sensitiveContainerEnvVar`");
  }

  @Override
  public List<Finding> check(PolicyInput input) {
    Pattern names;
    try {
      names = Pattern.compile(input.parameters().string("namePattern"));
    } catch (PatternSyntaxException e) {
      return List.of(
          new Finding(
              "metadata.name",
              "the namePattern of env-secret-literal is not a regular expression: "
                  + e.getDescription(),
              Severity.ERROR));
    }
    List<Finding> findings = new ArrayList<>();
    for (Containers c : Containers.all(input.daemonSet().spec().template().spec())) {
      List<EnvVar> env = c.container().env();
      for (int i = 0; i < env.size(); i++) {
        EnvVar e = env.get(i);
        if (names.matcher(e.name()).matches()
            && !REFERENCE.matcher(e.name()).matches()
            && looksSecret(e.value())) {
          findings.add(
              Finding.at(
                  c.path() + ".env[" + i + "].value",
                  "environment variable "
                      + e.name()
                      + " of container `"
                      + c.container().name()
                      + "` holds a literal value: use a Secret (valueFrom.secretKeyRef)"));
        }
      }
    }
    return findings;
  }

  /** A written value that could be a secret: not empty and not obviously a reference. */
  static boolean looksSecret(String value) {
    String v = value.trim();
    String lower = v.toLowerCase(Locale.ROOT);
    if (v.isEmpty()
        || v.contains("$(")
        || v.startsWith("/")
        || lower.equals("true")
        || lower.equals("false")
        || v.chars().allMatch(Character::isDigit)) {
      return false;
    }
    int scheme = v.indexOf("://");
    return scheme < 0 || v.indexOf('@', scheme) >= 0; // a URL only with user info
  }
}
