package dev.daemonset.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daemonset.api.model.Pod;
import dev.daemonset.core.Fixtures;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link NodePods.Group}: one node's pods as an unmodifiable list, sorted in pod order. */
class NodePodsGroupTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private final DaemonPod.Reader reader = new DaemonPod.Reader("h", null, 0, NOW);

  private DaemonPod pod(String name, long ageSeconds) {
    Pod p =
        Fixtures.pod(name)
            .uid("")
            .createdAt(NOW.minusSeconds(ageSeconds))
            .on("n1")
            .noStatus()
            .build();
    return reader.read(p, 0);
  }

  @Test
  void emptyAndSingleGroupsAreListsOfZeroAndOne() {
    DaemonPod a = pod("a", 60);
    assertThat(NodePods.Group.EMPTY).isEmpty();
    assertThat(NodePods.Group.sorted(List.of())).isSameAs(NodePods.Group.EMPTY);
    assertThat(NodePods.Group.of(a)).containsExactly(a);
    assertThat(NodePods.Group.sorted(List.of(a))).containsExactly(a).isEqualTo(List.of(a));
    assertThatThrownBy(() -> NodePods.Group.of(a).get(1))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> NodePods.Group.EMPTY.get(0))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void severalPodsAreSortedOldestFirstAndCannotBeChanged() {
    DaemonPod young = pod("young", 10);
    DaemonPod old = pod("old", 600);
    DaemonPod middle = pod("middle", 60);
    NodePods.Group group = NodePods.Group.sorted(List.of(young, old, middle));
    assertThat(group).containsExactly(old, middle, young);
    assertThatThrownBy(() -> group.get(3)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> group.add(young)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> group.remove(0)).isInstanceOf(UnsupportedOperationException.class);
  }
}
