package dev.daemonset.core.internal.image;

import static java.util.Objects.requireNonNull;

import dev.daemonset.api.model.Container;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container image reference parsed as the kubelet and the API server's defaulting parse it
 * (Kubernetes' {@code parsers.ParseImageName} over the distribution reference grammar): Docker Hub
 * names are normalised ({@code busybox} is {@code docker.io/library/busybox}), the repository must
 * be lower case, the tag is at most 128 word characters, dots and dashes, and a digest must be a
 * well-formed sha256, sha384 or sha512 digest.
 *
 * <p>Immutable. Text that is not a reference gives an empty {@link #parse} result, never an
 * exception.
 *
 * <pre>{@code
 * ImageReference.parse("busybox").orElseThrow().tag();                // "" (no tag, no digest)
 * ImageReference.parse("registry:5000/agent:1.4").orElseThrow().tag(); // "1.4"
 * }</pre>
 *
 * @param name the normalised repository name, domain included
 * @param tag the tag as written; "" if none
 * @param digest the digest as written; "" if none
 */
public record ImageReference(String name, String tag, String digest) {

  public ImageReference {
    requireNonNull(name, "name");
    requireNonNull(tag, "tag");
    requireNonNull(digest, "digest");
  }

  private static final String PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
  private static final String DOMAIN_COMPONENT =
      "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
  private static final String HOST =
      "(?:" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*|\\[[a-fA-F0-9:]+\\])";
  private static final String NAME =
      "(?:" + HOST + "(?::[0-9]+)?/)?" + PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*";
  private static final Pattern REFERENCE =
      Pattern.compile(
          "("
              + NAME
              + ")(?::([\\w][\\w.-]{0,127}))?"
              + "(?:@([A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}))?");
  private static final Pattern IDENTIFIER = Pattern.compile("[a-f0-9]{64}");
  private static final Map<String, Pattern> DIGESTS =
      Map.of(
          "sha256", Pattern.compile("[a-f0-9]{64}"),
          "sha384", Pattern.compile("[a-f0-9]{96}"),
          "sha512", Pattern.compile("[a-f0-9]{128}"));
  private static final int NAME_MAX = 255;
  private static final String DEFAULT_DOMAIN = "docker.io";

  /** Parses {@code image}; empty when Kubernetes could not parse it. */
  public static Optional<ImageReference> parse(String image) {
    if (image.length() > 4096 || IDENTIFIER.matcher(image).matches()) {
      return Optional.empty();
    }
    String domain = DEFAULT_DOMAIN;
    String remainder = image;
    int slash = image.indexOf('/');
    if (slash >= 0) {
      String first = image.substring(0, slash);
      boolean isDomain =
          first.contains(".")
              || first.contains(":")
              || first.equals("localhost")
              || !first.toLowerCase(java.util.Locale.ROOT).equals(first);
      if (isDomain) {
        domain = first.equals("index.docker.io") ? DEFAULT_DOMAIN : first;
        remainder = image.substring(slash + 1);
      }
    }
    if (domain.equals(DEFAULT_DOMAIN) && remainder.indexOf('/') < 0) {
      remainder = "library/" + remainder;
    }
    int colon = remainder.indexOf(':');
    String repository = colon < 0 ? remainder : remainder.substring(0, colon);
    if (!repository.toLowerCase(java.util.Locale.ROOT).equals(repository)) {
      return Optional.empty();
    }
    Matcher m = REFERENCE.matcher(domain + "/" + remainder);
    if (!m.matches() || m.group(1).length() > NAME_MAX) {
      return Optional.empty();
    }
    String digest = m.group(3) == null ? "" : m.group(3);
    if (!digest.isEmpty()) {
      int sep = digest.indexOf(':');
      Pattern encoded = DIGESTS.get(digest.substring(0, sep));
      if (encoded == null || !encoded.matcher(digest.substring(sep + 1)).matches()) {
        return Optional.empty();
      }
    }
    return Optional.of(
        new ImageReference(m.group(1), m.group(2) == null ? "" : m.group(2), digest));
  }

  /**
   * The pull policy the API server defaults to for {@code image}: {@code Always} when the tag is
   * {@code latest} or there is neither tag nor digest (both mean {@code latest}), otherwise, and
   * for an image that does not parse, {@code IfNotPresent}.
   */
  public static String defaultPullPolicy(String image) {
    return parse(image)
        .filter(r -> r.tag().equals("latest") || (r.tag().isEmpty() && r.digest().isEmpty()))
        .map(r -> Container.PULL_ALWAYS)
        .orElse(Container.PULL_IF_NOT_PRESENT);
  }
}
