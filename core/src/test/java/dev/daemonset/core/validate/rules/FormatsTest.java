package dev.daemonset.core.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The format primitives, at their boundaries. */
class FormatsTest {

  @Test
  void lengthsCountUtf8Bytes() {
    assertThat(Formats.byteLength("aé€😀")).isEqualTo(1 + 2 + 3 + 4);
    assertThat(Formats.labelValue("é".repeat(32))).first().isEqualTo("must be no more than 63 bytes");
    assertThat(Formats.qualifiedName("é".repeat(31) + "a")).containsExactly("name part " + Formats.regexError(
        "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
        Formats.QUALIFIED_NAME_FMT, "MyName", "my.name", "123-abc"));
  }

  @Test
  void dns1123LabelBoundaries() {
    assertThat(Formats.dns1123Label("a".repeat(63))).isEmpty();
    assertThat(Formats.dns1123Label("a".repeat(64))).containsExactly("must be no more than 63 characters");
    assertThat(Formats.dns1123Label("a.b")).containsExactly("must not contain dots");
  }

  @Test
  void generateNameMaskDropsTwoCharacters() {
    assertThat(Formats.nameIsDnsSubdomain("agent-", true)).isEmpty();
    assertThat(Formats.nameIsDnsSubdomain("A-", true)).isEmpty(); // "A-" becomes "a"
    assertThat(Formats.nameIsDnsSubdomain("agent-", false)).hasSize(1);
  }

  @Test
  void emptyQualifiedNameGivesTwoMessages() {
    assertThat(Formats.qualifiedName("")).hasSize(2).first().isEqualTo("name part must be non-empty");
    assertThat(Formats.qualifiedName("example.com/My_Name.1")).isEmpty();
  }

  @Test
  void hostileSizesAreAnsweredNotThrown() {
    String dots = "a.".repeat(500_000) + "a";
    assertThat(Formats.dns1123Subdomain(dots)).containsExactly("must be no more than 253 characters");
    assertThat(Formats.labelValue("x".repeat(1 << 20))).containsExactly("must be no more than 63 bytes");
    assertThat(Formats.qualifiedName("a".repeat(1 << 20) + "!")).hasSize(2);
  }
}
