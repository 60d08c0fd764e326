package dev.daemonset.api.plan;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import dev.daemonset.api.model.NodeSelectorRequirement;
import dev.daemonset.api.model.Taint;
import dev.daemonset.api.model.Toleration;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One reason a node does not fit the DaemonSet's pod template. Closed: switch on {@link #kind()}
 * (Java 17) or pattern-match the nested records (Java 21+).
 *
 * @since 0.2
 */
@API(status = STABLE, since = "0.2")
public sealed interface FailedPredicate
    permits FailedPredicate.NodeNameMismatch,
        FailedPredicate.NodeSelectorMismatch,
        FailedPredicate.NodeAffinityMismatch,
        FailedPredicate.UntoleratedTaint {

  /** Which variant this is. */
  Kind kind();

  /** One sentence for a person. */
  String message();

  /** The kinds of failed predicate. */
  enum Kind {
    NODE_NAME,
    NODE_SELECTOR,
    NODE_AFFINITY,
    TAINT
  }

  /**
   * The template sets {@code spec.nodeName} to another node.
   *
   * @param templateNodeName the node the template names
   * @param node this node
   */
  record NodeNameMismatch(String templateNodeName, String node) implements FailedPredicate {
    public NodeNameMismatch {
      requireNonNull(templateNodeName, "templateNodeName");
      requireNonNull(node, "node");
    }

    @Override
    public Kind kind() {
      return Kind.NODE_NAME;
    }

    @Override
    public String message() {
      return "The template's spec.nodeName is \"" + templateNodeName + "\", not this node.";
    }
  }

  /**
   * One {@code spec.nodeSelector} entry the node's labels do not satisfy.
   *
   * @param key the label key
   * @param expected the value the selector requires
   * @param actual the node's value, {@code null} when the node has no such label
   */
  record NodeSelectorMismatch(String key, String expected, @Nullable String actual)
      implements FailedPredicate {
    public NodeSelectorMismatch {
      requireNonNull(key, "key");
      requireNonNull(expected, "expected");
    }

    @Override
    public Kind kind() {
      return Kind.NODE_SELECTOR;
    }

    @Override
    public String message() {
      return actual == null
          ? "nodeSelector requires label "
              + key
              + "="
              + expected
              + ", but the node has no label "
              + key
              + "."
          : "nodeSelector requires label "
              + key
              + "="
              + expected
              + ", but the node has "
              + key
              + "="
              + actual
              + ".";
    }
  }

  /**
   * No term of the required node affinity matches; one entry per term (terms are ORed, so each one
   * failed).
   *
   * @param terms why each term failed, in term order
   */
  record NodeAffinityMismatch(List<TermFailure> terms) implements FailedPredicate {
    public NodeAffinityMismatch {
      terms = List.copyOf(terms);
    }

    @Override
    public Kind kind() {
      return Kind.NODE_AFFINITY;
    }

    @Override
    public String message() {
      if (terms.isEmpty()) {
        return "The required node affinity has no terms, so no node matches.";
      }
      StringBuilder s = new StringBuilder("No term of the required node affinity matches:");
      for (TermFailure t : terms) {
        s.append(' ').append(t.message());
      }
      return s.toString();
    }
  }

  /**
   * Why one node selector term failed.
   *
   * @param termIndex the 0-based index in {@code nodeSelectorTerms}
   * @param requirements the requirements of the term that failed, in order (empty for an empty
   *     term)
   */
  record TermFailure(int termIndex, List<RequirementFailure> requirements) {
    public TermFailure {
      requirements = List.copyOf(requirements);
    }

    /** One sentence about this term. */
    public String message() {
      if (requirements.isEmpty()) {
        return "Term " + termIndex + " is empty and matches nothing.";
      }
      StringBuilder s = new StringBuilder("Term " + termIndex + ":");
      for (RequirementFailure r : requirements) {
        s.append(' ').append(r.message());
      }
      return s.toString();
    }
  }

  /**
   * One requirement of a node selector term that does not hold for the node.
   *
   * @param field true for {@code matchFields}, false for {@code matchExpressions}
   * @param index the 0-based index in {@code matchFields} or {@code matchExpressions}
   * @param requirement the requirement as written
   * @param problem why it fails
   * @param actual the node's label value (or name, for matchFields), {@code null} if absent
   */
  record RequirementFailure(
      boolean field,
      int index,
      NodeSelectorRequirement requirement,
      Problem problem,
      @Nullable String actual) {
    public RequirementFailure {
      requireNonNull(requirement, "requirement");
      requireNonNull(problem, "problem");
    }

    /** The path of the requirement inside its term, such as {@code matchExpressions[0]}. */
    public String path() {
      return (field ? "matchFields[" : "matchExpressions[") + index + "]";
    }

    /** One sentence about this requirement. */
    public String message() {
      String what =
          requirement.key()
              + " "
              + requirement.operator()
              + (requirement.values().isEmpty() ? "" : " " + requirement.values());
      String has = actual == null ? "the node has no such label" : "the node has " + actual;
      return path()
          + " ("
          + what
          + ") "
          + switch (problem) {
            case LABEL_MISSING -> "fails: the node has no label " + requirement.key() + ".";
            case VALUE_NOT_LISTED -> "fails: " + has + ", not one of the values.";
            case VALUE_LISTED -> "fails: " + has + ", one of the excluded values.";
            case LABEL_PRESENT ->
                "fails: the node has the label "
                    + requirement.key()
                    + (actual == null || actual.isEmpty() ? "" : "=" + actual)
                    + ".";
            case NOT_AN_INTEGER -> "fails: " + has + ", which is not an integer.";
            case NOT_GREATER -> "fails: " + has + ", not greater.";
            case NOT_LESS -> "fails: " + has + ", not less.";
            case NAME_MISMATCH -> "fails: the node is named " + actual + ".";
            case MALFORMED -> "is malformed and matches no node.";
          };
    }
  }

  /** Why a node selector requirement fails. */
  enum Problem {
    /** In, Exists, Gt, Lt: the label is absent. */
    LABEL_MISSING,
    /** In: the label's value is not listed. */
    VALUE_NOT_LISTED,
    /** NotIn: the label's value is listed. */
    VALUE_LISTED,
    /** DoesNotExist: the label is present. */
    LABEL_PRESENT,
    /** Gt, Lt: the label's value is not a decimal integer. */
    NOT_AN_INTEGER,
    /** Gt: the label's value is not greater than the requirement's. */
    NOT_GREATER,
    /** Lt: the label's value is not less than the requirement's. */
    NOT_LESS,
    /** matchFields metadata.name: the node's name does not satisfy it. */
    NAME_MISMATCH,
    /**
     * The requirement itself is malformed (wrong number of values, unknown operator, invalid key or
     * value, matchFields on another field): it matches no node and its term fails.
     */
    MALFORMED
  }

  /**
   * A {@code NoSchedule} or {@code NoExecute} taint that no toleration (the template's plus the
   * default daemon tolerations) tolerates.
   *
   * @param taint the taint
   * @param fix a toleration that would tolerate exactly this taint if added to the template
   * @param evicts true for a {@code NoExecute} taint: running pods are deleted too
   */
  record UntoleratedTaint(Taint taint, Toleration fix, boolean evicts) implements FailedPredicate {
    public UntoleratedTaint {
      requireNonNull(taint, "taint");
      requireNonNull(fix, "fix");
    }

    @Override
    public Kind kind() {
      return Kind.TAINT;
    }

    @Override
    public String message() {
      String tol =
          "{key: "
              + fix.key()
              + ", operator: "
              + fix.operator()
              + (fix.value().isEmpty() ? "" : ", value: " + fix.value())
              + ", effect: "
              + fix.effect()
              + "}";
      return "The node's taint "
          + taint
          + " is not tolerated"
          + (evicts ? " and evicts running pods" : "; running pods may stay")
          + "; the toleration "
          + tol
          + " would tolerate it.";
    }
  }
}
