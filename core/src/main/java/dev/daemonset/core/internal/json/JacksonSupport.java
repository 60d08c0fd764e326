package dev.daemonset.core.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.Version;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.jspecify.annotations.Nullable;

/**
 * The Jackson found at run time. Core needs jackson-core and jackson-dataformat-yaml {@link
 * #MINIMUM} or newer; what newer versions add is detected, not assumed: jackson-core 2.15 brought
 * {@code StreamReadConstraints} (its limits are lifted for reading, where {@code ReadLimits} apply
 * instead), 2.16 the limit on names.
 *
 * <p>With an older Jackson, every use fails with one {@link IllegalStateException} that names the
 * version found and the minimum, instead of a {@code NoSuchMethodError} on first use and a {@code
 * NoClassDefFoundError} ever after.
 */
public final class JacksonSupport {
  private JacksonSupport() {}

  /** The oldest jackson-core and jackson-dataformat-yaml this build works with. */
  public static final Version MINIMUM = new Version(2, 15, 0, null, null, null);

  private static final @Nullable String PROBLEM = problem();

  /** Throws if the Jackson on the class or module path is older than {@link #MINIMUM}. */
  public static void require() {
    if (PROBLEM != null) {
      throw new IllegalStateException(PROBLEM);
    }
  }

  private static @Nullable String problem() {
    Version core = com.fasterxml.jackson.core.json.PackageVersion.VERSION;
    Version yaml = com.fasterxml.jackson.dataformat.yaml.PackageVersion.VERSION;
    for (Version v : new Version[] {core, yaml}) {
      if (older(v, MINIMUM)) {
        return "daemonset-core needs Jackson "
            + MINIMUM.getMajorVersion()
            + "."
            + MINIMUM.getMinorVersion()
            + " or newer, but found "
            + v.getArtifactId()
            + " "
            + v
            + "; use a newer Jackson (for example through com.fasterxml.jackson:jackson-bom)";
      }
    }
    return null;
  }

  /** By number alone ({@link Version#compareTo} orders by group and artifact first). */
  static boolean older(Version v, Version than) {
    if (v.getMajorVersion() != than.getMajorVersion()) {
      return v.getMajorVersion() < than.getMajorVersion();
    }
    if (v.getMinorVersion() != than.getMinorVersion()) {
      return v.getMinorVersion() < than.getMinorVersion();
    }
    return v.getPatchLevel() < than.getPatchLevel();
  }

  /**
   * A JSON factory for reading whose own limits (nesting, number, string and name lengths, where
   * this Jackson has them) are lifted: the reader enforces {@code ReadLimits} itself, with located
   * diagnostics.
   */
  public static JsonFactory unlimitedReading() {
    require();
    return Limits.lifted();
  }

  /** Kept apart so that nothing loads {@code StreamReadConstraints} before the version check. */
  private static final class Limits {
    static JsonFactory lifted() {
      com.fasterxml.jackson.core.StreamReadConstraints.Builder limits =
          com.fasterxml.jackson.core.StreamReadConstraints.builder()
              .maxNestingDepth(Integer.MAX_VALUE)
              .maxNumberLength(Integer.MAX_VALUE)
              .maxStringLength(Integer.MAX_VALUE);
      try {
        // jackson-core 2.16+ limits names too (50,000 characters by default)
        Method names = limits.getClass().getMethod("maxNameLength", int.class);
        names.invoke(limits, Integer.MAX_VALUE);
      } catch (NoSuchMethodException e) {
        // 2.15: names are not limited
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot lift Jackson's limit on name length", e);
      }
      return JsonFactory.builder().streamReadConstraints(limits.build()).build();
    }
  }
}
