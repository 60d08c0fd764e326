package dev.daemonset.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

/** An unknown position never looks like a real one (it used to be a real-looking 1:1). */
class SpanTest {

  @Test
  void unknownIsNotTheFirstCharacter() {
    Span first = Span.at(0, 1, 1);
    assertThat(Span.UNKNOWN).isNotEqualTo(first);
    assertThat(Span.UNKNOWN.isKnown()).isFalse();
    assertThat(first.isKnown()).isTrue();
    assertThat(Span.UNKNOWN)
        .extracting(Span::line, Span::column, Span::endLine, Span::endColumn)
        .containsExactly(0, 0, 0, 0);
    assertThat(Span.UNKNOWN).hasToString("unknown position");
    assertThat(first).hasToString("1:1-1:1");
  }

  @Test
  void unknownInADocumentKeepsTheDocument() {
    assertThat(Span.unknown(0)).isSameAs(Span.UNKNOWN);
    Span third = Span.unknown(2);
    assertThat(third.isKnown()).isFalse();
    assertThat(third.document()).isEqualTo(2);
    assertThat(third).hasToString("unknown position (document 2)");
  }

  @Test
  void onlyAllZeroPositionsAreUnknownAnythingElseHalfZeroIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Span(0, 0, 1, 1, 1))
        .withMessage("invalid span 0:0:1-1:1");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Span(0, 1, 0, 1, 0))
        .withMessage("invalid span 0:1:0-1:0");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Span(-1, 0, 0, 0, 0))
        .withMessage("invalid span -1:0:0-0:0");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Span(0, 2, 5, 2, 4))
        .withMessage("invalid span 0:2:5-2:4");
  }

  @Test
  void anEmptySourceMapAnswersUnknownEverywhere() {
    SourceMap empty = SourceMap.empty();
    assertThat(empty.nearest("spec.template.spec.containers[0].image").isKnown()).isFalse();
    assertThat(empty.nearestKey("metadata.name")).isEqualTo(Span.UNKNOWN);
    assertThat(empty.document()).isEqualTo(Span.UNKNOWN);
  }
}
