package dev.daemonset.core.plan;

import dev.daemonset.api.model.Node;
import dev.daemonset.api.model.NodeSelectorRequirement;
import dev.daemonset.api.model.NodeSelectorTerm;
import dev.daemonset.api.model.PodSpec;
import dev.daemonset.api.model.Taint;
import dev.daemonset.api.model.Toleration;
import dev.daemonset.api.plan.FailedPredicate;
import dev.daemonset.api.plan.FailedPredicate.Problem;
import dev.daemonset.api.plan.FailedPredicate.RequirementFailure;
import dev.daemonset.api.plan.FailedPredicate.TermFailure;
import dev.daemonset.api.plan.NodeVerdict.Verdict;
import dev.daemonset.core.internal.labels.Operator;
import dev.daemonset.core.internal.labels.Requirement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The per-node decision, upstream's {@code NodeShouldRunDaemonPod} (rules B1–B10).
 *
 * <p>Upstream builds a synthetic pod from the template (with the default daemon tolerations, E7)
 * and runs three scheduler predicates on it: node name, node affinity ({@code nodeSelector} AND the
 * required node affinity terms) and taints ({@code NoSchedule}/{@code NoExecute} only). A name or
 * affinity failure gives (false, false); only taint failures give (false, true) unless an
 * untolerated taint is {@code NoExecute}. We compile the template's selector once (requirement
 * parsing, validity of keys and values) and then evaluate each node in time linear in its labels
 * and taints. Unlike upstream we do not stop at the first failing predicate: every failure is
 * named, so {@code explain} can show them all.
 */
final class Placement {
  private static final String NODE_NAME_FIELD = "metadata.name";

  /** Taints past this many distinct ones are checked afresh: the memo is scanned linearly. */
  private static final int MEMO_LIMIT = 64;

  /** The outcome for one node: the verdict and every failed predicate. */
  record Fit(Verdict verdict, List<FailedPredicate> failures) {}

  private static final Fit FITS = new Fit(Verdict.SHOULD_RUN, List.of());

  private final String templateNodeName;
  // The nodeSelector as two arrays in key order: no iterator per node.
  private final String[] selectorKeys;
  private final String[] selectorValues;

  /**
   * Whether the template has required node affinity (whose terms may all be absent: none matches).
   */
  private final boolean requiresAffinity;

  /**
   * Its terms, compiled once per plan: each node is matched against arrays, not lists of records.
   */
  private final CompiledTerm[] compiled;

  private final List<Toleration> tolerations;
  private final boolean comparisonTolerations;

  /**
   * The distinct taints seen so far, by key, value and effect (all a toleration looks at). A
   * cluster has few distinct taints, and a node's verdict was mostly spent on them: checking each
   * against the template's and the daemon tolerations, and, for the untolerated ones, making the
   * same failure and verdict objects again on every node that carries it.
   */
  private TaintMemo[] seenTaints = new TaintMemo[8];

  private int seen;

  /**
   * What one distinct taint means for the template, and the failure objects of its latest instance
   * (taints equal in all but {@code timeAdded} share everything else).
   */
  private static final class TaintMemo {
    final Taint taint;

    /**
     * Tolerated by the template's tolerations (with the daemon ones), or of an effect the check
     * ignores ({@code PreferNoSchedule}, unknown; B5).
     */
    final boolean tolerated;

    final boolean noExecute;

    /** What the latest instance fails with, where it is not tolerated. */
    FailedPredicate.UntoleratedTaint failure;

    /** The verdict of a node whose only failure is {@link #failure}; made when first asked. */
    @Nullable Fit alone;

    TaintMemo(Taint taint, boolean tolerated) {
      this.taint = taint;
      this.tolerated = tolerated;
      this.noExecute = Taint.NO_EXECUTE.equals(taint.effect());
      this.failure =
          new FailedPredicate.UntoleratedTaint(taint, Tolerations.fixFor(taint), noExecute);
    }

    /** The failure for {@code t}, an instance of this taint: made once per distinct instance. */
    FailedPredicate.UntoleratedTaint failure(Taint t) {
      if (!isSame(t, failure.taint()) && !t.equals(failure.taint())) {
        failure = new FailedPredicate.UntoleratedTaint(t, Tolerations.fixFor(t), noExecute);
        alone = null;
      }
      return failure;
    }

    /** The verdict of a node whose only failure is the latest {@link #failure}. */
    Fit alone() {
      Fit fit = alone;
      if (fit == null) {
        fit =
            new Fit(noExecute ? Verdict.MUST_NOT_RUN : Verdict.MAY_KEEP_RUNNING, List.of(failure));
        alone = fit;
      }
      return fit;
    }
  }

  /** Whether distinct taints are remembered ({@link FastPaths#taintMemo}). */
  private final boolean useMemo;

  Placement(PodSpec template, List<Toleration> mergedTolerations, boolean comparisonTolerations) {
    this(template, mergedTolerations, comparisonTolerations, true);
  }

  Placement(
      PodSpec template,
      List<Toleration> mergedTolerations,
      boolean comparisonTolerations,
      boolean useMemo) {
    this.useMemo = useMemo;
    this.templateNodeName = template.nodeName();
    this.selectorKeys = template.nodeSelector().keySet().toArray(new String[0]);
    this.selectorValues = template.nodeSelector().values().toArray(new String[0]);
    @Nullable List<NodeSelectorTerm> terms = template.requiredNodeAffinityTerms();
    this.requiresAffinity = terms != null;
    this.tolerations = mergedTolerations;
    this.comparisonTolerations = comparisonTolerations;
    List<NodeSelectorTerm> required = terms == null ? List.of() : terms;
    this.compiled = new CompiledTerm[required.size()];
    for (int t = 0; t < compiled.length; t++) {
      compiled[t] = new CompiledTerm(required.get(t));
    }
  }

  /**
   * One required node affinity term as arrays: each expression parsed once ({@link Requirement},
   * {@code null} for one upstream's parser rejects); each field requirement and whether it is
   * malformed.
   */
  private static final class CompiledTerm {
    final NodeSelectorRequirement[] expressions;
    final @Nullable Requirement[] parsed;

    final NodeSelectorRequirement[] fields;
    final boolean[] malformedFields;

    CompiledTerm(NodeSelectorTerm term) {
      expressions = term.matchExpressions().toArray(new NodeSelectorRequirement[0]);
      parsed = new Requirement[expressions.length];
      for (int i = 0; i < expressions.length; i++) {
        NodeSelectorRequirement r = expressions[i];
        parsed[i] = Requirement.of(r.key(), r.operator(), r.values(), true);
      }
      fields = term.matchFields().toArray(new NodeSelectorRequirement[0]);
      malformedFields = new boolean[fields.length];
      for (int i = 0; i < fields.length; i++) {
        NodeSelectorRequirement r = fields[i];
        malformedFields[i] =
            r.values().size() != 1
                || !(NodeSelectorRequirement.IN.equals(r.operator())
                    || NodeSelectorRequirement.NOT_IN.equals(r.operator()));
      }
    }

    /** A term with no requirement matches nothing. */
    boolean isEmpty() {
      return expressions.length == 0 && fields.length == 0;
    }

    /**
     * Why field requirement {@code i} fails for the value {@code actual}; {@code null} when it
     * holds.
     */
    @Nullable Problem fieldProblem(int i, @Nullable String actual) {
      if (malformedFields[i]) {
        return Problem.MALFORMED;
      }
      NodeSelectorRequirement r = fields[i];
      boolean equal = r.values().get(0).equals(actual == null ? "" : actual);
      return equal == NodeSelectorRequirement.IN.equals(r.operator())
          ? null
          : Problem.NAME_MISMATCH;
    }

    /**
     * The value a field requirement compares: the node name for {@code metadata.name}, else none.
     */
    @Nullable String fieldValue(int i, String nodeName) {
      return NODE_NAME_FIELD.equals(fields[i].key()) ? nodeName : null;
    }

    /**
     * Whether every requirement of this term holds (an empty term matches nothing); allocates
     * nothing.
     */
    boolean matches(String nodeName, Map<String, String> labels) {
      if (isEmpty()) {
        return false;
      }
      for (int i = 0; i < expressions.length; i++) {
        Requirement r = parsed[i];
        if (r == null || !r.matches(labels.get(r.key()))) {
          return false;
        }
      }
      for (int i = 0; i < fields.length; i++) {
        if (fieldProblem(i, fieldValue(i, nodeName)) != null) {
          return false;
        }
      }
      return true;
    }
  }

  /** The verdict for one node with every failed predicate (B3, B4, B5). */
  Fit fit(Node node) {
    // Most nodes fail nothing or one thing: a list is made only for a second failure.
    FailedPredicate first = null;
    List<FailedPredicate> failures = null;
    boolean nameOrAffinityFails = false;
    if (!templateNodeName.isEmpty() && !templateNodeName.equals(node.name())) {
      first = new FailedPredicate.NodeNameMismatch(templateNodeName, node.name());
      nameOrAffinityFails = true;
    }
    Map<String, String> labels = node.metadata().labels();
    for (int i = 0; i < selectorKeys.length; i++) {
      String actual = labels.get(selectorKeys[i]);
      if (!selectorValues[i].equals(actual)) {
        FailedPredicate f =
            new FailedPredicate.NodeSelectorMismatch(selectorKeys[i], selectorValues[i], actual);
        if (first == null) {
          first = f;
        } else {
          failures = add(failures, first, f);
        }
        nameOrAffinityFails = true;
      }
    }
    if (requiresAffinity && !anyTermMatches(node.name(), labels)) {
      FailedPredicate f =
          new FailedPredicate.NodeAffinityMismatch(affinityFailures(node.name(), labels));
      if (first == null) {
        first = f;
      } else {
        failures = add(failures, first, f);
      }
      nameOrAffinityFails = true;
    }
    boolean evicts = false;
    TaintMemo only = null; // the taint of the first failure, if that is a taint
    List<Taint> taints = node.taints();
    for (int i = 0; i < taints.size(); i++) {
      Taint taint = taints.get(i);
      TaintMemo memo = memo(taint);
      if (!memo.tolerated) {
        FailedPredicate.UntoleratedTaint failure = memo.failure(taint);
        if (first == null) {
          first = failure;
          only = memo;
        } else {
          failures = add(failures, first, failure);
        }
        evicts |= memo.noExecute;
      }
    }
    if (first == null) {
      return FITS;
    }
    if (failures == null && only != null) {
      return only.alone(); // the usual failure: one untolerated taint, the same on many nodes
    }
    // Every failure but a name or affinity one is an untolerated taint (B4, B5).
    Verdict verdict =
        nameOrAffinityFails || evicts ? Verdict.MUST_NOT_RUN : Verdict.MAY_KEEP_RUNNING;
    return new Fit(verdict, failures == null ? List.of(first) : List.copyOf(failures));
  }

  /** The memo of {@code taint}: whether the template (with the daemon tolerations) tolerates it. */
  private TaintMemo memo(Taint taint) {
    if (!useMemo) {
      return new TaintMemo(taint, tolerated(taint));
    }
    for (int i = 0; i < seen; i++) {
      Taint s = seenTaints[i].taint;
      if (isSame(s, taint)
          || (s.key().equals(taint.key())
              && s.value().equals(taint.value())
              && s.effect().equals(taint.effect()))) {
        return seenTaints[i];
      }
    }
    TaintMemo memo = new TaintMemo(taint, tolerated(taint));
    if (seen < MEMO_LIMIT) {
      if (seen == seenTaints.length) {
        seenTaints = Arrays.copyOf(seenTaints, seen * 2);
      }
      seenTaints[seen++] = memo;
    }
    return memo;
  }

  /**
   * Whether the template (with the daemon tolerations) tolerates {@code taint}, or the check
   * ignores its effect ({@code PreferNoSchedule}, unknown; B5).
   */
  private boolean tolerated(Taint taint) {
    boolean ignored =
        !Taint.NO_EXECUTE.equals(taint.effect()) && !Taint.NO_SCHEDULE.equals(taint.effect());
    return ignored || Tolerations.tolerated(taint, tolerations, comparisonTolerations);
  }

  /** The same instance: the cheap test before {@code equals}, for taints shared between nodes. */
  @SuppressWarnings("ReferenceEquality")
  private static boolean isSame(Taint a, Taint b) {
    return a == b;
  }

  /** Adds {@code item} to {@code list}, made with {@code first} when this is the second failure. */
  private static List<FailedPredicate> add(
      @Nullable List<FailedPredicate> list, FailedPredicate first, FailedPredicate item) {
    List<FailedPredicate> l = list;
    if (l == null) {
      l = new ArrayList<>(4);
      l.add(first);
    }
    l.add(item);
    return l;
  }

  private static <T> List<T> add(@Nullable List<T> list, T item) {
    List<T> l = list == null ? new ArrayList<>(2) : list;
    l.add(item);
    return l;
  }

  /**
   * Upstream's {@code LazyErrorNodeSelector.Match}: the terms are ORed; a term with no requirement,
   * or with a malformed one, matches nothing. Most nodes match a term, so this answers without
   * making anything; {@link #affinityFailures} says why when none matches.
   */
  private boolean anyTermMatches(String nodeName, Map<String, String> labels) {
    for (CompiledTerm term : compiled) {
      if (term.matches(nodeName, labels)) {
        return true;
      }
    }
    return false;
  }

  /** Why each term fails, for a node that matches none of them. */
  private List<TermFailure> affinityFailures(String nodeName, Map<String, String> labels) {
    List<TermFailure> failures = new ArrayList<>(compiled.length);
    for (int t = 0; t < compiled.length; t++) {
      CompiledTerm term = compiled[t];
      List<RequirementFailure> failed = null;
      for (int i = 0; i < term.expressions.length; i++) {
        String actual = labels.get(term.expressions[i].key());
        Problem problem = problem(term.parsed[i], actual);
        if (problem != null) {
          failed =
              add(failed, new RequirementFailure(false, i, term.expressions[i], problem, actual));
        }
      }
      for (int i = 0; i < term.fields.length; i++) {
        String actual = term.fieldValue(i, nodeName);
        Problem problem = term.fieldProblem(i, actual);
        if (problem != null) {
          failed = add(failed, new RequirementFailure(true, i, term.fields[i], problem, actual));
        }
      }
      failures.add(new TermFailure(t, failed == null ? List.of() : failed));
    }
    return failures;
  }

  /**
   * Why requirement {@code r} ({@code null}: malformed) fails for {@code actual}, the node's value;
   * {@code null} when it holds. Whether it holds is {@link Requirement#matches}; the rest names the
   * failure for {@code explain}.
   */
  private static @Nullable Problem problem(@Nullable Requirement r, @Nullable String actual) {
    if (r == null) {
      return Problem.MALFORMED;
    }
    if (r.matches(actual)) {
      return null;
    }
    if (actual == null && r.operator() != Operator.NOT_IN) {
      return Problem.LABEL_MISSING;
    }
    return switch (r.operator()) {
      case IN -> Problem.VALUE_NOT_LISTED;
      case NOT_IN -> Problem.VALUE_LISTED;
      case EXISTS -> Problem.LABEL_MISSING;
      case DOES_NOT_EXIST -> Problem.LABEL_PRESENT;
      case GT, LT -> {
        try {
          Long.parseLong(actual == null ? "" : actual);
        } catch (NumberFormatException e) {
          yield Problem.NOT_AN_INTEGER;
        }
        yield r.operator() == Operator.GT ? Problem.NOT_GREATER : Problem.NOT_LESS;
      }
    };
  }
}
