package dev.daemonset.core.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Duplicate keys point at the first explicit occurrence of their key, however often it repeats and
 * whatever merge keys ({@code <<}) put under the same key in between.
 */
class DuplicateKeysTest {

  @Test
  void everyRepeatPointsAtTheFirstExplicitKeyAndMergedKeysAreNotExplicit() {
    String yaml =
        """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: a
          name: b
          name: c
          labels:
            <<: {x: "1"}
            x: "2"
            x: "3"
          annotations:
            x: "1"
            <<: {x: "5"}
            x: "2"
            <<: [{z: "1"}, {z: "2", x: "7"}]
            z: "3"
            z: "4"
        """;
    List<Diagnostic> found = ManifestReader.defaults().read(yaml).diagnostics();
    assertThat(found)
        .extracting(
            Diagnostic::code, Diagnostic::path, Diagnostic::span, d -> d.related().get(0).span())
        .containsExactly(
            tuple(
                "duplicate-key", "metadata.name", new Span(0, 5, 3, 5, 7), new Span(0, 4, 3, 4, 7)),
            tuple(
                "duplicate-key", "metadata.name", new Span(0, 6, 3, 6, 7), new Span(0, 4, 3, 4, 7)),
            tuple(
                "duplicate-key",
                "metadata.labels[x]",
                new Span(0, 10, 5, 10, 6),
                new Span(0, 9, 5, 9, 6)),
            tuple(
                "duplicate-key",
                "metadata.annotations[x]",
                new Span(0, 14, 5, 14, 6),
                new Span(0, 12, 5, 12, 6)),
            tuple(
                "duplicate-key",
                "metadata.annotations[z]",
                new Span(0, 17, 5, 17, 6),
                new Span(0, 16, 5, 16, 6)));
  }

  @Test
  void theMessageGivesTheRuleOfTheInputsFormat() {
    String json =
        "{\"apiVersion\": \"apps/v1\", \"kind\": \"DaemonSet\","
            + " \"metadata\": {\"name\": \"a\", \"name\": \"b\"}}";
    String yaml = "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: a\n  name: b\n";
    // both readers, with and without the JSON fast paths
    for (ManifestReader reader :
        List.of(ManifestReader.defaults(), ManifestReader.defaults().withoutFastPaths())) {
      assertThat(reader.read(json).diagnostics())
          .extracting(Diagnostic::message)
          .containsExactly(
              "duplicate key \"name\": kubectl would keep the last value silently (a JSON object"
                  + " should not repeat a name)");
      assertThat(reader.read(yaml).diagnostics())
          .extracting(Diagnostic::message)
          .containsExactly(
              "duplicate key \"name\": kubectl would keep the last value silently (YAML forbids"
                  + " duplicate keys)");
    }
  }
}
