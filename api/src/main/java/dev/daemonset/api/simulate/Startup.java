package dev.daemonset.api.simulate;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * How long a created daemon pod takes from being bound to its node until it is Ready. Closed:
 * switch on {@link #kind()} (Java 17) or pattern-match the nested records (Java 21+).
 *
 * <pre>{@code
 * Startup fixed = Startup.fixed(Duration.ofSeconds(30));
 * Startup spread = Startup.uniform(Duration.ofSeconds(20), Duration.ofSeconds(60)); // seeded
 * Startup gpu = Startup.bySelector(List.of(new Startup.Rule(Map.of("pool", "gpu"), fixed)), spread);
 * }</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public sealed interface Startup permits Startup.Fixed, Startup.Uniform, Startup.BySelector {

  /** Which variant this is. */
  Kind kind();

  /** The kinds of startup assumption. */
  enum Kind {
    FIXED,
    UNIFORM,
    BY_SELECTOR
  }

  /** Every pod takes {@code time}. */
  static Startup fixed(Duration time) {
    return new Fixed(time);
  }

  /** Each pod takes a time drawn uniformly from {@code [min, max]} with the simulation's seed. */
  static Startup uniform(Duration min, Duration max) {
    return new Uniform(min, max);
  }

  /** The first rule whose labels the node has decides; {@code otherwise} for the rest. */
  static Startup bySelector(List<Rule> rules, Startup otherwise) {
    return new BySelector(rules, otherwise);
  }

  /**
   * A fixed startup time.
   *
   * @param time the time, not negative
   */
  record Fixed(Duration time) implements Startup {
    public Fixed {
      SimulationOptions.requireNotNegative(time, "time");
    }

    @Override
    public Kind kind() {
      return Kind.FIXED;
    }
  }

  /**
   * A startup time drawn uniformly from {@code [min, max]}, per pod, from the simulation's seed,
   * the node's name and the number of pods created on that node before: the same seed gives every
   * node the same times whatever else changes.
   *
   * @param min the shortest time, not negative
   * @param max the longest, not shorter than {@code min}
   */
  record Uniform(Duration min, Duration max) implements Startup {
    public Uniform {
      SimulationOptions.requireNotNegative(min, "min");
      SimulationOptions.requireNotNegative(max, "max");
      if (max.compareTo(min) < 0) {
        throw new IllegalArgumentException("max " + max + " is shorter than min " + min);
      }
    }

    @Override
    public Kind kind() {
      return Kind.UNIFORM;
    }
  }

  /**
   * Startup by node labels.
   *
   * @param rules tried in order
   * @param otherwise for a node no rule matches
   */
  record BySelector(List<Rule> rules, Startup otherwise) implements Startup {
    public BySelector {
      rules = List.copyOf(rules);
      requireNonNull(otherwise, "otherwise");
    }

    @Override
    public Kind kind() {
      return Kind.BY_SELECTOR;
    }
  }

  /**
   * One rule of {@link BySelector}.
   *
   * @param nodeLabels labels the node must all have, with these values (as a {@code nodeSelector})
   * @param startup the startup of pods on such a node
   */
  record Rule(Map<String, String> nodeLabels, Startup startup) {
    public Rule {
      nodeLabels = Map.copyOf(nodeLabels);
      requireNonNull(startup, "startup");
    }
  }
}
