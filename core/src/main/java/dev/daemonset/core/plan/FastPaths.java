package dev.daemonset.core.plan;

/**
 * The planner's fast paths, each of which can be switched off: the fence that lets the tests run
 * every plan the straightforward way too and compare (docs/testing.md, "Fenced fast paths").
 * Package-private on purpose: not an option users tune, and the plan is the same either way; only
 * how long it takes differs.
 *
 * @param nodeTable {@link NodeIndex}'s own open-addressing table from node name to id and its radix
 *     sort of the names; off, a {@link java.util.HashMap} and a comparison sort
 * @param readAhead {@link ReadAhead}'s batched touching of nodes and pods before the loops that
 *     work on them; off, each object is read only by the loop that works on it
 * @param taintMemo {@link Placement}'s memo of the distinct taints seen; off, every taint of every
 *     node is checked against the tolerations afresh
 */
record FastPaths(boolean nodeTable, boolean readAhead, boolean taintMemo) {
  /** Every fast path on: what {@link Planner#plan} uses. */
  static final FastPaths ALL = new FastPaths(true, true, true);

  /** Every fast path off: the straightforward planner the tests compare with. */
  static final FastPaths NONE = new FastPaths(false, false, false);

  /** Both settings, for tests that run each case both ways. */
  static FastPaths[] both() {
    return new FastPaths[] {ALL, NONE};
  }
}
