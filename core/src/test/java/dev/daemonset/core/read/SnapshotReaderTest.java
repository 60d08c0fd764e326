package dev.daemonset.core.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.ReadResult;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.plan.ClusterSnapshot;
import dev.daemonset.core.Seeds;
import dev.daemonset.core.dump.ClusterDump;
import dev.daemonset.core.dump.ClusterDump.Format;
import dev.daemonset.core.dump.ClusterDump.Options;
import dev.daemonset.core.plan.Planner;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The snapshot reader reads what the full reader reads, of what it keeps, and what it keeps plans
 * as the full objects plan.
 */
@ExtendWith(Seeds.class)
class SnapshotReaderTest {
  private static final DaemonSet DS =
      ManifestReader.defaults().read(ClusterDump.daemonSetYaml()).daemonSets().get(0);

  @Test
  void generatedDumpsAsJsonAndYaml() {
    for (Format format : Format.values()) {
      byte[] bytes = ClusterDump.bytes(Options.of(60, 7), format);
      ReadResult r = SnapshotAgreement.check(bytes, "60 nodes " + format);
      assertThat(r.nodes()).hasSize(60);
      assertThat(r.pods()).hasSize(90);
      assertThat(r.controllerRevisions()).hasSize(2);
      assertThat(r.diagnostics()).isEmpty();
    }
  }

  @Test
  void generatedClustersWithVariety() {
    long seed = Long.getLong("snapshot.seed", 20261207L);
    Seeds.use(seed, "-Dsnapshot.seed=" + seed);
    Random random = new Random(seed);
    for (int round = 0; round < 6; round++) {
      Options options =
          new Options(5 + random.nextInt(40), random.nextDouble(), random.nextLong(), true);
      for (Format format : Format.values()) {
        byte[] bytes = ClusterDump.bytes(options, format);
        String what = options + " " + format + " (seed " + seed + ")";
        ReadResult snapshot = SnapshotAgreement.check(bytes, what);
        ReadResult full = ManifestReader.defaults().read(bytes);
        assertThat(Planner.plan(DS, ClusterSnapshot.from(snapshot), ClusterDump.TAKEN))
            .as(what + ": the plan")
            .isEqualTo(Planner.plan(DS, ClusterSnapshot.from(full), ClusterDump.TAKEN));
      }
    }
  }

  /**
   * JSON or YAML is decided as the strict reader decides it: by the first character that is not Go
   * white space, which may be a multi-byte one (no-break, em, ideographic space, next line), after
   * a byte order mark; a character cut off by the end of the input decides YAML.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("firstCharacters")
  void theFirstCharacterDecidesJsonOrYamlAsForTheStrictReader(String what, byte[] bytes) {
    ReadResult r = SnapshotAgreement.check(bytes, what);
    if (what.startsWith("blanks") || what.startsWith("a byte order mark, then")) {
      assertThat(r.nodes()).as(what).hasSize(1);
    }
  }

  static Stream<Arguments> firstCharacters() {
    String json = "{\"apiVersion\": \"v1\", \"kind\": \"Node\", \"metadata\": {\"name\": \"a\"}}";
    String yaml = "apiVersion: v1\nkind: Node\nmetadata:\n  name: a\n";
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    return Stream.of(
        Arguments.of("blanks, then JSON", utf8(" \t\r\n" + json)),
        Arguments.of("a no-break space, then JSON", utf8("\u00a0" + json)),
        Arguments.of("a next-line character, then JSON", utf8("\u0085" + json)),
        Arguments.of("an em space, then JSON", utf8("\u2003\n" + json)),
        Arguments.of("an ideographic space, then JSON", utf8("\u3000" + json)),
        Arguments.of("a no-break space, then YAML", utf8("\u00a0\n" + yaml)),
        Arguments.of("a letter with an accent before a brace", utf8("\u00e9" + json)),
        Arguments.of("an emoji before a brace", utf8("\ud83d\ude00" + json)),
        Arguments.of("a byte order mark, then JSON", concat(bom, utf8(json))),
        Arguments.of("a byte order mark, then YAML", concat(bom, utf8(yaml))),
        Arguments.of("only a byte order mark", bom),
        Arguments.of("two bytes of a byte order mark", new byte[] {(byte) 0xEF, (byte) 0xBB}),
        Arguments.of(
            "a UTF-16 byte order mark", concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, utf8(json))),
        Arguments.of("a two-byte character cut off", new byte[] {(byte) 0xC2}),
        Arguments.of("a three-byte space cut off", new byte[] {(byte) 0xE2, (byte) 0x80}),
        Arguments.of(
            "a four-byte character cut off", new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}),
        Arguments.of("one brace", utf8("{")),
        Arguments.of(
            "an error after wide characters on its line",
            utf8("{\"a\": \"\u00e9\u3000\ud83d\ude00\", x}")),
        Arguments.of("an error on a later line", utf8("{\"a\": \"\u00e9\",\n  \"\u00e9\": x}")),
        Arguments.of("a C1 control character in JSON", utf8("{\"a\": \u0086}")),
        Arguments.of("DEL in JSON", utf8("{\"a\": \u007f}")));
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
