package dev.daemonset.core.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.ReadResult;
import dev.daemonset.core.internal.tree.YamlScalars;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** kubectl's YAML 1.1 typing and the warnings where YAML 1.2 readers disagree. */
class AmbiguousScalarTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      yes        | true                   | true
      Yes        | true                   | true
      on         | true                   | true
      OFF        | false                  | true
      n          | false                  | true
      true       | true                   | false
      0640       | 416                    | true
      0x1F       | 31                     | false
      0o17       | 15                     | false
      1_000      | 1000                   | true
      0b101      | 5                      | true
      1:20       | "1:20"                 | true
      08         | 8                      | false
      1e3        | 1000                   | false
      1.50       | 1.5                    | false
      ~          | null                   | false
      null       | null                   | false
      '"yes"'    | "yes"                  | false
      '''on'''   | "on"                   | false
      '"0640"'   | "0640"                 | false
      '"1:20"'   | "1:20"                 | false
      nginx      | "nginx"                | false
      0:20       | "0:20"                 | false
      1:20:30    | "1:20:30"              | true
      0:20.5     | "0:20.5"               | true
      01         | 1                      | false
      07         | 7                      | false
      00         | 0                      | false
      010        | 8                      | true
      0_17       | 15                     | true
      07777777777777777777777 | 7.777777777777777e+21 | false
      +0x1F      | 31                     | true
      -0x1F      | -31                    | true
      0X1F       | 31                     | true
      0O17       | 15                     | true
      +0o17      | 15                     | true
      -0o17      | -15                    | true
      .5_5       | 0.55                   | true
      -0.0       | -0                     | false
      +12        | 12                     | false
      """)
  void typesAsKubectlAndWarnsWhereYaml12Differs(String scalar, String json, boolean warns) {
    ReadResult r =
        ManifestReader.defaults().read("apiVersion: v1\nkind: ConfigMap\nx: " + scalar + "\n");
    List<Diagnostic> warnings =
        r.diagnostics().stream().filter(d -> d.code().equals("yaml-ambiguous-scalar")).toList();
    if (warns) {
      assertThat(warnings).hasSize(1);
      assertThat(warnings.get(0).path()).isEqualTo("x");
      assertThat(warnings.get(0).span().line()).isEqualTo(3);
      assertThat(warnings.get(0).span().column()).isEqualTo(4);
      assertThat(warnings.get(0).message()).startsWith("kubectl reads " + scalar + " as");
    } else {
      assertThat(warnings).isEmpty();
    }
    if (!scalar.startsWith("\"") && !scalar.startsWith("'")) {
      assertThat(YamlScalars.resolvePlain(scalar).toString()).isEqualTo(json);
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      0640 | kubectl reads 0640 as the octal number 416 (YAML 1.1), but YAML 1.2 readers read the decimal number 640; write 416 (or 0o640) for the number, or quote it for a string
      -0640 | kubectl reads -0640 as the octal number -416 (YAML 1.1), but YAML 1.2 readers read the decimal number -640; write -416 (or -0o640) for the number, or quote it for a string
      on   | kubectl reads on as the boolean true (YAML 1.1), but YAML 1.2 readers read the string "on"; write true for a boolean or "on" (quoted) for a string
      0_17 | kubectl reads 0_17 as the number 15 (YAML 1.1), but YAML 1.2 readers read the string "0_17"; write 15 for the number or "0_17" (quoted) for a string
      +0x1F | kubectl reads +0x1F as the number 31 (YAML 1.1), but YAML 1.2 readers read the string "+0x1F"; write 31 for the number or "+0x1F" (quoted) for a string
      1:20 | kubectl reads 1:20 as the string "1:20", but YAML 1.1 readers read a base-60 number; quote it ("1:20")
      """)
  void messagesSayWhatKubectlReadsAndHowToQuote(String scalar, String message) {
    assertThat(YamlScalars.ambiguity(scalar, YamlScalars.resolvePlain(scalar))).isEqualTo(message);
  }

  @ParameterizedTest
  @CsvSource({"yes, true", "on, true", "'0640', 416"})
  void aStringFieldGivenAnAmbiguousScalarIsATypeError(String scalar, String read) {
    ReadResult r =
        ManifestReader.defaults()
            .read("apiVersion: v1\nkind: Node\nmetadata:\n  name: " + scalar + "\n");
    assertThat(r.diagnostics())
        .extracting(Diagnostic::code)
        .containsExactly("yaml-ambiguous-scalar", "invalid-type");
    assertThat(r.diagnostics().get(1).message()).endsWith(read);
  }
}
