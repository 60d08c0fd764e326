package dev.daemonset.core.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.lint.RuleInfo;
import dev.daemonset.core.TestData;
import dev.daemonset.core.internal.tree.ReaderCode;
import dev.daemonset.core.lint.Linter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The catalogue of reader codes ({@link ReaderCode}) is exhaustive both ways: every code comes out
 * of at least one input here, with the catalogue's severity, and is described in {@code
 * docs/rules.md} and in the linter's rule list (SARIF needs a rule for each result); reading never
 * produces a code outside the catalogue.
 */
class ReaderCodeTest {

  private static final String POD = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n";

  /** One input per code, read with the limits given. */
  private record Input(String text, Function<ReadLimits, ReadLimits> limits) {
    Input(String text) {
      this(text, l -> l);
    }

    List<Diagnostic> read() {
      return ManifestReader.defaults()
          .withLimits(limits.apply(ReadLimits.DEFAULTS))
          .read(text)
          .diagnostics();
    }
  }

  private static final Map<ReaderCode, Input> INPUTS = new EnumMap<>(ReaderCode.class);

  static {
    INPUTS.put(ReaderCode.YAML_SYNTAX, new Input(POD + "  labels: [a, b\n"));
    INPUTS.put(ReaderCode.JSON_SYNTAX, new Input("{\"apiVersion\": \"v1\", \"kind\": }"));
    INPUTS.put(ReaderCode.INVALID_ENCODING, new Input(POD + "  labels: {a: \"\u0000\"}\n"));
    INPUTS.put(ReaderCode.UNKNOWN_FIELD, new Input(POD + "spec:\n  containerz: []\n"));
    INPUTS.put(ReaderCode.MISSING_KIND, new Input("apiVersion: v1\nmetadata:\n  name: p\n"));
    INPUTS.put(
        ReaderCode.MISSPELLED_KIND,
        new Input("apiVersion: apps/v1\nkind: Daemonset\nmetadata:\n  name: d\n"));
    INPUTS.put(
        ReaderCode.UNSUPPORTED_API_VERSION,
        new Input("apiVersion: extensions/v1beta1\nkind: DaemonSet\nmetadata:\n  name: d\n"));
    INPUTS.put(
        ReaderCode.UNSUPPORTED_VALUE, new Input("apiVersion: v1\nkind: ConfigMap\nx: .inf\n"));
    INPUTS.put(ReaderCode.UNSUPPORTED_KEY, new Input("~: v\n"));
    INPUTS.put(ReaderCode.DUPLICATE_KEY, new Input(POD + "kind: Pod\n"));
    INPUTS.put(ReaderCode.TRAILING_CONTENT, new Input(POD + "...\nspec: {}\n"));
    INPUTS.put(ReaderCode.INVALID_TYPE, new Input(POD + "spec:\n  hostNetwork: [1]\n"));
    INPUTS.put(
        ReaderCode.YAML_AMBIGUOUS_SCALAR,
        new Input(POD + "  annotations:\n    a: \"x\"\nspec:\n  hostNetwork: yes\n"));
    INPUTS.put(
        ReaderCode.SKIPPED_KIND,
        new Input("apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n"));
    INPUTS.put(ReaderCode.DOCUMENT_TOO_LARGE, new Input(POD, l -> l.withMaxObjectSize(10)));
    INPUTS.put(
        ReaderCode.NESTING_TOO_DEEP, new Input(POD + "  labels: {a: b}\n", l -> l.withMaxDepth(1)));
    INPUTS.put(
        ReaderCode.TOO_MANY_ALIASES,
        new Input(POD + "  labels: &l {a: b}\n  annotations: *l\n", l -> l.withMaxAliases(0)));
    INPUTS.put(
        ReaderCode.STRING_TOO_LONG,
        new Input(POD + "  labels: {a: abcdefghijk}\n", l -> l.withMaxStringLength(10)));
    INPUTS.put(
        ReaderCode.NUMBER_TOO_LONG,
        new Input(POD + "spec:\n  priority: 12345678901\n", l -> l.withMaxNumberLength(10)));
    INPUTS.put(ReaderCode.FORBIDDEN_TAG, new Input(POD + "  labels: !foo {a: b}\n"));
  }

  @Test
  void everyCodeHasAnInputThatProducesItWithItsSeverity() {
    assertThat(INPUTS.keySet())
        .as("an input for every catalogue entry")
        .containsExactlyInAnyOrder(ReaderCode.values());
    INPUTS.forEach(
        (code, input) -> {
          List<Diagnostic> found = input.read();
          assertThat(found)
              .as("reading %s%s", input.text(), found)
              .anySatisfy(
                  d -> {
                    assertThat(d.code()).isEqualTo(code.id());
                    assertThat(d.severity()).isEqualTo(code.severity());
                  });
        });
  }

  @Test
  void readingProducesNoCodeOutsideTheCatalogue() throws IOException {
    Set<String> catalogue =
        Stream.of(ReaderCode.values()).map(ReaderCode::id).collect(Collectors.toSet());
    List<Diagnostic> all = new ArrayList<>();
    INPUTS.values().forEach(i -> all.addAll(i.read()));
    List<Path> files;
    try (Stream<Path> walk = Files.walk(TestData.path("testdata"))) {
      files = walk.filter(p -> p.toString().matches(".*\\.(ya?ml|json)$")).sorted().toList();
    }
    assertThat(files).as("the corpus").hasSizeGreaterThan(20);
    for (Path f : files) {
      all.addAll(ManifestReader.defaults().read(f).diagnostics());
      byte[] bytes = Files.readAllBytes(f);
      // the same text cut short and with a byte that is not UTF-8: the error paths
      all.addAll(
          ManifestReader.defaults()
              .read(new String(bytes, 0, bytes.length / 2, StandardCharsets.UTF_8))
              .diagnostics());
      byte[] bad = bytes.clone();
      bad[bad.length / 3] = (byte) 0xff;
      all.addAll(ManifestReader.defaults().read(bad).diagnostics());
    }
    for (Diagnostic d : all) {
      assertThat(catalogue).as("code of %s", d).contains(d.code());
      assertThat(ReaderCode.byId(d.code()).orElseThrow().severity())
          .as("severity of %s", d)
          .isEqualTo(d.severity());
    }
  }

  private static final Pattern TABLE_ROW =
      Pattern.compile("^\\| `([a-z-]+)` \\| (\\w+) \\|", Pattern.MULTILINE);

  @Test
  void everyCodeIsDocumentedWithItsLevelAndDescribedForSarif() throws IOException {
    String rules = Files.readString(TestData.path("../docs/rules.md"));
    String reading = rules.substring(rules.indexOf("## Reading"));
    reading = reading.substring(0, reading.indexOf("\n## ", 1));
    Map<String, String> documented = new java.util.TreeMap<>();
    Matcher m = TABLE_ROW.matcher(reading);
    while (m.find()) {
      documented.put(m.group(1), m.group(2));
    }
    Map<String, String> expected = new java.util.TreeMap<>();
    for (ReaderCode c : ReaderCode.values()) {
      expected.put(c.id(), c.severity().label());
    }
    assertThat(documented).as("docs/rules.md#reading").isEqualTo(expected);
    Set<String> described =
        Linter.defaults().rules().stream().map(RuleInfo::id).collect(Collectors.toSet());
    assertThat(described).containsAll(expected.keySet());
    for (RuleInfo r : Linter.defaults().rules()) {
      ReaderCode.byId(r.id())
          .ifPresent(c -> assertThat(r.defaultSeverity()).as(r.id()).isEqualTo(c.severity()));
    }
    assertThat(EnumSet.allOf(ReaderCode.class)).hasSize(expected.size());
  }
}
