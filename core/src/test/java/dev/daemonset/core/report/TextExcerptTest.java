package dev.daemonset.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.Severity;
import dev.daemonset.api.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Source lines in text output: whole when short, cut around the caret when long. */
class TextExcerptTest {

  @Test
  void aShortLineIsPrintedWholeWithItsCaret() {
    String[] e = TextFormat.excerpt("  image: nginx", new Span(0, 3, 10, 3, 15));
    assertThat(e).containsExactly("  image: nginx", "         ^~~~~");
  }

  @Test
  void aFortyKilobyteLineIsCutAroundTheCaret() {
    // a one-line JSON document of 40 KB with the finding at column 20,001
    String line = "x".repeat(20_000) + "\"bad\"" + "y".repeat(20_000);
    String[] e = TextFormat.excerpt(line, new Span(0, 1, 20_001, 1, 20_006));
    assertThat(e[0].codePointCount(0, e[0].length())).isEqualTo(TextFormat.MAX_WIDTH + 2);
    assertThat(e[0]).startsWith("…xxx").endsWith("yyy…").contains("\"bad\"");
    int caret = e[1].indexOf('^');
    assertThat(e[0].substring(caret, caret + 5)).isEqualTo("\"bad\"");
    assertThat(e[1].substring(caret)).isEqualTo("^~~~~");
  }

  @Test
  void aLongLineWithTheCaretNearItsStartOrEndIsCutOnOneSideOnly() {
    String line = "a".repeat(500);
    String[] start = TextFormat.excerpt(line, new Span(0, 1, 3, 1, 4));
    assertThat(start[0]).isEqualTo("a".repeat(TextFormat.MAX_WIDTH) + "…");
    assertThat(start[1]).isEqualTo("  ^");
    String[] end = TextFormat.excerpt(line, new Span(0, 1, 500, 2, 1));
    assertThat(end[0]).isEqualTo("…" + "a".repeat(TextFormat.MAX_WIDTH));
    assertThat(end[1]).isEqualTo(" " + " ".repeat(TextFormat.MAX_WIDTH - 1) + "^");
  }

  @Test
  void controlCharactersAreShownAsPicturesOnePerCodePoint() {
    assertThat(TextFormat.inert("plain\ttext")).isEqualTo("plain\ttext");
    assertThat(TextFormat.inert("a\u001b[31mb\u0007c\u0000d\u007fe\u009bf\u202eg"))
        .isEqualTo("a\u241b[31mb\u2407c\u2400d\u2421e\ufffdf\ufffdg");
  }

  @Test
  void anEscapeSequenceInTheInputDoesNotReachTheTerminal() {
    String text =
        "apiVersion: apps/v1\nkind: DaemonSet\n# \u001b[31mRED\u001b[0m \u001b]0;TITLE\u0007\nbad: 1\n";
    Diagnostic d =
        new Diagnostic(
            Severity.ERROR,
            "unknown-field",
            "bad",
            "unknown field \"bad\" after \u001b[2J",
            new Span(0, 3, 3, 3, 8));
    String out =
        ReportWriter.of(ReportFormat.TEXT)
            .format(List.of(new FileReport("e\u001b.yaml", text, List.of(d))));

    assertThat(out).doesNotContain("\u001b").doesNotContain("\u0007");
    assertThat(out)
        .contains("e\u241b.yaml:3:3: error: unknown field \"bad\" after \u241b[2J [unknown-field]")
        .contains("    3 | # \u241b[31mRED\u241b[0m \u241b]0;TITLE\u2407")
        .contains("      |   ^~~~~");
  }
}
