package dev.daemonset.core.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.core.Seeds;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The format primitives, at their boundaries. */
@ExtendWith(Seeds.class)
class FormatsTest {

  @Test
  void lengthsCountUtf8Bytes() {
    assertThat(Formats.byteLength("aé€😀")).isEqualTo(1 + 2 + 3 + 4);
    // Unpaired surrogates count as Go's replacement character, U+FFFD: three bytes each.
    assertThat(Formats.byteLength("a\ud800")).isEqualTo(1 + 3);
    assertThat(Formats.byteLength("\udc00a")).isEqualTo(3 + 1);
    assertThat(Formats.byteLength("\ud800\ud800\udc00")).isEqualTo(3 + 4);
    assertThat(Formats.labelValue("é".repeat(32)))
        .first()
        .isEqualTo("must be no more than 63 bytes");
    assertThat(Formats.qualifiedName("é".repeat(31) + "a"))
        .containsExactly(
            "name part "
                + Formats.regexError(
                    "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
                    Formats.QUALIFIED_NAME_FMT,
                    "MyName",
                    "my.name",
                    "123-abc"));
  }

  /**
   * The checks answer "valid" (no message) exactly when upstream's regexes and byte limits do, on
   * seeded random strings near the formats' alphabets.
   */
  @Test
  void validExactlyWhenTheRegexesAndLimitsSaySo() {
    long seed = new Random().nextLong();
    Seeds.use(seed);
    Random random = new Random(seed);
    String alphabet = "ab9Z-_./é";
    Pattern label = Pattern.compile(Formats.DNS1123_LABEL_FMT);
    Pattern subdomain = Pattern.compile(Formats.DNS1123_SUBDOMAIN_FMT);
    Pattern qualified = Pattern.compile(Formats.QUALIFIED_NAME_FMT);
    for (int n = 0; n < 200_000; n++) {
      int length = random.nextInt(8) == 0 ? 60 + random.nextInt(200) : random.nextInt(12);
      // long strings mostly from valid characters, so the length limits decide
      String chars = length > 12 && random.nextBoolean() ? "aaaaaaa.é/" : alphabet;
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < length; i++) {
        b.append(chars.charAt(random.nextInt(chars.length())));
      }
      String s = b.toString();
      String why = s + " (seed " + seed + ")";
      assertThat(Formats.dns1123Label(s).isEmpty())
          .as(why)
          .isEqualTo(s.length() <= 63 && label.matcher(s).matches());
      assertThat(Formats.dns1123Subdomain(s).isEmpty())
          .as(why)
          .isEqualTo(s.length() <= 253 && subdomain.matcher(s).matches());
      assertThat(Formats.labelValue(s).isEmpty())
          .as(why)
          .isEqualTo(
              Formats.byteLength(s) <= 63 && (s.isEmpty() || qualified.matcher(s).matches()));
      String[] parts = s.split("/", -1);
      String name = parts[parts.length - 1];
      boolean validName = Formats.byteLength(name) <= 63 && qualified.matcher(name).matches();
      boolean validPrefix =
          parts.length == 1
              || (parts.length == 2
                  && parts[0].length() <= 253
                  && subdomain.matcher(parts[0]).matches());
      assertThat(Formats.qualifiedName(s).isEmpty()).as(why).isEqualTo(validName && validPrefix);
    }
  }

  @Test
  void dns1123LabelBoundaries() {
    assertThat(Formats.dns1123Label("a".repeat(63))).isEmpty();
    assertThat(Formats.dns1123Label("a".repeat(64)))
        .containsExactly("must be no more than 63 characters");
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
    assertThat(Formats.qualifiedName(""))
        .hasSize(2)
        .first()
        .isEqualTo("name part must be non-empty");
    assertThat(Formats.qualifiedName("example.com/My_Name.1")).isEmpty();
  }

  @Test
  void hostileSizesAreAnsweredNotThrown() {
    String dots = "a.".repeat(500_000) + "a";
    assertThat(Formats.dns1123Subdomain(dots))
        .containsExactly("must be no more than 253 characters");
    assertThat(Formats.labelValue("x".repeat(1 << 20)))
        .containsExactly("must be no more than 63 bytes");
    assertThat(Formats.qualifiedName("a".repeat(1 << 20) + "!")).hasSize(2);
  }
}
