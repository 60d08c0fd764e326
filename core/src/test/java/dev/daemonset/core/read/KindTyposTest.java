package dev.daemonset.core.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A typo in the kind or in the {@code apiVersion} / {@code kind} keys is an error that says what
 * was meant, not a document silently skipped as another kind or an empty apiVersion.
 */
class KindTyposTest {

  private static List<Diagnostic> read(String yaml) {
    return ManifestReader.defaults().read(yaml).diagnostics();
  }

  @Test
  void aKindInAnotherCaseOrWithATypoIsAnErrorInItsOwnApiVersion() {
    for (String kind : List.of("Daemonset", "daemonset", "DAEMONSET", "DeamonSet", "DaemonSets")) {
      assertThat(read("apiVersion: apps/v1\nkind: " + kind + "\nmetadata: {name: d}\n"))
          .as(kind)
          .extracting(Diagnostic::code, Diagnostic::path, Diagnostic::message, Diagnostic::span)
          .containsExactly(
              tuple(
                  "misspelled-kind",
                  "kind",
                  "apps/v1 has no kind "
                      + kind
                      + ": did you mean DaemonSet? (kinds are case-sensitive; kubectl would fail"
                      + " with \"no matches for kind\")",
                  new Span(0, 2, 7, 2, 7 + kind.length())));
    }
    assertThat(read("apiVersion: v1\nkind: pod\nmetadata: {name: p}\n"))
        .extracting(Diagnostic::code)
        .containsExactly("misspelled-kind");
  }

  @Test
  void otherKindsNearOursAreStillSkipped() {
    // Job is a kind of its own (one letter from Pod), and ReplicaSet lives in apps/v1 too
    for (String doc :
        List.of(
            "apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\n",
            "apiVersion: v1\nkind: Job\nmetadata: {name: j}\n",
            "apiVersion: apps/v1\nkind: ReplicaSet\nmetadata: {name: r}\n",
            "apiVersion: example.com/v1\nkind: Daemonset\nmetadata: {name: d}\n",
            "apiVersion: v1\nkind: Nodes\nmetadata: {name: x}\n")) {
      assertThat(read(doc)).as(doc).extracting(Diagnostic::code).containsExactly("skipped-kind");
    }
  }

  @Test
  void aMisspeltApiVersionKeyIsNamed() {
    assertThat(read("apiVersin: apps/v1\nkind: DaemonSet\nmetadata: {name: d}\n"))
        .extracting(Diagnostic::code, Diagnostic::message, Diagnostic::span)
        .containsExactly(
            tuple(
                "unsupported-api-version",
                "DaemonSet must have apiVersion apps/v1, and the document has none: did you mean"
                    + " `apiVersion` for `apiVersin`?",
                new Span(0, 1, 1, 1, 10)));
  }

  @Test
  void aMisspeltKindKeyIsNamed() {
    assertThat(read("apiVersion: apps/v1\nknd: DaemonSet\nmetadata: {name: d}\n"))
        .extracting(Diagnostic::code, Diagnostic::message, Diagnostic::span)
        .containsExactly(
            tuple(
                "missing-kind",
                "the document has no kind: did you mean `kind` for `knd`?",
                new Span(0, 2, 1, 2, 4)));
  }
}
