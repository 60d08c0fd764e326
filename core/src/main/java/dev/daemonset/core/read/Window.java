package dev.daemonset.core.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * A window onto a stream of bytes, read block by block: the bytes from a movable {@linkplain
 * #keepFrom mark} on stay at hand (so one object can be read again, or split off), everything
 * before it is let go. Positions are absolute offsets in the stream.
 *
 * <p>Memory is bounded: the window never holds more than {@code cap} bytes; when the kept part
 * would grow beyond that, its oldest bytes are let go anyway and {@link #lost} says from where the
 * kept part is incomplete. Reading stops at {@code maxTotal} bytes ({@link #tooLarge}). Not
 * thread-safe.
 */
final class Window {
  private static final int BLOCK = 1 << 16;

  private final InputStream in;
  private final int cap;
  private final long maxTotal;

  private byte[] buffer = new byte[BLOCK * 2];

  /** The stream offset of {@code buffer[0]}. */
  private long base;

  /** Valid bytes in the buffer. */
  private int length;

  private long keepFrom;

  /** The kept part is incomplete before this offset (bytes after the mark were let go). */
  private long lostBefore;

  private boolean end;
  private boolean tooLarge;

  /**
   * @param in the stream (not closed here)
   * @param cap the most bytes held
   * @param maxTotal where reading stops, in bytes
   */
  Window(InputStream in, int cap, long maxTotal) {
    this.in = in;
    this.cap = Math.max(cap, BLOCK * 2);
    this.maxTotal = maxTotal;
  }

  /** The stream offset just after the last byte read so far. */
  long limit() {
    return base + length;
  }

  /**
   * Makes the byte at {@code offset} available if the stream has it: false at the end of the stream
   * (or of what the size limit lets through).
   */
  boolean has(long offset) {
    while (offset >= base + length) {
      if (!load()) {
        return false;
      }
    }
    return true;
  }

  /** The byte at {@code offset}, which {@link #has} made available and is not let go. */
  byte at(long offset) {
    return buffer[(int) (offset - base)];
  }

  /** The array the bytes are in, for a scan that does not load (see {@link #index}). */
  byte[] buffer() {
    return buffer;
  }

  /** Where the byte at {@code offset} is in {@link #buffer()}. */
  int index(long offset) {
    return (int) (offset - base);
  }

  /**
   * The offset of the first {@code target} byte at or after {@code from}, or the end of the stream
   * if there is none.
   */
  long find(byte target, long from) {
    long at = from;
    while (has(at)) {
      int i = (int) (at - base);
      int end = length;
      byte[] b = buffer;
      while (i < end && b[i] != target) {
        i++;
      }
      at = base + i;
      if (i < end) {
        return at;
      }
    }
    return at;
  }

  /** Bytes from {@code offset} on may be let go of no earlier than they are read past. */
  void keepFrom(long offset) {
    keepFrom = Math.max(keepFrom, offset);
  }

  /** True if bytes at or after {@code offset} have been let go (the window ran out of room). */
  boolean lost(long offset) {
    return offset < lostBefore || offset < base;
  }

  /** A copy of the bytes from {@code from} to {@code to}, which must not be {@link #lost}. */
  byte[] copy(long from, long to) {
    return Arrays.copyOfRange(buffer, (int) (from - base), (int) (to - base));
  }

  /** True if the stream is longer than the limit (reading stopped there). */
  boolean tooLarge() {
    return tooLarge;
  }

  /** Reads the next block; false at the end. */
  private boolean load() {
    if (end) {
      return false;
    }
    if (length + BLOCK > buffer.length) {
      makeRoom();
    }
    int n;
    try {
      n = in.read(buffer, length, Math.min(BLOCK, buffer.length - length));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (n < 0) {
      end = true;
      return false;
    }
    if (base + length + n > maxTotal) {
      n = (int) Math.max(0, maxTotal - base - length);
      tooLarge = true;
      end = true;
    }
    length += n;
    return n > 0 || !end;
  }

  /** Drops what is before the mark, grows the buffer, or lets go of the oldest kept bytes. */
  private void makeRoom() {
    int drop = (int) Math.min(length, Math.max(0, keepFrom - base));
    if (length - drop + BLOCK > cap) {
      // the kept part is too long to hold: keep only the last blocks
      drop = length - (cap - BLOCK);
      lostBefore = base + drop;
    }
    if (drop > 0) {
      System.arraycopy(buffer, drop, buffer, 0, length - drop);
      base += drop;
      length -= drop;
    }
    if (length + BLOCK > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.min(cap, Math.max(buffer.length * 2, length + BLOCK)));
    }
  }

  /** The stream from {@code from} on, as an {@link InputStream} (for Jackson). */
  InputStream stream(long from) {
    return new InputStream() {
      private long next = from;

      @Override
      public int read() {
        if (!has(next)) {
          return -1;
        }
        return at(next++) & 0xFF;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (len == 0) {
          return 0;
        }
        if (!has(next)) {
          return -1;
        }
        int n = (int) Math.min(len, base + length - next);
        System.arraycopy(buffer, (int) (next - base), b, off, n);
        next += n;
        return n;
      }
    };
  }
}
