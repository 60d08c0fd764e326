package dev.daemonset.core.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.Document;
import dev.daemonset.api.ReadResult;
import dev.daemonset.api.Span;
import dev.daemonset.api.model.ControllerRevision;
import dev.daemonset.api.model.KubernetesObject;
import dev.daemonset.api.model.Node;
import dev.daemonset.api.model.Pod;
import dev.daemonset.core.internal.snapshot.Slim;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The snapshot reader against the full reader on the same bytes: the same documents (index and
 * start position) with the objects {@link Slim} keeps, and the full reader's diagnostics about what
 * is kept.
 */
final class SnapshotAgreement {
  private SnapshotAgreement() {}

  /** Reads {@code bytes} both ways and asserts they agree; returns the snapshot read. */
  static ReadResult check(byte[] bytes, String what) {
    ReadResult full = ManifestReader.defaults().read(bytes);
    ReadResult snapshot = SnapshotReader.defaults().read(bytes);
    assertAgree(full, snapshot, what);
    return snapshot;
  }

  static void assertAgree(ReadResult full, ReadResult snapshot, String what) {
    List<String> expected = new ArrayList<>();
    Map<Integer, String> kinds = new HashMap<>();
    for (Document d : full.documents()) {
      KubernetesObject o = d.object();
      if (o instanceof Node || o instanceof Pod || o instanceof ControllerRevision) {
        kinds.put(d.index(), o.getClass().getSimpleName());
      }
      expected.add(describe(d.index(), Slim.of(o), d.sourceMap().document()));
    }
    List<String> actual = new ArrayList<>();
    for (Document d : snapshot.documents()) {
      actual.add(describe(d.index(), d.object(), d.sourceMap().document()));
    }
    assertThat(actual).as(what + ": documents").containsExactlyElementsOf(expected);
    for (int i = 0; i < full.documents().size(); i++) {
      // the objects themselves, not only their text: records compare every component
      assertThat(snapshot.documents().get(i).object())
          .as(what + ": document " + i)
          .isEqualTo(Slim.of(full.documents().get(i).object()));
    }
    List<String> expectedDiagnostics = new ArrayList<>();
    for (Diagnostic d : full.diagnostics()) {
      String kind = kinds.get(d.span().document());
      if (kind == null || Slim.concernsKept(kind, d.path())) {
        expectedDiagnostics.add(d.toString());
      }
    }
    List<String> actualDiagnostics =
        snapshot.diagnostics().stream().map(Diagnostic::toString).toList();
    assertThat(sorted(actualDiagnostics))
        .as(what + ": diagnostics")
        .containsExactlyElementsOf(sorted(expectedDiagnostics));
  }

  private static List<String> sorted(List<String> list) {
    List<String> copy = new ArrayList<>(list);
    copy.sort(Comparator.naturalOrder());
    return copy;
  }

  private static String describe(int index, KubernetesObject o, Span at) {
    return index
        + " "
        + o.objectKind()
        + " "
        + o.metadata().namespace()
        + "/"
        + o.metadata().name()
        + " at "
        + at.line()
        + ":"
        + at.column();
  }
}
