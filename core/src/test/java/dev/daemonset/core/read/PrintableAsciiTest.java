package dev.daemonset.core.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The printable-ASCII shortcut of decoding (eight bytes at a time) decides exactly as the JDK's
 * UTF-8 decoder followed by the control-character check: every byte value at every position of a
 * word, and pairs of bytes that could carry into each other.
 */
class PrintableAsciiTest {

  private static void assertSameBothWays(byte[] bytes) {
    ManifestReader.Decoded fast = ManifestReader.decode(bytes, 0, bytes.length, 0, true);
    ManifestReader.Decoded slow = ManifestReader.decode(bytes, 0, bytes.length, 0, false);
    assertThat(fast).as("bytes %s", Arrays.toString(bytes)).isEqualTo(slow);
  }

  @Test
  void everyByteAtEveryPositionOfAWord() {
    for (int value = 0; value < 256; value++) {
      for (int at = 0; at < 19; at++) {
        byte[] bytes = new byte[19]; // two words and three bytes after them
        Arrays.fill(bytes, (byte) 'a');
        bytes[at] = (byte) value;
        assertSameBothWays(bytes);
      }
    }
  }

  @Test
  void neighbouringBytesThatCouldBorrowOrCarry() {
    int[] edges = {0x00, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x21, 0x7E, 0x7F, 0x80, 0xC3, 0xFF};
    for (int low : edges) {
      for (int high : edges) {
        for (int at = 0; at < 8; at++) {
          byte[] bytes = new byte[16];
          Arrays.fill(bytes, (byte) ' ');
          bytes[at] = (byte) low;
          bytes[at + 1] = (byte) high;
          assertSameBothWays(bytes);
        }
      }
    }
  }
}
