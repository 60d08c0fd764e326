package dev.daemonset.api.simulate;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.daemonset.api.model.Node;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * A node that joins or leaves the cluster during a simulation. Closed: switch on {@link #kind()}
 * (Java 17) or pattern-match {@link Added} and {@link Removed} (Java 21+).
 *
 * <pre>{@code
 * List<NodeEvent> events = List.of(
 *     new NodeEvent.Added(Duration.ofMinutes(2), Node.of("node-new", Map.of("zone", "a"))),
 *     new NodeEvent.Removed(Duration.ofMinutes(5), "node-007"));
 * }</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public sealed interface NodeEvent permits NodeEvent.Added, NodeEvent.Removed {

  /** When, since the simulation's start. */
  Duration at();

  /** The node's name. */
  String node();

  /** Which variant this is. */
  Kind kind();

  /** The kinds of node event. */
  enum Kind {
    ADDED,
    REMOVED
  }

  /**
   * A node joins (or replaces the node of the same name).
   *
   * @param at when, since the start, not negative
   * @param value the node
   */
  record Added(Duration at, Node value) implements NodeEvent {
    public Added {
      SimulationOptions.requireNotNegative(at, "at");
      requireNonNull(value, "value");
    }

    @Override
    public String node() {
      return value.name();
    }

    @Override
    public Kind kind() {
      return Kind.ADDED;
    }
  }

  /**
   * A node leaves; pod garbage collection removes the pods bound to it.
   *
   * @param at when, since the start, not negative
   * @param node the node's name
   */
  record Removed(Duration at, String node) implements NodeEvent {
    public Removed {
      SimulationOptions.requireNotNegative(at, "at");
      requireNonNull(node, "node");
    }

    @Override
    public Kind kind() {
      return Kind.REMOVED;
    }
  }
}
