package dev.daemonset.core.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.ReadResult;
import dev.daemonset.api.SourceMap;
import dev.daemonset.api.Span;
import org.junit.jupiter.api.Test;

/**
 * JSON streams: each document starts afresh, limits hold exactly, scalar and object spans are
 * exact.
 */
class JsonStreamTest {

  private static final String NODE_A =
      "{\"apiVersion\": \"v1\", \"kind\": \"Node\", \"metadata\": {\"name\": \"a\"}}";
  private static final String NODE_B =
      "{\"apiVersion\": \"v1\", \"kind\": \"Node\", \"metadata\": {\"name\": \"b\"}}";

  @Test
  void findingsOfOneDocumentDoNotReachTheNext() {
    ReadResult r =
        ManifestReader.defaults()
            .read(
                "{\"apiVersion\": \"v1\", \"kind\": \"Node\", \"metadata\": {\"name\": \"a\", \"name\": \"b\"}}\n"
                    + NODE_B);
    assertThat(r.diagnostics())
        .extracting(Diagnostic::code, Diagnostic::path, Diagnostic::span)
        .containsExactly(tuple("duplicate-key", "metadata.name", new Span(0, 1, 64, 1, 70)));
    assertThat(r.nodes()).extracting(n -> n.metadata().name()).containsExactly("b", "b");
    assertThat(r.documents()).extracting(d -> d.index()).containsExactly(0, 1);
  }

  @Test
  void anAbandonedDocumentIsFollowedByAFreshOne() {
    // "apiVersion" is exactly the limit of 10 characters; "elevenchars" is one more
    ReadResult r =
        ManifestReader.defaults()
            .withLimits(ReadLimits.DEFAULTS.withMaxStringLength(10))
            .read(
                "{\"apiVersion\": \"v1\", \"kind\": \"Node\", \"metadata\": {\"name\": \"elevenchars\"}}\n"
                    + NODE_B);
    assertThat(r.diagnostics())
        .extracting(Diagnostic::code, Diagnostic::path, Diagnostic::message, Diagnostic::span)
        .containsExactly(
            tuple(
                "string-too-long",
                "metadata.name",
                "a string of 11 characters is longer than the limit of 10",
                new Span(0, 1, 59, 1, 72)));
    assertThat(r.documents()).extracting(d -> d.index()).containsExactly(1);
    assertThat(r.nodes()).extracting(n -> n.metadata().name()).containsExactly("b");
  }

  @Test
  void aKeyLongerThanTheStringLimitAbandonsItsDocument() {
    ReadResult r =
        ManifestReader.defaults()
            .withLimits(ReadLimits.DEFAULTS.withMaxStringLength(10))
            .read(
                "{\"apiVersion\": \"v1\", \"kind\": \"Node\", \"metadata\": {\"generateName\": \"a\"}}\n"
                    + NODE_B);
    assertThat(r.diagnostics())
        .extracting(Diagnostic::code, Diagnostic::path, Diagnostic::message, Diagnostic::span)
        .containsExactly(
            tuple(
                "string-too-long",
                "metadata",
                "a string of 12 characters is longer than the limit of 10",
                new Span(0, 1, 51, 1, 65)));
    assertThat(r.nodes()).extracting(n -> n.metadata().name()).containsExactly("b");
  }

  @Test
  void aNumberOfExactlyTheLimitIsRead() {
    ManifestReader reader =
        ManifestReader.defaults().withLimits(ReadLimits.DEFAULTS.withMaxNumberLength(3));
    String revision =
        "{\"apiVersion\": \"apps/v1\", \"kind\": \"ControllerRevision\", \"revision\": ";
    ReadResult fits = reader.read(revision + "100}");
    assertThat(fits.diagnostics()).isEmpty();
    assertThat(fits.controllerRevisions().get(0).revision()).isEqualTo(100);
    ReadResult over = reader.read(revision + "1000}");
    assertThat(over.diagnostics())
        .extracting(Diagnostic::code, Diagnostic::path, Diagnostic::message, Diagnostic::span)
        .containsExactly(
            tuple(
                "number-too-long",
                "revision",
                "a number literal of 4 characters is longer than the limit of 3",
                new Span(0, 1, 69, 1, 73)));
  }

  @Test
  void literalsAndObjectsAreLocatedFromTheirFirstToTheirLastCharacter() {
    ReadResult r =
        ManifestReader.defaults()
            .read(
                String.join(
                    "\n",
                    "{\"apiVersion\": \"v1\", \"kind\": \"Pod\",",
                    " \"metadata\": {\"name\": \"a\\\"b\"},",
                    " \"spec\": {\"hostNetwork\": true, \"hostPID\": false, \"nodeName\": null, \"containers\": []}}"));
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.pods().get(0).metadata().name()).isEqualTo("a\"b");
    SourceMap map = r.documents().get(0).sourceMap();
    assertThat(map.value("metadata")).contains(new Span(0, 2, 14, 2, 30));
    assertThat(map.value("metadata.name")).contains(new Span(0, 2, 23, 2, 29));
    assertThat(map.value("spec.hostNetwork")).contains(new Span(0, 3, 26, 3, 30));
    assertThat(map.value("spec.hostPID")).contains(new Span(0, 3, 43, 3, 48));
    assertThat(map.value("spec.nodeName")).contains(new Span(0, 3, 62, 3, 66));
    assertThat(map.value("spec.containers")).contains(new Span(0, 3, 82, 3, 84));
  }

  @Test
  void objectSizeIsMeasuredPerObjectNotFromTheStartOfTheStream() {
    int size = NODE_A.length();
    ReadResult fits =
        ManifestReader.defaults()
            .withLimits(ReadLimits.DEFAULTS.withMaxObjectSize(size))
            .read(NODE_A + "\n" + NODE_B);
    assertThat(fits.diagnostics()).isEmpty();
    assertThat(fits.nodes()).extracting(n -> n.metadata().name()).containsExactly("a", "b");
    ReadResult over =
        ManifestReader.defaults()
            .withLimits(ReadLimits.DEFAULTS.withMaxObjectSize(size - 1))
            .read(NODE_A + "\n" + NODE_B);
    String message =
        "this object is "
            + size
            + " characters long, more than the limit of "
            + (size - 1)
            + " for one object";
    assertThat(over.diagnostics())
        .extracting(Diagnostic::code, Diagnostic::message, Diagnostic::span)
        .containsExactly(
            tuple("document-too-large", message, Span.at(0, 1, 1)),
            tuple("document-too-large", message, Span.at(1, 2, 1)));
    assertThat(over.documents()).isEmpty();
  }
}
