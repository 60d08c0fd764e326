package dev.daemonset.api.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Objects name themselves as a plan does: the default namespace filled in. */
class QualifiedNameTest {

  static final DaemonSet NO_NAMESPACE =
      DaemonSet.of(ObjectMeta.of("", "agent"), DaemonSetSpec.EMPTY);

  @Test
  void aNamespacedObjectWithoutANamespaceIsInDefault() {
    assertThat(NO_NAMESPACE.namespaceOrDefault()).isEqualTo("default");
    assertThat(NO_NAMESPACE.qualifiedName()).isEqualTo("default/agent");
    DaemonSet inKubeSystem = NO_NAMESPACE.withMetadata(ObjectMeta.of("kube-system", "agent"));
    assertThat(inKubeSystem.namespaceOrDefault()).isEqualTo("kube-system");
    assertThat(inKubeSystem.qualifiedName()).isEqualTo("kube-system/agent");
  }

  @Test
  void aNodeIsClusterScoped() {
    Node node = Node.of("worker-1", Map.of());
    assertThat(node.namespaceOrDefault()).isEmpty();
    assertThat(node.qualifiedName()).isEqualTo("worker-1");
    assertThat(node.objectKind().isNamespaced()).isFalse();
  }

  @Test
  void podsAndRevisionsAreNamespaced() {
    assertThat(KubernetesObject.ObjectKind.POD.isNamespaced()).isTrue();
    assertThat(KubernetesObject.ObjectKind.CONTROLLER_REVISION.isNamespaced()).isTrue();
    assertThat(KubernetesObject.ObjectKind.DAEMON_SET.isNamespaced()).isTrue();
  }
}
