/** A user's module that requires the engine and nothing else. */
module compat.check {
  requires dev.daemonset.core;
}
