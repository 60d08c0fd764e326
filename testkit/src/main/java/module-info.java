/**
 * Assertions for unit-testing DaemonSet policies and placements: lint a manifest with a chosen rule
 * set and assert the exact findings, assert where the DaemonSet controller would place pods on a
 * cluster snapshot, and compare against golden files. Plain Java: every failure is an {@link
 * AssertionError}, so it works with JUnit, TestNG or a {@code main} method.
 */
module dev.daemonset.testkit {
  requires transitive dev.daemonset.core;
  requires static org.jspecify;
  requires static org.apiguardian.api;

  exports dev.daemonset.testkit;
}
