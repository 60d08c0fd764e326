package dev.daemonset.core.internal.snapshot;

/**
 * Thrown (without a stack trace) where the fast snapshot path stops: the object holds something
 * only the full reader reads exactly (a type error in a kept field, a duplicate kept key, YAML
 * beyond the block scanner's shape, a syntax error). The caller reads that object again with the
 * full reader, so every diagnostic is the full reader's.
 */
@SuppressWarnings("StaticAssignmentOfThrowable") // one stackless instance, thrown per object
public final class Anomaly extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The one instance: nothing about an anomaly needs saying beyond that it happened. */
  public static final Anomaly INSTANCE = new Anomaly();

  private Anomaly() {
    super("read with the full reader", null, false, false);
  }
}
