package dev.daemonset.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Found by CliFuzzTest: an operand no file system accepts is a usage error, not an internal one.
 */
class InvalidOperandTest {

  @Test
  void nulCharacterInAnOperand() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            new String[] {"lint", "a\u0000b.yaml"},
            new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            false);
    assertThat(code).isEqualTo(Main.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo("daemonset: a\\u0000b.yaml: not a valid path: Nul character not allowed\n");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }
}
