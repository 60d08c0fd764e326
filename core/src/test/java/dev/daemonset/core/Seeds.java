package dev.daemonset.core;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Puts the seed of a seeded-random test into its failure message, so that a failing run can be
 * repeated, without printing anything while the tests pass. A test class registers it with
 * {@code @ExtendWith(Seeds.class)}; a test calls {@link #use} with its seed before drawing from it.
 */
@SuppressWarnings("exports") // a test class in the module's exported package, never published
public final class Seeds implements TestExecutionExceptionHandler {

  /** Made by JUnit for {@code @ExtendWith}. */
  public Seeds() {}

  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  /** Notes {@code seed} (and how to rerun with it) for the failure message; returns the seed. */
  public static long use(long seed, String rerun) {
    CURRENT.set("seed " + seed + (rerun.isEmpty() ? "" : " (rerun with " + rerun + ")"));
    return seed;
  }

  /** Notes {@code seed} for the failure message; returns the seed. */
  public static long use(long seed) {
    return use(seed, "");
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    String seed = CURRENT.get();
    CURRENT.remove();
    if (seed == null) {
      throw failure;
    }
    AssertionError withSeed =
        new AssertionError(context.getDisplayName() + " failed with " + seed + ": " + failure);
    withSeed.initCause(failure);
    throw withSeed;
  }
}
