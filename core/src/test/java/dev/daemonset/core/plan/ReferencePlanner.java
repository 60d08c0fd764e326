package dev.daemonset.core.plan;

import dev.daemonset.api.model.Condition;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.model.IntOrString;
import dev.daemonset.api.model.LabelSelector;
import dev.daemonset.api.model.Node;
import dev.daemonset.api.model.NodeSelectorRequirement;
import dev.daemonset.api.model.NodeSelectorTerm;
import dev.daemonset.api.model.OwnerReference;
import dev.daemonset.api.model.Pod;
import dev.daemonset.api.model.PodSpec;
import dev.daemonset.api.model.RollingUpdateDaemonSet;
import dev.daemonset.api.model.Taint;
import dev.daemonset.api.model.Toleration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A naive reference planner, in test code only: a direct, slow transcription of upstream's {@code
 * pkg/controller/daemon} (one sync of {@code syncDaemonSet} in the controller's live order: {@code
 * manage}, then {@code rollingUpdate} only when {@code manage} issued nothing), written from the
 * rules of src/spec/controller-semantics.md and the upstream functions they cite, without any of
 * the planner's structures: no node index, no read-ahead, no memo, no compiled selectors; lists and
 * loops, every node against every pod. {@code ReferencePlannerTest} compares it plan for plan with
 * the engine.
 *
 * <p>Where upstream is random or stateful the reference takes the engine's documented decision
 * (docs/planner.md, "Planner decisions"): nodes are visited by name (Go map order, Q1), and without
 * a caller's backoff state at most one failed pod per node is deleted per sync (C5).
 */
final class ReferencePlanner {
  private ReferencePlanner() {}

  /** What one sync does: per node (shouldRun, shouldContinueRunning), creates, deletes. */
  record Result(Map<String, List<Boolean>> verdicts, List<String> creates, List<String> deletes) {}

  private static final String HASH_LABEL = "controller-revision-hash";

  /**
   * One sync of {@code ds} (already defaulted, as the controller sees it) with current hash {@code
   * hash}.
   */
  static Result sync(DaemonSet ds, List<Node> nodes, List<Pod> allPods, String hash, Instant now) {
    List<Node> byName = new ArrayList<>(nodes);
    byName.sort(Comparator.comparing(Node::name));
    Map<String, List<Boolean>> verdicts = new TreeMap<>();
    for (Node n : byName) {
      verdicts.put(n.name(), nodeShouldRunDaemonPod(n, ds));
    }
    // getDaemonPods + getNodesToDaemonPods (A1-A4)
    Map<String, List<Pod>> nodeToPods = new TreeMap<>();
    for (Pod p : allPods) {
      if (!claims(ds, p)) {
        continue;
      }
      if (p.isTerminal() && p.metadata().isDeleting()) {
        continue; // A3
      }
      String target = targetNode(p);
      if (target == null) {
        continue; // A4
      }
      nodeToPods.computeIfAbsent(target, k -> new ArrayList<>()).add(p);
    }
    nodeToPods.values().forEach(l -> l.sort(ReferencePlanner::podOrder));

    List<String> creates = new ArrayList<>();
    List<String> deletes = new ArrayList<>();
    boolean surge = allowsSurge(ds);
    // manage: podsShouldBeOnNode for each node (C1-C12)
    for (Node n : byName) {
      List<Pod> pods = nodeToPods.getOrDefault(n.name(), List.of());
      boolean shouldRun = verdicts.get(n.name()).get(0);
      boolean shouldContinue = verdicts.get(n.name()).get(1);
      if (shouldRun && pods.isEmpty()) {
        creates.add(n.name());
      } else if (shouldContinue) {
        List<Pod> running = new ArrayList<>();
        boolean failedDeleted = false;
        for (Pod p : pods) {
          if (p.metadata().isDeleting()) {
            continue;
          }
          if ("Failed".equals(p.status().phase())) {
            if (!failedDeleted) { // C5: the backoff key advances on the first
              deletes.add(p.metadata().name());
              failedDeleted = true;
            }
          } else if ("Succeeded".equals(p.status().phase())) {
            deletes.add(p.metadata().name());
          } else {
            running.add(p);
          }
        }
        if (!surge) {
          for (int i = 1; i < running.size(); i++) {
            deletes.add(running.get(i).metadata().name());
          }
        } else if (running.isEmpty()) {
          if (shouldRun) {
            creates.add(n.name());
          }
        } else if (running.size() > 1) {
          Pod oldestNew = null;
          Pod oldestOld = null;
          for (Pod p : running) {
            if (hash.equals(p.metadata().labels().get(HASH_LABEL))) {
              if (oldestNew == null) {
                oldestNew = p;
                continue;
              }
            } else if (oldestOld == null) {
              oldestOld = p;
              continue;
            }
            deletes.add(p.metadata().name());
          }
          if (oldestNew != null && oldestOld != null) {
            if (!isReady(oldestOld) || isAvailable(oldestNew, ds, now)) {
              deletes.add(oldestOld.metadata().name());
            }
          }
        }
      } else if (!pods.isEmpty()) {
        for (Pod p : pods) {
          if (!p.metadata().isDeleting()) {
            deletes.add(p.metadata().name());
          }
        }
      }
    }
    // getUnscheduledPodsWithoutNode (C8)
    nodeToPods.forEach(
        (node, pods) -> {
          if (!verdicts.containsKey(node)) {
            for (Pod p : pods) {
              if (p.spec().nodeName().isEmpty()) {
                deletes.add(p.metadata().name());
              }
            }
          }
        });
    if (!creates.isEmpty() || !deletes.isEmpty()) {
      return new Result(verdicts, creates, deletes); // expectations not yet satisfied (S7)
    }
    if (!"RollingUpdate".equals(ds.spec().updateStrategy().type())) {
      return new Result(verdicts, creates, deletes);
    }
    rollingUpdate(ds, verdicts, nodeToPods, hash, now, creates, deletes);
    return new Result(verdicts, creates, deletes);
  }

  /** update.go rollingUpdate (D3-D15), nodes visited by name. */
  private static void rollingUpdate(
      DaemonSet ds,
      Map<String, List<Boolean>> verdicts,
      Map<String, List<Pod>> nodeToPodsIn,
      String hash,
      Instant now,
      List<String> creates,
      List<String> deletes) {
    Map<String, List<Pod>> nodeToPods = new TreeMap<>(nodeToPodsIn);
    int desired = 0;
    for (Map.Entry<String, List<Boolean>> v : verdicts.entrySet()) {
      if (v.getValue().get(0)) {
        desired++;
        nodeToPods.putIfAbsent(v.getKey(), List.of());
      }
    }
    RollingUpdateDaemonSet ru = ds.spec().updateStrategy().rollingUpdate();
    int maxUnavailable = ru == null ? 0 : scale(ru.maxUnavailable(), desired);
    int maxSurge = ru == null ? 0 : scale(ru.maxSurge(), desired);
    if (desired > 0 && maxUnavailable == 0 && maxSurge == 0) {
      maxUnavailable = 1;
    }
    if (maxSurge == 0) {
      int numUnavailable = 0;
      List<String> allowed = new ArrayList<>();
      List<String> candidates = new ArrayList<>();
      for (Map.Entry<String, List<Pod>> e : nodeToPods.entrySet()) {
        Pod[] found = findUpdatedPodsOnNode(e.getValue(), hash);
        if (found == null) {
          numUnavailable++;
          continue;
        }
        Pod newPod = found[0];
        Pod oldPod = found[1];
        if ((oldPod == null && newPod == null) || (oldPod != null && newPod != null)) {
          numUnavailable++;
        } else if (newPod != null) {
          if (!isAvailable(newPod, ds, now)) {
            numUnavailable++;
          }
        } else if (!isAvailable(oldPod, ds, now)) {
          allowed.add(oldPod.metadata().name());
        } else if (numUnavailable < maxUnavailable) {
          candidates.add(oldPod.metadata().name());
        }
      }
      int remaining = Math.max(0, Math.min(maxUnavailable - numUnavailable, candidates.size()));
      deletes.addAll(allowed);
      deletes.addAll(candidates.subList(0, remaining));
      return;
    }
    List<String> oldToDelete = new ArrayList<>();
    List<String> shouldNotRun = new ArrayList<>();
    List<String> candidateNodes = new ArrayList<>();
    List<String> allowedNodes = new ArrayList<>();
    int numSurge = 0;
    int numAvailable = 0;
    for (Map.Entry<String, List<Pod>> e : nodeToPods.entrySet()) {
      String node = e.getKey();
      Pod[] found = findUpdatedPodsOnNode(e.getValue(), hash);
      if (found == null) {
        numSurge++;
        continue;
      }
      Pod newPod = found[0];
      Pod oldPod = found[1];
      if (oldPod != null) {
        if (isAvailable(oldPod, ds, now)) {
          numAvailable++;
        }
      } else if (newPod != null && isAvailable(newPod, ds, now)) {
        numAvailable++;
      }
      if (oldPod == null) {
        continue;
      }
      if (newPod == null) {
        List<Boolean> verdict = verdicts.get(node);
        if (verdict == null) {
          // D13: the node lookup fails and the whole rolling update returns an error
          return;
        }
        boolean shouldRun = verdict.get(0);
        if (!isAvailable(oldPod, ds, now)) {
          if (!shouldRun) {
            oldToDelete.add(oldPod.metadata().name());
          } else {
            allowedNodes.add(node);
          }
        } else if (!shouldRun) {
          shouldNotRun.add(oldPod.metadata().name());
        } else if (numSurge < maxSurge) {
          candidateNodes.add(node);
        }
      } else if (!isAvailable(newPod, ds, now)) {
        numSurge++;
      } else {
        oldToDelete.add(oldPod.metadata().name());
      }
    }
    int deletable = Math.min(numAvailable - desired, shouldNotRun.size());
    if (deletable > 0) {
      oldToDelete.addAll(shouldNotRun.subList(0, deletable));
    }
    int remaining = Math.max(0, Math.min(maxSurge - numSurge, candidateNodes.size()));
    creates.addAll(allowedNodes);
    creates.addAll(candidateNodes.subList(0, remaining));
    deletes.addAll(oldToDelete);
  }

  /** findUpdatedPodsOnNode: {new, old}, or {@code null} for more than one of either (D7). */
  private static Pod @Nullable [] findUpdatedPodsOnNode(List<Pod> pods, String hash) {
    Pod newPod = null;
    Pod oldPod = null;
    for (Pod p : pods) {
      if (p.metadata().isDeleting()) {
        continue;
      }
      if (hash.equals(p.metadata().labels().get(HASH_LABEL))) {
        if (newPod != null) {
          return null;
        }
        newPod = p;
      } else {
        if (oldPod != null) {
          return null;
        }
        oldPod = p;
      }
    }
    return new Pod[] {newPod, oldPod};
  }

  /** GetScaledValueFromIntOrPercent, rounding up (D4); {@code null} is 0. */
  private static int scale(@Nullable IntOrString v, int total) {
    if (v == null) {
      return 0;
    }
    if (v.isInt()) {
      return v.intValue();
    }
    String s = v.stringValue();
    int percent = Integer.parseInt(s.substring(0, s.length() - 1));
    return (int) Math.ceil(percent * total / 100.0);
  }

  private static boolean allowsSurge(DaemonSet ds) {
    RollingUpdateDaemonSet ru = ds.spec().updateStrategy().rollingUpdate();
    if (!"RollingUpdate".equals(ds.spec().updateStrategy().type()) || ru == null) {
      return false;
    }
    return scale(ru.maxSurge(), 1) > 0; // AllowsSurge: SurgeCount(ds, 1) > 0
  }

  /** NodeShouldRunDaemonPod (B1-B9): [shouldRun, shouldContinueRunning]. */
  static List<Boolean> nodeShouldRunDaemonPod(Node node, DaemonSet ds) {
    PodSpec spec = ds.spec().template().spec();
    if (!spec.nodeName().isEmpty() && !spec.nodeName().equals(node.name())) {
      return List.of(false, false);
    }
    for (Map.Entry<String, String> e : spec.nodeSelector().entrySet()) {
      if (!e.getValue().equals(node.metadata().labels().get(e.getKey()))) {
        return List.of(false, false);
      }
    }
    List<NodeSelectorTerm> terms = spec.requiredNodeAffinityTerms();
    if (terms != null) {
      boolean any = false;
      for (NodeSelectorTerm t : terms) {
        any |= termMatches(t, node);
      }
      if (!any) {
        return List.of(false, false);
      }
    }
    List<Toleration> tolerations = new ArrayList<>(spec.tolerations());
    tolerations.addAll(daemonTolerations(spec.hostNetwork()));
    boolean fits = true;
    boolean noExecuteUntolerated = false;
    for (Taint t : node.taints()) {
      boolean examined = "NoSchedule".equals(t.effect()) || "NoExecute".equals(t.effect());
      if (!examined) {
        continue;
      }
      boolean tolerated = false;
      for (Toleration tol : tolerations) {
        tolerated |= tolerates(tol, t);
      }
      if (!tolerated) {
        fits = false;
        noExecuteUntolerated |= "NoExecute".equals(t.effect());
      }
    }
    if (!fits) {
      return List.of(false, !noExecuteUntolerated);
    }
    return List.of(true, true);
  }

  private static boolean termMatches(NodeSelectorTerm t, Node node) {
    if (t.matchExpressions().isEmpty() && t.matchFields().isEmpty()) {
      return false;
    }
    for (NodeSelectorRequirement r : t.matchExpressions()) {
      String value = node.metadata().labels().get(r.key());
      boolean ok =
          switch (r.operator()) {
            case "In" -> !r.values().isEmpty() && value != null && r.values().contains(value);
            case "NotIn" -> !r.values().isEmpty() && (value == null || !r.values().contains(value));
            case "Exists" -> r.values().isEmpty() && value != null;
            case "DoesNotExist" -> r.values().isEmpty() && value == null;
            default -> false;
          };
      if (!ok) {
        return false;
      }
    }
    for (NodeSelectorRequirement r : t.matchFields()) {
      if (!"metadata.name".equals(r.key()) || r.values().size() != 1) {
        return false;
      }
      boolean equal = r.values().get(0).equals(node.name());
      boolean ok =
          switch (r.operator()) {
            case "In" -> equal;
            case "NotIn" -> !equal;
            default -> false;
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** ToleratesTaint (B6), without the alpha comparison operators. */
  private static boolean tolerates(Toleration tol, Taint t) {
    if (!tol.effect().isEmpty() && !tol.effect().equals(t.effect())) {
      return false;
    }
    if (!tol.key().isEmpty() && !tol.key().equals(t.key())) {
      return false;
    }
    return switch (tol.operator()) {
      case "", "Equal" -> tol.value().equals(t.value());
      case "Exists" -> true;
      default -> false;
    };
  }

  /** AddOrUpdateDaemonPodTolerations (E7, B9). */
  private static List<Toleration> daemonTolerations(boolean hostNetwork) {
    List<Toleration> out = new ArrayList<>();
    out.add(new Toleration("node.kubernetes.io/not-ready", "Exists", "", "NoExecute", null));
    out.add(new Toleration("node.kubernetes.io/unreachable", "Exists", "", "NoExecute", null));
    out.add(new Toleration("node.kubernetes.io/disk-pressure", "Exists", "", "NoSchedule", null));
    out.add(new Toleration("node.kubernetes.io/memory-pressure", "Exists", "", "NoSchedule", null));
    out.add(new Toleration("node.kubernetes.io/pid-pressure", "Exists", "", "NoSchedule", null));
    out.add(new Toleration("node.kubernetes.io/unschedulable", "Exists", "", "NoSchedule", null));
    if (hostNetwork) {
      out.add(
          new Toleration(
              "node.kubernetes.io/network-unavailable", "Exists", "", "NoSchedule", null));
    }
    return out;
  }

  /** ClaimPods (A1, A2): owned and matching, or an orphan that matches and is not being deleted. */
  private static boolean claims(DaemonSet ds, Pod p) {
    String ns = ds.metadata().namespace().isEmpty() ? "default" : ds.metadata().namespace();
    String podNs = p.metadata().namespace().isEmpty() ? "default" : p.metadata().namespace();
    if (!ns.equals(podNs)) {
      return false;
    }
    Optional<OwnerReference> ref = p.metadata().controllerRef();
    boolean matches = selects(ds.spec().selector(), p.metadata().labels());
    if (ref.isPresent()) {
      return ref.get().uid().equals(ds.metadata().uid()) && matches;
    }
    return matches && !p.metadata().isDeleting();
  }

  private static boolean selects(@Nullable LabelSelector s, Map<String, String> labels) {
    if (s == null || (s.matchLabels().isEmpty() && s.matchExpressions().isEmpty())) {
      return false;
    }
    for (Map.Entry<String, String> e : s.matchLabels().entrySet()) {
      if (!e.getValue().equals(labels.get(e.getKey()))) {
        return false;
      }
    }
    for (LabelSelector.LabelSelectorRequirement r : s.matchExpressions()) {
      String v = labels.get(r.key());
      boolean ok =
          switch (r.operator()) {
            case "In" -> v != null && r.values().contains(v);
            case "NotIn" -> v == null || !r.values().contains(v);
            case "Exists" -> v != null;
            case "DoesNotExist" -> v == null;
            default -> false;
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** GetTargetNodeName (A4). */
  private static @Nullable String targetNode(Pod p) {
    if (!p.spec().nodeName().isEmpty()) {
      return p.spec().nodeName();
    }
    List<NodeSelectorTerm> terms = p.spec().requiredNodeAffinityTerms();
    if (terms == null) {
      return null;
    }
    for (NodeSelectorTerm t : terms) {
      for (NodeSelectorRequirement r : t.matchFields()) {
        if ("metadata.name".equals(r.key()) && "In".equals(r.operator())) {
          return r.values().size() == 1 ? r.values().get(0) : null;
        }
      }
    }
    return null;
  }

  /** podByCreationTimestampAndPhase (C6). */
  private static int podOrder(Pod a, Pod b) {
    boolean aBound = !a.spec().nodeName().isEmpty();
    boolean bBound = !b.spec().nodeName().isEmpty();
    if (aBound != bBound) {
      return aBound ? -1 : 1;
    }
    Instant ta = a.metadata().creationTimestamp();
    Instant tb = b.metadata().creationTimestamp();
    ta = ta == null ? Instant.MIN : ta; // Go's zero time: before every real timestamp
    tb = tb == null ? Instant.MIN : tb;
    if (!ta.equals(tb)) {
      return ta.compareTo(tb);
    }
    return a.metadata().name().compareTo(b.metadata().name());
  }

  private static boolean isReady(Pod p) {
    return ready(p) != null;
  }

  private static @Nullable Condition ready(Pod p) {
    for (Condition c : p.status().conditions()) {
      if ("Ready".equals(c.type())) {
        return "True".equals(c.status()) ? c : null;
      }
    }
    return null;
  }

  /** IsPodAvailable (D6). */
  private static boolean isAvailable(Pod p, DaemonSet ds, Instant now) {
    Condition c = ready(p);
    if (c == null) {
      return false;
    }
    int min = ds.spec().minReadySeconds();
    return min == 0
        || (c.lastTransitionTime() != null
            && !c.lastTransitionTime().plusSeconds(min).isAfter(now));
  }
}
