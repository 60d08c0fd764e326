package dev.daemonset.cli;

import static java.util.Objects.requireNonNull;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.ReadResult;
import dev.daemonset.core.DaemonSetEngine;
import dev.daemonset.core.lint.LintResult;
import dev.daemonset.core.report.FileReport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One input as the user named it: the name to print (relative paths as given, {@code <stdin>} for
 * standard input) and where its bytes come from. Nothing is read until a command reads it: {@code
 * plan} and {@code explain} stream their inputs ({@link #readSnapshot}), so a kubectl dump of any
 * size never sits in memory whole; {@code lint} reads the bytes.
 *
 * <p>The text a report quotes source lines from is read only when there is something to report, and
 * only for inputs of at most {@link #QUOTED} bytes (a larger input is reported without its lines).
 */
final class Source {
  /** The largest input whose lines a report quotes. */
  static final int QUOTED = 32 << 20;

  private final String name;
  private final @Nullable Path file;
  private final @Nullable InputStream stream;
  private byte @Nullable [] bytes;

  private Source(
      String name, @Nullable Path file, @Nullable InputStream stream, byte @Nullable [] bytes) {
    this.name = requireNonNull(name, "name");
    this.file = file;
    this.stream = stream;
    this.bytes = bytes;
  }

  /** A file, read when it is read. */
  static Source file(String name, Path file) {
    return new Source(name, requireNonNull(file, "file"), null, null);
  }

  /** A stream (standard input), read once. */
  static Source stream(String name, InputStream in) {
    return new Source(name, null, requireNonNull(in, "in"), null);
  }

  /** Bytes already at hand. */
  static Source of(String name, byte[] bytes) {
    return new Source(name, null, null, requireNonNull(bytes, "bytes"));
  }

  String name() {
    return name;
  }

  /**
   * The whole input (for {@code lint}).
   *
   * @throws IOException if it cannot be read
   */
  byte[] bytes() throws IOException {
    byte[] b = bytes;
    if (b == null) {
      b = file != null ? Files.readAllBytes(file) : requireNonNull(stream).readAllBytes();
      bytes = b;
    }
    return b;
  }

  /**
   * The input read as a cluster snapshot, streaming ({@link DaemonSetEngine#readSnapshot}).
   *
   * @throws IOException if it cannot be read
   */
  ReadResult readSnapshot(DaemonSetEngine engine) throws IOException {
    if (bytes != null) {
      return engine.readSnapshot(new ByteArrayInputStream(bytes));
    }
    if (file != null) {
      return engine.readSnapshot(file);
    }
    // standard input can be read only once: keep its beginning for the source lines of a report
    Kept kept = new Kept(requireNonNull(stream));
    ReadResult result = engine.readSnapshot(kept);
    bytes = kept.bytes();
    return result;
  }

  /** A report of this input's diagnostics, quoting its lines when it is small enough. */
  FileReport report(List<Diagnostic> diagnostics) {
    return report(diagnostics, List.of());
  }

  /** The report of this input with the findings a suppression silenced, listed apart. */
  FileReport report(List<Diagnostic> diagnostics, List<LintResult.Suppressed> suppressed) {
    return new FileReport(name, text(), diagnostics, suppressed);
  }

  /** The text, or "" when it is larger than {@link #QUOTED} or cannot be read again. */
  private String text() {
    try {
      if (bytes == null && file != null && Files.size(file) <= QUOTED) {
        return Inputs.decode(Files.readAllBytes(file));
      }
    } catch (IOException e) {
      return "";
    }
    byte[] b = bytes;
    return b != null && b.length <= QUOTED ? Inputs.decode(b) : "";
  }

  static List<String> names(List<Source> sources) {
    return sources.stream().map(Source::name).toList();
  }

  /** A stream that keeps a copy of what was read from it, up to {@link #QUOTED} bytes. */
  private static final class Kept extends FilterInputStream {
    private @Nullable ByteArrayOutputStream copy = new ByteArrayOutputStream();

    Kept(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        keep(new byte[] {(byte) b}, 0, 1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        keep(b, off, n);
      }
      return n;
    }

    private void keep(byte[] b, int off, int n) {
      ByteArrayOutputStream c = copy;
      if (c != null && c.size() + n <= QUOTED) {
        c.write(b, off, n);
      } else {
        copy = null; // too large to quote: keep nothing
      }
    }

    /** What was read, or null if it was too large to keep. */
    byte @Nullable [] bytes() {
      ByteArrayOutputStream c = copy;
      return c == null ? null : c.toByteArray();
    }
  }
}
