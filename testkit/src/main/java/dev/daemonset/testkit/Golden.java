package dev.daemonset.testkit;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Golden files: text a test produces, compared with a file kept beside the test. When the output
 * changes on purpose, run the tests once with the update switch and review the diff:
 *
 * <pre>
 * mvn test -Ddaemonset.golden.update=true
 * </pre>
 *
 * <p>With the switch (the system property {@value #UPDATE_PROPERTY} set to {@code true}) every
 * compared file is rewritten and the comparison passes; without it a difference fails with an
 * {@link AssertionError} that shows the first differing line. Line endings are compared as {@code
 * \n}.
 *
 * <pre>{@code
 * Golden.assertMatches(Path.of("src/test/resources/agent.findings.txt"), findings.summary());
 * }</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class Golden {

  /** The system property that makes comparisons rewrite their files. */
  public static final String UPDATE_PROPERTY = "daemonset.golden.update";

  private Golden() {}

  /** True if golden files are being rewritten in this run. */
  public static boolean updating() {
    return Boolean.getBoolean(UPDATE_PROPERTY);
  }

  /**
   * Asserts that {@code file} holds exactly {@code actual}, or rewrites it when {@link
   * #updating()}.
   *
   * @throws AssertionError if the file is missing or differs (and no update was asked for)
   * @throws UncheckedIOException if the file cannot be read or written
   */
  public static void assertMatches(Path file, String actual) {
    requireNonNull(file, "file");
    requireNonNull(actual, "actual");
    String normalised = actual.replace("\r\n", "\n");
    try {
      if (updating()) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        Files.writeString(file, normalised, StandardCharsets.UTF_8);
        return;
      }
      if (!Files.exists(file)) {
        throw new AssertionError(
            "golden file "
                + file
                + " does not exist; write it with -D"
                + UPDATE_PROPERTY
                + "=true and review it");
      }
      String expected = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
      if (!expected.equals(normalised)) {
        throw new AssertionError(difference(file, expected, normalised));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot use the golden file " + file, e);
    }
  }

  private static String difference(Path file, String expected, String actual) {
    List<String> want = expected.lines().toList();
    List<String> got = actual.lines().toList();
    int n = Math.min(want.size(), got.size());
    int line = 0;
    while (line < n && want.get(line).equals(got.get(line))) {
      line++;
    }
    String wanted = line < want.size() ? want.get(line) : "(end of file)";
    String actually = line < got.size() ? got.get(line) : "(end of output)";
    return "output differs from golden file "
        + file
        + " at line "
        + (line + 1)
        + " ("
        + want.size()
        + " lines expected, "
        + got.size()
        + " produced)\n  expected: "
        + wanted
        + "\n  actual:   "
        + actually
        + "\nIf the change is intended, run with -D"
        + UPDATE_PROPERTY
        + "=true and review the diff.";
  }
}
