package dev.daemonset.core.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.ReadResult;
import dev.daemonset.core.Seeds;
import dev.daemonset.core.dump.ClusterDump;
import dev.daemonset.core.dump.ClusterDump.Format;
import dev.daemonset.core.dump.ClusterDump.Options;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Broken and hostile snapshots: a truncated or corrupt dump gives one located error (the one the
 * full reader gives) and never throws; the object and input size limits hold while streaming.
 */
@ExtendWith(Seeds.class)
class SnapshotLimitsTest {

  private static final byte[] JSON = ClusterDump.bytes(Options.of(12, 5), Format.JSON);
  private static final byte[] YAML = ClusterDump.bytes(Options.of(12, 5), Format.YAML);

  @Test
  void aTruncatedDumpGivesOneLocatedErrorAsTheFullReaderDoes() {
    long seed = Long.getLong("snapshot.seed", 20261207L);
    Seeds.use(seed, "-Dsnapshot.seed=" + seed);
    Random random = new Random(seed);
    for (byte[] dump : List.of(JSON, YAML)) {
      for (int k = 0; k < 40; k++) {
        int cut = 1 + random.nextInt(dump.length - 1);
        byte[] truncated = Arrays.copyOf(dump, cut);
        String what = (dump == JSON ? "JSON" : "YAML") + " cut at " + cut + " (seed " + seed + ")";
        ReadResult full = ManifestReader.defaults().read(truncated);
        ReadResult snapshot = SnapshotReader.defaults().read(truncated);
        List<Diagnostic> errors =
            snapshot.diagnostics().stream().filter(Diagnostic::isError).toList();
        List<Diagnostic> fullErrors =
            full.diagnostics().stream().filter(Diagnostic::isError).toList();
        if (fullErrors.isEmpty()) {
          // cut at a line end, YAML is still YAML: both read the same objects
          SnapshotAgreement.assertAgree(full, snapshot, what);
          continue;
        }
        assertThat(errors).as(what).hasSize(1);
        Diagnostic e = errors.get(0);
        Diagnostic f = fullErrors.get(0);
        assertThat(e.code()).as(what).isEqualTo(f.code());
        assertThat(e.span().line()).as(what + ": line").isEqualTo(f.span().line());
        assertThat(e.span().column()).as(what + ": column").isEqualTo(f.span().column());
        assertThat(snapshot.documents()).as(what + ": the List is unreadable").isEmpty();
      }
    }
  }

  @Test
  void corruptBytesRejectTheInputAsTheFullReaderDoes() {
    for (byte[] dump : List.of(JSON, YAML)) {
      byte[] corrupt = dump.clone();
      int at = corrupt.length / 2;
      while (corrupt[at] != '"' && corrupt[at] != ':') {
        at++;
      }
      corrupt[at - 1] = (byte) 0xC3; // a two-byte lead byte before an ASCII character
      ReadResult snapshot = SnapshotReader.defaults().read(corrupt);
      assertThat(snapshot.documents()).isEmpty();
      assertThat(snapshot.diagnostics()).hasSize(1);
      assertThat(snapshot.diagnostics().get(0).code())
          .isIn("invalid-encoding", dump == JSON ? "json-syntax" : "invalid-encoding");
      assertThat(ManifestReader.defaults().read(corrupt).diagnostics().get(0).code())
          .isEqualTo("invalid-encoding");
    }
  }

  @Test
  void anObjectLargerThanTheLimitIsReportedAndTheOthersAreRead() {
    for (Format format : Format.values()) {
      byte[] dump = ClusterDump.bytes(Options.of(6, 5), format);
      // between the size of a pod and of a node
      ReadLimits limits =
          ReadLimits.DEFAULTS.withMaxObjectSize(format == Format.JSON ? 7_000 : 3_300);
      ReadResult full = ManifestReader.defaults().withLimits(limits).read(dump);
      ReadResult snapshot = SnapshotReader.defaults().withLimits(limits).read(dump);
      List<String> tooLarge =
          snapshot.diagnostics().stream()
              .filter(d -> d.code().equals("document-too-large"))
              .map(d -> d.span().document() + " " + d.span().line())
              .toList();
      assertThat(tooLarge).as(format + ": the nodes are larger than the limit").hasSize(6);
      assertThat(tooLarge)
          .isEqualTo(
              full.diagnostics().stream()
                  .filter(d -> d.code().equals("document-too-large"))
                  .map(d -> d.span().document() + " " + d.span().line())
                  .toList());
      assertThat(snapshot.nodes()).isEmpty();
      assertThat(snapshot.pods()).hasSize(full.pods().size());
    }
  }

  @Test
  void anInputLargerThanTheLimitIsOneErrorWhileStreaming() throws IOException {
    ReadLimits limits = ReadLimits.DEFAULTS.withMaxTotalSize(100_000);
    InputStream endless =
        endless(
            "{\"apiVersion\": \"v1\", \"kind\": \"List\", \"items\": [",
            "{\"apiVersion\": \"v1\", \"kind\": \"Node\", \"metadata\": {\"name\": \"n\"}},\n");
    ReadResult r = SnapshotReader.defaults().withLimits(limits).read(endless);
    assertThat(r.documents()).isEmpty();
    assertThat(r.diagnostics()).extracting(Diagnostic::code).containsExactly("document-too-large");
  }

  @Test
  void aHugeLineOrStringStaysWithinTheWindow() throws IOException {
    // 64 MiB of one YAML line and of one JSON string: each is one error, not an OutOfMemoryError
    ReadLimits limits = ReadLimits.DEFAULTS.withMaxTotalSize(64 << 20);
    ReadResult yaml =
        SnapshotReader.defaults().withLimits(limits).read(endless("a: ", "bbbbbbbbbbbbbbbb"));
    assertThat(yaml.diagnostics())
        .extracting(Diagnostic::code)
        .containsExactly("document-too-large");
    ReadResult json =
        SnapshotReader.defaults()
            .withLimits(limits)
            .read(
                endless(
                    "{\"apiVersion\": \"v1\", \"kind\": \"Node\", \"metadata\": {\"x\": \"",
                    "bbbbbbbbbbbbbbbb"));
    assertThat(json.diagnostics())
        .extracting(Diagnostic::code)
        .containsExactly("document-too-large");
  }

  @Test
  void deepNestingInASkippedFieldIsBounded() {
    String deep = "[".repeat(200_000);
    ReadResult json =
        SnapshotReader.defaults()
            .read("{\"apiVersion\": \"v1\", \"kind\": \"Node\", \"status\": " + deep);
    assertThat(json.diagnostics()).extracting(Diagnostic::code).containsExactly("nesting-too-deep");
    StringBuilder yaml = new StringBuilder("apiVersion: v1\nkind: Node\nstatus:\n");
    for (int i = 1; i < 200; i++) {
      yaml.append(" ".repeat(i)).append("k:\n");
    }
    ReadResult y = SnapshotReader.defaults().read(yaml.toString());
    assertThat(y.diagnostics())
        .extracting(Diagnostic::code)
        .isEqualTo(
            ManifestReader.defaults().read(yaml.toString()).diagnostics().stream()
                .map(Diagnostic::code)
                .toList());
  }

  /** A stream of {@code head} and then {@code body} again and again, for ever. */
  private static InputStream endless(String head, String body) {
    byte[] h = head.getBytes(StandardCharsets.UTF_8);
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    return new InputStream() {
      private long at;

      @Override
      public int read() {
        long i = at++;
        return i < h.length ? h[(int) i] : b[(int) ((i - h.length) % b.length)];
      }

      @Override
      public int read(byte[] out, int off, int len) {
        for (int i = 0; i < len; i++) {
          out[off + i] = (byte) read();
        }
        return len;
      }
    };
  }

  @Test
  void bytesAndStreamsGiveTheSameResult() throws IOException {
    ReadResult stream = SnapshotReader.defaults().read(new ByteArrayInputStream(YAML));
    ReadResult bytes = SnapshotReader.defaults().read(YAML);
    assertThat(stream.nodes()).isEqualTo(bytes.nodes()).hasSize(12);
    assertThat(stream.pods()).isEqualTo(bytes.pods());
    assertThat(stream.diagnostics()).isEqualTo(bytes.diagnostics());
  }
}
