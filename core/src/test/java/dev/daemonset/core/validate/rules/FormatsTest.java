package dev.daemonset.core.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The format primitives and the quantity parser, at their boundaries. */
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

  @ParameterizedTest
  @CsvSource({
    "1, 1",
    "500m, 0.5",
    "1.5Gi, 1610612736",
    "2e3, 2000",
    "1E-3, 0.001",
    "128974848, 128974848",
    "129M, 129000000",
    "123Mi, 128974848",
    "-1Ki, -1024",
    "100n, 0.0000001",
    "3Ei, 3458764513820540928",
  })
  void quantities(String text, String value) {
    assertThat(Quantity.parse(text)).get().extracting(q -> q.value().compareTo(new BigDecimal(value))).isEqualTo(0);
  }

  @ParameterizedTest
  @CsvSource({"abc", "1.2.3", "1Ki1", "'' ", "1 Gi", "1e", "Mi"})
  void notQuantities(String text) {
    assertThat(Quantity.parse(text)).isEmpty();
  }

  @Test
  void wholeAfterRoundingUpToMilli() {
    assertThat(Quantity.parse("2").get().isWhole()).isTrue();
    assertThat(Quantity.parse("1500m").get().isWhole()).isFalse();
    assertThat(Quantity.parse("0.0001").get().isWhole()).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "1000m, 1",
    "1500m, 1500m",
    "0.5, 500m",
    "1.5, 1500m",
    "2000, 2k",
    "1500, 1500",
    "1536Mi, 1536Mi",
    "1024Mi, 1Gi",
    "1.5Gi, 1536Mi",
    "512, 512",
    "100Ki, 100Ki",
    "0.5Ki, 512",
    "2e3, 2e3",
    "1.5e3, 1500",
    "-1Gi, -1Gi",
    "0Mi, 0",
    "0.0000000001, 1n",
    "12e6, 12e6",
  })
  void canonicalFormAsTheApiServerPrintsIt(String written, String printed) {
    assertThat(Quantity.parse(written).get().toString()).isEqualTo(printed);
  }

  @Test
  void hostileSizesAreAnsweredNotThrown() {
    String dots = "a.".repeat(500_000) + "a";
    assertThat(Formats.dns1123Subdomain(dots)).containsExactly("must be no more than 253 characters");
    assertThat(Formats.labelValue("x".repeat(1 << 20))).containsExactly("must be no more than 63 bytes");
    assertThat(Formats.qualifiedName("a".repeat(1 << 20) + "!")).hasSize(2);
    assertThat(Quantity.parse("1e999999999")).isEmpty();
    assertThat(Quantity.parse("9".repeat(100_000))).isEmpty();
  }
}
