package dev.daemonset.core.read;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * The limits a {@link ManifestReader} enforces so that hostile input costs bounded time and memory.
 * Each violation becomes one located error diagnostic; reading never throws because of them.
 *
 * <p>Immutable. Example: {@code
 * ManifestReader.defaults().withLimits(ReadLimits.DEFAULTS.withMaxObjectSize(1 << 20))}.
 *
 * @param maxObjectSize the largest single object, in characters (the API server's request limit is
 *     3 MiB); a {@code v1 List} may be larger as long as each item fits
 * @param maxTotalSize the largest input, in bytes (a whole stream or {@code v1 List})
 * @param maxDepth the deepest nesting of maps and lists
 * @param maxAliases the most YAML aliases in one document
 * @param maxAliasExpansion the most nodes that aliases may add to one document once expanded
 * @param maxStringLength the longest string or key, in characters
 * @param maxNumberLength the longest number literal, in characters
 * @since 0.2
 */
@API(status = STABLE, since = "0.2")
public record ReadLimits(
    int maxObjectSize,
    long maxTotalSize,
    int maxDepth,
    int maxAliases,
    long maxAliasExpansion,
    int maxStringLength,
    int maxNumberLength) {

  /**
   * 3 MiB objects, 1 GiB in total, depth 64, 50 aliases adding at most 10,000 nodes, 1 MiB strings,
   * 64-character numbers.
   */
  public static final ReadLimits DEFAULTS =
      new ReadLimits(3 << 20, 1L << 30, 64, 50, 10_000, 1 << 20, 64);

  public ReadLimits {
    if (maxObjectSize < 1
        || maxTotalSize < 1
        || maxDepth < 1
        || maxAliases < 0
        || maxAliasExpansion < 0
        || maxStringLength < 1
        || maxNumberLength < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  /** These limits with another object size. */
  public ReadLimits withMaxObjectSize(int value) {
    return new ReadLimits(
        value,
        maxTotalSize,
        maxDepth,
        maxAliases,
        maxAliasExpansion,
        maxStringLength,
        maxNumberLength);
  }

  /** These limits with another total size. */
  public ReadLimits withMaxTotalSize(long value) {
    return new ReadLimits(
        maxObjectSize,
        value,
        maxDepth,
        maxAliases,
        maxAliasExpansion,
        maxStringLength,
        maxNumberLength);
  }

  /** These limits with another nesting depth. */
  public ReadLimits withMaxDepth(int value) {
    return new ReadLimits(
        maxObjectSize,
        maxTotalSize,
        value,
        maxAliases,
        maxAliasExpansion,
        maxStringLength,
        maxNumberLength);
  }

  /** These limits with another alias count. */
  public ReadLimits withMaxAliases(int value) {
    return new ReadLimits(
        maxObjectSize,
        maxTotalSize,
        maxDepth,
        value,
        maxAliasExpansion,
        maxStringLength,
        maxNumberLength);
  }

  /** These limits with another alias expansion budget. */
  public ReadLimits withMaxAliasExpansion(long value) {
    return new ReadLimits(
        maxObjectSize, maxTotalSize, maxDepth, maxAliases, value, maxStringLength, maxNumberLength);
  }

  /** These limits with another string length. */
  public ReadLimits withMaxStringLength(int value) {
    return new ReadLimits(
        maxObjectSize,
        maxTotalSize,
        maxDepth,
        maxAliases,
        maxAliasExpansion,
        value,
        maxNumberLength);
  }

  /** These limits with another number literal length. */
  public ReadLimits withMaxNumberLength(int value) {
    return new ReadLimits(
        maxObjectSize,
        maxTotalSize,
        maxDepth,
        maxAliases,
        maxAliasExpansion,
        maxStringLength,
        value);
  }
}
